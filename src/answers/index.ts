export { DEFAULT_MAX_QUESTION_LENGTH, DEFAULT_RESULT_LIMIT, makeAsk, prepareQuestion } from './ask';
export { citationFor } from './citation';
export type { MakeAskDependencies } from './ask';
export type { Answer, AnswerResult, Ask, Citation } from './types';
