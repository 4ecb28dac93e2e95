import fc from 'fast-check';
import type { FieldBoosts, RecordFields } from '../../src/search/scorers';
import { BIT, CONTEXT_FIELDS, FIELD_NAMES, buildCompactScorer, buildMiniSearchScorer, idf } from '../../src/search/scorers';

const BOOSTS: FieldBoosts = { quote: 1, translation: 1, keywords: 1.2, topic: 0.8, text: 1, context: 0.25 };

/**
 * BM25+ written the obvious way, record by record, as the reference for the compact index. A term's
 * rarity counts the records that have it in their own words (context fields aside), at least one.
 */
function naiveScores(records: RecordFields[], terms: string[], weights: number[]) {
  const averages = FIELD_NAMES.map((field) => {
    const lengths = records.map((r) => r[field]?.length ?? 0).filter((n) => n > 0);
    return lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 1;
  });
  const df = (term: string) => Math.max(1, records.filter((r) => FIELD_NAMES.some((f) => !CONTEXT_FIELDS.has(f) && r[f]?.includes(term))).length);
  const result = new Map<number, { score: number; matched: number; own: number }>();
  records.forEach((record, r) => {
    let score = 0;
    let matched = 0;
    let own = 0;
    terms.forEach((term, i) => {
      if (FIELD_NAMES.some((f) => !CONTEXT_FIELDS.has(f) && record[f]?.includes(term))) own += BIT[i]!;
      let factor = 0;
      FIELD_NAMES.forEach((field, f) => {
        const stems = record[field] ?? [];
        const tf = stems.filter((s) => s === term).length;
        if (tf === 0) return;
        const norm = 1 - 0.7 + (0.7 * stems.length) / averages[f]!;
        factor += BOOSTS[field] * (0.5 + (tf * 2.2) / (tf + 1.2 * norm));
      });
      if (factor > 0) {
        score += weights[i]! * idf(df(term), records.length) * factor;
        matched += BIT[i]!;
      }
    });
    if (matched > 0) result.set(r, { score, matched, own });
  });
  return result;
}

const stem = fc.constantFrom('cloud', 'server', 'farm', 'german', 'vodafon', 'client', 'borsa', 'amazon');
const fieldValue = fc.option(fc.array(stem, { minLength: 1, maxLength: 8 }), { nil: undefined });
const record: fc.Arbitrary<RecordFields> = fc.record(
  { quote: fieldValue, translation: fieldValue, keywords: fieldValue, topic: fieldValue, text: fieldValue, context: fieldValue },
  { requiredKeys: [] },
);

describe('compact scorer', () => {
  it('visits exactly the records a naive BM25 finds, with the same scores, matched terms and terms of their own words', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 25 }),
        fc.uniqueArray(fc.oneof(stem, fc.constant('absent')), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (records, terms, weights) => {
          const visited = new Map<number, { score: number; matched: number; own: number }>();
          buildCompactScorer(records, BOOSTS).collect(terms, weights, (r, score, matched, own) => {
            expect(visited.has(r)).toBe(false);
            visited.set(r, { score, matched, own });
          });
          const expected = naiveScores(records, terms, weights);
          expect([...visited.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
          for (const [r, { score, matched, own }] of expected) {
            expect(visited.get(r)!.matched).toBe(matched);
            expect(visited.get(r)!.own).toBe(own);
            expect(visited.get(r)!.score).toBeCloseTo(score, 4);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves no state behind between queries, even when the visitor throws', () => {
    const scorer = buildCompactScorer([{ text: ['cloud'] }, { text: ['cloud', 'farm'] }], BOOSTS);
    expect(() =>
      scorer.collect(['cloud'], [1], () => {
        throw new Error('visitor failed');
      }),
    ).toThrow('visitor failed');
    const seen: number[] = [];
    scorer.collect(['farm'], [1], (r, _score, matched) => seen.push(r, matched));
    expect(seen).toEqual([1, 1]);
  });

  it("reports a term found only in a context field as matched but not as the record's own", () => {
    const found: Array<[number, number, number]> = [];
    buildCompactScorer([{ text: ['cloud'], context: ['vodafon'] }, { text: ['vodafon'] }], BOOSTS).collect(['vodafon'], [1], (r, _score, matched, own) =>
      found.push([r, matched, own]),
    );
    expect(found.sort((a, b) => a[0] - b[0])).toEqual([
      [0, 1, 0],
      [1, 1, 1],
    ]);
  });

  it('finds the same records as the MiniSearch scorer, with the same matched and own terms', () => {
    const records: RecordFields[] = [{ text: ['cloud', 'server'] }, { quote: ['farm'], keywords: ['cloud'] }, { text: ['borsa'], context: ['farm'] }];
    const collect = (scorer: ReturnType<typeof buildCompactScorer>) => {
      const found: Array<[number, number, number]> = [];
      scorer.collect(['cloud', 'farm'], [1, 0.5], (r, _score, matched, own) => found.push([r, matched, own]));
      return found.sort((a, b) => a[0] - b[0]);
    };
    expect(collect(buildMiniSearchScorer(records, BOOSTS))).toEqual(collect(buildCompactScorer(records, BOOSTS)));
  });
});
