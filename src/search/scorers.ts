/**
 * Term scorers: given index terms with weights, visit every record containing any of them with its
 * BM25 score and which terms it contains. Two implementations of one contract:
 *
 * - `compact` (the default): postings in typed arrays with each record's per-term BM25 factor computed
 *   at build time, accumulated into preallocated arrays at query time. No allocation per matching
 *   record, so a word found in most of 100,000 passages costs well under a millisecond.
 * - `minisearch`: the same ranking through MiniSearch. Measured by `npm run bench`, it builds an
 *   object per matching record and its p99 at 100,000 passages is several hundred milliseconds for
 *   common words, which is why it is not the default; it stays as a reference and for comparison.
 *
 * Both use BM25+ as MiniSearch does (k = 1.2, b = 0.7, d = 0.5), with per-field boosts.
 */
import MiniSearch from 'minisearch';

export const FIELD_NAMES = ['quote', 'translation', 'keywords', 'topic', 'text', 'context'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
/**
 * Fields that say where a record stands rather than what it says (the headings it sits under): a term
 * found only there is reported apart, so that coverage can count it as context, not as the record's words.
 */
export const CONTEXT_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['context']);
/** Stems of each field of one record (absent or empty when the record lacks the field). */
export type RecordFields = Partial<Record<FieldName, string[]>>;
export type FieldBoosts = Record<FieldName, number>;

/** At most this many distinct terms per query: matched terms are reported as bits of one float64. */
export const MAX_QUERY_TERMS = 52;
export const BIT = Array.from({ length: MAX_QUERY_TERMS }, (_, i) => 2 ** i);

const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface TermScorer {
  /**
   * Calls `visit(record, score, matched, own)` once per record containing at least one term, where
   * `score` is the sum over contained terms of weight × BM25, bit i of `matched` is set when the
   * record contains `terms[i]`, and bit i of `own` when it contains it outside the CONTEXT_FIELDS.
   * At most MAX_QUERY_TERMS terms; unknown terms are ignored.
   */
  collect(terms: readonly string[], weights: readonly number[], visit: (record: number, score: number, matched: number, own: number) => void): void;
}

export type ScorerKind = 'compact' | 'minisearch';

export function buildScorer(kind: ScorerKind, records: RecordFields[], boosts: FieldBoosts): TermScorer {
  return kind === 'minisearch' ? buildMiniSearchScorer(records, boosts) : buildCompactScorer(records, boosts);
}

