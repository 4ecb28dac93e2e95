/**
 * The one function front ends call: a question in, cited answers out. Pure over its dependencies.
 */
import { normalizeWhitespace } from '../knowledge/text';
import type { Fact, KnowledgeBase, KnowledgeDocument, Passage } from '../knowledge/types';
import type { SearchHit, SearchIndex } from '../search/types';
import { citationFor } from './citation';
import type { Answer, AnswerResult, Ask } from './types';

export const DEFAULT_MAX_QUESTION_LENGTH = 500;
export const DEFAULT_RESULT_LIMIT = 5;

export interface MakeAskDependencies {
  knowledge: KnowledgeBase;
  index: SearchIndex;
  /** Longer questions are cut to this many characters (default 500) and flagged `truncated`. */
  maxQuestionLength?: number;
}

export function makeAsk({ knowledge, index, maxQuestionLength = DEFAULT_MAX_QUESTION_LENGTH }: MakeAskDependencies): Ask {
  const facts = new Map<string, Fact>(knowledge.facts.map((fact) => [fact.id, fact]));
  const passages = new Map<string, Passage>(knowledge.passages.map((passage) => [passage.id, passage]));
  const documents = new Map<string, KnowledgeDocument>(knowledge.documents.map((document) => [document.id, document]));

  return (question, options) => {
    const { query, truncated } = prepareQuestion(question, maxQuestionLength);
    const limit = normaliseLimit(options?.limit);
    if (!query) return { query, truncated, results: [] };
    let hits: SearchHit[];
    try {
      hits = index.search(query, { limit });
    } catch {
      // A search failure must not take the front end down with it; it answers "nothing found".
      hits = [];
    }
    const results: AnswerResult[] = [];
    for (const hit of hits) {
      if (results.length >= limit) break;
      if (hit.kind === 'fact') {
        const fact = facts.get(hit.id);
        if (!fact) continue;
        results.push({
          quote: normalizeWhitespace(fact.quote),
          translation: fact.translation ? normalizeWhitespace(fact.translation) : null,
          score: hit.score,
          source: citationFor(documents.get(fact.documentId), fact),
          factId: fact.id,
        });
      } else {
        const passage = passages.get(hit.id);
        if (!passage) continue;
        results.push({
          quote: normalizeWhitespace(passage.text),
          translation: null,
          score: hit.score,
          source: citationFor(documents.get(passage.documentId), passage),
          factId: null,
        });
      }
    }
    const answer: Answer = { query, truncated, results };
    return answer;
  };
}

/** Trims and cuts a question to `max` characters without splitting a surrogate pair. */
export function prepareQuestion(question: unknown, max: number): { query: string; truncated: boolean } {
  const text = typeof question === 'string' ? question.trim() : '';
  if (text.length <= max) return { query: text, truncated: false };
  // A code point takes at most two UTF-16 units: looking at twice `max` units is enough.
  const characters = Array.from(text.slice(0, max * 2 + 1));
  if (characters.length <= max && text.length <= max * 2) return { query: text, truncated: false };
  return { query: characters.slice(0, max).join('').trim(), truncated: true };
}

function normaliseLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 1) return DEFAULT_RESULT_LIMIT;
  return Math.floor(limit);
}
