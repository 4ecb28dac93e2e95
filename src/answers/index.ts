export { DEFAULT_MAX_QUESTION_LENGTH, DEFAULT_RESULT_LIMIT, makeAsk, normaliseWhitespace, prepareQuestion } from './ask';
export type { MakeAskDependencies } from './ask';
export type { Answer, AnswerResult, Ask, Citation } from './types';