export function idf(documentFrequency: number, total: number): number {
  return Math.log(1 + (total - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

export function buildCompactScorer(records: RecordFields[], boosts: FieldBoosts): TermScorer {
  const count = records.length;
  const termIds = new Map<string, number>();
  const fieldTotals = new Float64Array(FIELD_NAMES.length);
  const fieldCounts = new Float64Array(FIELD_NAMES.length);
  // Pass 1: field lengths (for average lengths) and postings per term (for the layout).
  const postingsPerTerm: number[] = [];
  /** Records with the term in their own words: context alone says nothing about how rare a term is. */
  const ownPerTerm: number[] = [];
  const seen = new Map<number, number>();
  const seenOwn = new Set<number>();
  for (let r = 0; r < count; r += 1) {
    const record = records[r]!;
    seen.clear();
    seenOwn.clear();
    FIELD_NAMES.forEach((field, f) => {
      const stems = record[field];
      if (!stems || stems.length === 0) return;
      fieldTotals[f]! += stems.length;
      fieldCounts[f]! += 1;
      for (const stem of stems) {
        let id = termIds.get(stem);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(stem, id);
          postingsPerTerm.push(0);
          ownPerTerm.push(0);
        }
        if (!seen.has(id)) {
          seen.set(id, 1);
          postingsPerTerm[id]! += 1;
        }
        if (!CONTEXT_FIELDS.has(field) && !seenOwn.has(id)) {
          seenOwn.add(id);
          ownPerTerm[id]! += 1;
        }
      }
    });
  }
  const averageLength = Array.from(fieldTotals, (total, f) => (fieldCounts[f]! > 0 ? total / fieldCounts[f]! : 1));
  const offsets = new Int32Array(postingsPerTerm.length + 1);
  for (let t = 0; t < postingsPerTerm.length; t += 1) offsets[t + 1] = offsets[t]! + postingsPerTerm[t]!;
  const postingRecords = new Int32Array(offsets[postingsPerTerm.length]!);
  const postingFactors = new Float32Array(offsets[postingsPerTerm.length]!);
  /** 1 where the record has the term outside the context fields. */
  const postingOwn = new Uint8Array(offsets[postingsPerTerm.length]!);
  const fill = offsets.slice(0, postingsPerTerm.length);

  // Pass 2: each record's BM25 term-frequency factor per term, summed over fields with their boosts.
  const factors = new Map<number, number>();
  const owned = new Set<number>();
  const frequencies = new Map<number, number>();
  for (let r = 0; r < count; r += 1) {
    const record = records[r]!;
    factors.clear();
    owned.clear();
    FIELD_NAMES.forEach((field, f) => {
      const stems = record[field];
      if (!stems || stems.length === 0) return;
      frequencies.clear();
      for (const stem of stems) {
        const id = termIds.get(stem)!;
        frequencies.set(id, (frequencies.get(id) ?? 0) + 1);
      }
      const lengthNorm = 1 - B + (B * stems.length) / averageLength[f]!;
      for (const [id, tf] of frequencies) {
        const factor = boosts[field] * (D + (tf * (K + 1)) / (tf + K * lengthNorm));
        factors.set(id, (factors.get(id) ?? 0) + factor);
        if (!CONTEXT_FIELDS.has(field)) owned.add(id);
      }
    });
    for (const [id, factor] of factors) {
      const at = fill[id]!;
      postingRecords[at] = r;
      postingFactors[at] = factor;
      postingOwn[at] = owned.has(id) ? 1 : 0;
      fill[id] = at + 1;
    }
  }

  const inverseFrequency = Float64Array.from(ownPerTerm, (df) => idf(Math.max(df, 1), count));
  // Query-time buffers, reused: search is synchronous, so one query at a time uses them.
  const scores = new Float64Array(count);
  const matched = new Float64Array(count);
  const own = new Float64Array(count);
  const touched = new Int32Array(count);

  return {
    collect(terms, weights, visit) {
      let touchedCount = 0;
      const limit = Math.min(terms.length, MAX_QUERY_TERMS);
      for (let i = 0; i < limit; i += 1) {
        const id = termIds.get(terms[i]!);
        if (id === undefined) continue;
        const weight = (weights[i] ?? 0) * inverseFrequency[id]!;
        if (!(weight > 0)) continue;
        const bit = BIT[i]!;
        for (let p = offsets[id]!, end = offsets[id + 1]!; p < end; p += 1) {
          const record = postingRecords[p]!;
          if (matched[record] === 0) touched[touchedCount++] = record;
          scores[record]! += weight * postingFactors[p]!;
          matched[record]! += bit;
          if (postingOwn[p] === 1) own[record]! += bit;
        }
      }
      try {
        for (let i = 0; i < touchedCount; i += 1) {
          const record = touched[i]!;
          visit(record, scores[record]!, matched[record]!, own[record]!);
        }
      } finally {
        for (let i = 0; i < touchedCount; i += 1) {
          const record = touched[i]!;
          scores[record] = 0;
          matched[record] = 0;
          own[record] = 0;
        }
      }
    },
  };
}

export function buildMiniSearchScorer(records: RecordFields[], boosts: FieldBoosts): TermScorer {
  const miniSearch = new MiniSearch<{ id: number } & Partial<Record<FieldName, string>>>({
    fields: [...FIELD_NAMES],
    idField: 'id',
    // Text arrives analysed (stems separated by spaces): MiniSearch must not split or change it again.
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  });
  miniSearch.addAll(
    records.map((record, id) => {
      const document: { id: number } & Partial<Record<FieldName, string>> = { id };
      for (const field of FIELD_NAMES) if (record[field]?.length) document[field] = record[field]!.join(' ');
      return document;
    }),
  );
  return {
    collect(terms, weights, visit) {
      const limited = terms.slice(0, MAX_QUERY_TERMS);
      const position = new Map(limited.map((term, i) => [term, i]));
      if (limited.length === 0) return;
      miniSearch.search(limited.join(' '), {
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        boostTerm: (term) => weights[position.get(term) ?? -1] ?? 0,
        boost: boosts,
        combineWith: 'OR',
        prefix: false,
        fuzzy: false,
        // Used as a visitor; rejecting every result spares MiniSearch the sort of the whole list.
        filter: (result) => {
          let bits = 0;
          let ownBits = 0;
          for (const term of result.terms) {
            const bit = BIT[position.get(term) ?? 0]!;
            bits += bit;
            if ((result.match[term] ?? []).some((field) => !CONTEXT_FIELDS.has(field as FieldName))) ownBits += bit;
          }
          // MiniSearch multiplies by the number of query terms matched; the caller's coverage replaces that.
          visit(result.id as number, result.score / Math.max(1, result.queryTerms.length), bits, ownBits);
          return false;
        },
      });
    },
  };
}
