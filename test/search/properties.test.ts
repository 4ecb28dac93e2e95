import fc from 'fast-check';
import { makeAsk } from '../../src/answers/ask';
import { createSearchIndex } from '../../src/search/engine';
import { analyze } from '../../src/search/normalize';
import { fact, knowledgeBase, passage } from './fixtures';

const farm = passage(1, 1, 'Il più grande sito di ecommerce del mondo ha scelto la Germania per la sua nuova server farm.');
const borsa = passage(2, 1, 'Alibaba è quotato anche a Wall Street, non soltanto alla Borsa di Shangai.a');
const knowledge = knowledgeBase({
  passages: [farm, borsa, passage(3, 1, 'Certo (attualmente sono circa 650 mila su 2 milioni e 300 mila complessivi) [sic] *.+?^$ {}|\\')],
  facts: [fact('farm', farm, { translation: 'Germany, new server farm.', keywords: ['data center', 'DC', 'US', '$17bn', '11.11'] })],
  glossary: [['data center', 'server farm'], ['stock exchange', 'borsa'], ['(', ')', '.*']],
});
const index = createSearchIndex(knowledge);
const ask = makeAsk({ knowledge, index });

/** Strings built from the troublesome parts of real input: words, accents, emoji, controls, regex syntax. */
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom('server', 'farm', 'Borsa', 'è', '’', "'", '🙂', '\u0000', '\u200b', '\u0301', '.*', '(', '[', '\\', '$', '^', '|', '?', 'US', '11.11', ' ', '\n', '\t', 'constructor', '__proto__', 'hasOwnProperty'), { maxLength: 30 }).map((parts) => parts.join('')),
);

describe('no input crashes search or ask', () => {
  it('search returns finite scores, best first, for any string', () => {
    fc.assert(
      fc.property(nasty, fc.integer({ min: -5, max: 200 }), (question, limit) => {
        const hits = index.search(question, { limit });
        expect(hits.length).toBeLessThanOrEqual(Math.max(1, limit));
        for (let i = 0; i < hits.length; i += 1) {
          expect(Number.isFinite(hits[i]!.score)).toBe(true);
          expect(hits[i]!.score).toBeGreaterThan(0);
          if (i > 0) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('ask answers any string with verbatim quotes and never more than the limit', () => {
    fc.assert(
      fc.property(nasty, (question) => {
        const answer = ask(question);
        expect(answer.results.length).toBeLessThanOrEqual(5);
        expect(answer.query.length).toBeLessThanOrEqual(question.length);
        for (const result of answer.results) {
          expect(knowledge.passages.some((p) => p.text.includes(result.quote)) || knowledge.facts.some((f) => f.quote === result.quote)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('analysis never yields an empty stem', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        for (const token of analyze(text)) expect(token.stem.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('copes with huge questions, only punctuation, and non-string values', () => {
    expect(() => index.search('server farm '.repeat(100_000))).not.toThrow();
    expect(index.search('server farm '.repeat(100_000))[0]?.id).toBe('farm');
    expect(index.search('.,;:!?()[]{}—–-’"'.repeat(1000))).toEqual([]);
    expect(ask('x'.repeat(1_000_000)).truncated).toBe(true);
    expect(index.search(undefined as unknown as string)).toEqual([]);
    expect(ask(null as unknown as string)).toEqual({ query: '', truncated: false, results: [] });
  });
});
