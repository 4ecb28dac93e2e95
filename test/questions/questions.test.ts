/**
 * The question set against the real knowledge folder: the expected curated fact ranks first, and
 * off-topic questions get nothing. Every curated fact is covered by at least one question.
 */
import path from 'node:path';
import { makeAsk } from '../../src/answers/ask';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { createSearchIndex } from '../../src/search/engine';
import { QUESTIONS } from './questions';

const knowledge = loadKnowledgeBase(path.join(__dirname, '..', '..', 'knowledge'));
const index = createSearchIndex(knowledge);
const ask = makeAsk({ knowledge, index });

describe('question set', () => {
  it('loads the real knowledge base without problems', () => {
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.facts.length).toBeGreaterThan(0);
  });

  it('asks about every curated fact at least once, in English and in Italian', () => {
    for (const fact of knowledge.facts) {
      const kinds = QUESTIONS.filter((q) => q.expected === fact.id).map((q) => q.kind);
      expect({ fact: fact.id, english: kinds.some((k) => k !== 'italian'), italian: kinds.includes('italian') }).toEqual({ fact: fact.id, english: true, italian: true });
    }
  });

  it('has English, Italian, typo, mixed and off-topic questions', () => {
    expect(new Set(QUESTIONS.map((q) => q.kind))).toEqual(new Set(['english', 'italian', 'typo', 'mixed', 'off-topic']));
  });

  describe.each(QUESTIONS.filter((q) => q.expected !== null))('"$question" ($kind)', ({ question, expected }) => {
    it(`ranks ${expected} first`, () => {
      expect(ask(question).results[0]?.factId).toBe(expected);
    });
  });

  describe.each(QUESTIONS.filter((q) => q.expected === null))('"$question" (off-topic)', ({ question }) => {
    it('gets no answer', () => {
      expect(ask(question).results).toEqual([]);
    });
  });
});
