/**
 * The search engine: a BM25 inverted index over curated facts and passages (see scorers.ts), each with
 * the headings it stands under (document title, section) as a low-weight context field, queried with a
 * plan of exact words, typo corrections, prefix relatives and glossary synonyms (plan.ts), then filtered
 * by a relevance floor on how much of the question each record answers, and finally re-ranked with a
 * bonus for the question's words found side by side in a record's own wording.
 *
 * The floor, per record: each concept of the question counts its importance (rarity) times its credit
 * (exact word 1, synonym or correction less, a word found only in the headings CONTEXT_CREDIT).
 * - A concept found in most records ("Alibaba" here) is left out beside more specific ones: it neither
 *   proves nor requires anything.
 * - An everyday word, or a number, that the knowledge base never uses counts GENERAL_MISS_SHARE beside a
 *   strong anchor (a glossary phrase, or two specific concepts); otherwise in full, so "alibaba revenue
 *   2023" is not the Singles' Day record and "what time is it in Dubai" is not the Dubai data centre.
 * - An everyday verb or modifier the record lacks ("what are they *building*", "the *main* obstacle")
 *   needs only one specific concept as anchor, for the floor only: ranking still prefers the record
 *   that has the word.
 * - An attribute noun ("age", "hours", "population") or an unfamiliar name ("Tencent") that no record has
 *   asks what the knowledge base does not say: it counts FOREIGN_MISS_WEIGHT times, is never discounted,
 *   and rules out the co-occurrence margin, so "xi jinping age" and "tencent cloud market share" get
 *   nothing however well the rest of the question matches.
 * - A proper name of several words is one concept, whether the glossary lists it ("Xi Jinping", a strong
 *   anchor as every glossary phrase) or a fact's keywords do ("Ethan Yu", one specific concept only).
 * - Everyday words alone never make an answer.
 */
import type { Fact, KnowledgeBase, Passage } from '../knowledge/types';
import { isCommonEnglishWord } from './english-words';
import { compileGlossary } from './glossary';
import { analyze, foldText } from './normalize';
import type { QueryPlan, Slot, Vocabulary } from './plan';
import { planQuery } from './plan';
import type { FieldBoosts, RecordFields, ScorerKind } from './scorers';
import { BIT, CONTEXT_FIELDS, MAX_QUERY_TERMS, buildScorer } from './scorers';
import { createTypoCorrector } from './typos';
import type { SearchHit, SearchIndex, SearchOptions } from './types';

export interface SearchIndexOptions {
  /** A record must satisfy more than this share of the question's weighted concepts (default 0.5). */
  relevanceFloor?: number;
  /** Inverted index implementation (default `compact`; `minisearch` for comparison, see scorers.ts). */
  scorer?: ScorerKind;
}

export interface SearchIndexWithStats extends SearchIndex {
  readonly stats: { records: number; facts: number; passages: number; skippedPassages: number; vocabulary: number };
  /** The query plan for a question (exposed for tests and diagnostics). */
  plan(query: string): QueryPlan;
}

/**
 * Field weights. A fact's English rendering and keywords are written for searchers, so they count as
 * much as its quote; the passage text field only exists on bare sentences. The context field holds the
 * headings a record stands under, its document's title and its section's heading: a reader who types a
 * heading ("oltre l'Europa") wants that section's facts, and one who asks about "Alibaba's partner in
 * Europe" is answered by an article about Alibaba in Europe even where the sentence does not repeat it.
 * Its words count for coverage at CONTEXT_CREDIT; a heading only names a topic, so its weight is low
 * enough that the sentence which says the words itself ranks above the records that merely sit under them.
 */
const FIELD_BOOSTS: FieldBoosts = { quote: 1, translation: 1, keywords: 1.2, topic: 0.8, text: 1, context: 0.25 };
/**
 * The relevance floor's second chance: a record that satisfies two specific concepts of the question
 * (each found nearly as asked, and not among the most common words) is evidence of relevance even when
 * the question also has words the knowledge base never uses ("In quale paese ... server farm"), as long
 * as it covers more than floor − margin. Off-topic questions rarely put two specific words in one record.
 */
const CO_OCCURRENCE_MARGIN = 0.1;
const STRONG_CREDIT = 0.7;
const SPECIFIC_IMPORTANCE = 0.65;
/**
 * Where a record matches a strong anchor of the question (a glossary phrase of several words, or two
 * specific concepts), an everyday word of the question that the knowledge base never uses ("which
 * *country*", "la *città*") counts this share of its importance: the anchor already shows what the
 * question is about. Without an anchor it counts in full, so "what *time* is it in Dubai" is not about
 * Dubai's data centre.
 */
const GENERAL_MISS_SHARE = 0.35;
/**
 * An attribute noun ("age", "hours", "population") or an unfamiliar name ("Tencent") that no record has
 * counts this many times its importance against every record, and rules out the co-occurrence margin:
 * the question asks for something the knowledge base does not say, however well it knows the entity
 * beside it ("xi jinping *age*", "*tencent* cloud market share"). Three concepts answered in full can
 * still outweigh one such word.
 */
const FOREIGN_MISS_WEIGHT = 2;
/**
 * Score bonus for a record whose own wording (quote, rendering or sentence) has two consecutive words
 * of the question next to each other, in order, as a share of the question's consecutive pairs: the words
 * as asked beat the same words scattered over keywords.
 */
const ADJACENCY_BONUS = 0.6;
/** Records re-ranked with the adjacency bonus: the best this many by BM25 and coverage. */
const ADJACENCY_CANDIDATES = 40;
/**
 * Coverage credit of a question word found only in the headings a record stands under, as a share of the
 * same word in the record's own text: enough for a whole heading to find its section, not enough for a
 * heading word to carry a record that answers nothing else of the question; never a strong match.
 */
const CONTEXT_CREDIT = 0.5;
/** A heading or title restates a topic without answering anything. */
const HEADING_FACTOR = 0.5;
/** Queries longer than this are cut before analysis (the ask front end already cuts at 500). */
const MAX_QUERY_CHARACTERS = 2000;
const MAX_LIMIT = 100;
/** Hits scoring below this share of the best hit are dropped. */
const MIN_RELATIVE_SCORE = 0.1;
/** A passage is a duplicate of curated facts when their quotes cover this share of its text. */
const COVERED_SHARE = 0.9;

interface IndexedRecord {
  kind: 'fact' | 'passage';
  id: string;
  /** `${documentId}#p${paragraph}s${sentence}`: facts and passages at one place share it. */
  place: string;
  heading: boolean;
}

/**
 * The fields that hold a record's own wording (a fact's quote and rendering, a passage's sentence), where
 * the question's words are looked for side by side. Keywords are a list, not a wording.
 */
const OWN_WORDING_FIELDS: ReadonlySet<keyof RecordFields> = new Set<keyof RecordFields>(['quote', 'translation', 'text']);
/** Ends each field in the own-wording stream, so that no pair spans two fields. */
const FIELD_END = -1;

export function createSearchIndex(knowledge: KnowledgeBase, options: SearchIndexOptions = {}): SearchIndexWithStats {
  const floor = options.relevanceFloor ?? 0.5;
  const records: IndexedRecord[] = [];
  let fieldsList: RecordFields[] = [];
  const documentFrequency = new Map<string, number>();
  const wordFrequency = new Map<string, number>();
  const stemOfWord = new Map<string, string>();
  const contextStems = new Set<string>();
  // Every record's own wording as stem ids, analysed once here rather than for every question's
  // candidates: record i's stems are ownWording[ownStart[i]] to ownWording[ownStart[i + 1]], one field
  // after another, each closed by FIELD_END. Ids, not strings, keep it small at 100,000 passages.
  const stemIds = new Map<string, number>();
  let ownWording = new Int32Array(1024);
  let ownWordingLength = 0;
  const ownStartList: number[] = [0];

  const addRecord = (record: IndexedRecord, texts: Array<[keyof RecordFields, string, 'always' | 'mixedCase']>): void => {
    const fields: RecordFields = {};
    const stems = new Set<string>();
    const words = new Set<string>();
    const wording: number[] = [];
    for (const [field, text, acronyms] of texts) {
      const tokens = analyze(text, { acronyms }).filter((token) => !token.stopword);
      if (tokens.length === 0) continue;
      fields[field] = tokens.map((token) => token.stem);
      if (OWN_WORDING_FIELDS.has(field)) {
        for (const token of tokens) {
          let id = stemIds.get(token.stem);
          if (id === undefined) stemIds.set(token.stem, (id = stemIds.size));
          wording.push(id);
        }
        wording.push(FIELD_END);
      }
      // Context (headings above the record) is not the record's vocabulary: rarity and typo candidates
      // come from what records say. A heading word found nowhere else counts as in one record.
      if (CONTEXT_FIELDS.has(field)) {
        for (const token of tokens) contextStems.add(token.stem);
        continue;
      }
      for (const token of tokens) {
        stems.add(token.stem);
        if (!/^\d+$/.test(token.surface)) {
          words.add(token.surface);
          if (!stemOfWord.has(token.surface)) stemOfWord.set(token.surface, token.stem);
        }
      }
    }
    if (stems.size === 0) return;
    for (const stem of stems) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    for (const word of words) wordFrequency.set(word, (wordFrequency.get(word) ?? 0) + 1);
    records.push(record);
    fieldsList.push(fields);
    if (ownWordingLength + wording.length > ownWording.length) {
      const grown = new Int32Array(Math.max(ownWording.length * 2, ownWordingLength + wording.length));
      grown.set(ownWording.subarray(0, ownWordingLength));
      ownWording = grown;
    }
    ownWording.set(wording, ownWordingLength);
    ownWordingLength += wording.length;
    ownStartList.push(ownWordingLength);
  };

  const facts = Array.isArray(knowledge.facts) ? knowledge.facts : [];
  const passages = Array.isArray(knowledge.passages) ? knowledge.passages : [];
  const documents = Array.isArray(knowledge.documents) ? knowledge.documents : [];

  const titles = new Map<string, string>(documents.map((document) => [document.id, document.title ?? '']));
  // The title's own sentences (paragraph 0) are headings themselves: they have no context above them.
  const contextOf = (location: Fact | Passage): string =>
    location.paragraph >= 1 ? [titles.get(location.documentId) ?? '', location.section ?? ''].join(' \n ') : '';

  for (const fact of facts) {
    addRecord({ kind: 'fact', id: fact.id, place: placeOf(fact), heading: false }, [
      ['quote', fact.quote ?? '', 'mixedCase'],
      ['translation', fact.translation ?? '', 'mixedCase'],
      // Keywords are written one by one, so an all-capitals keyword ("US", "IT") is an acronym.
      ['keywords', (fact.keywords ?? []).join(' \n '), 'always'],
      ['topic', fact.topic ?? '', 'mixedCase'],
      ['context', contextOf(fact), 'mixedCase'],
    ]);
  }

  const headingsByDocument = new Map<string, string[]>();
  for (const document of documents) {
    headingsByDocument.set(document.id, [document.title ?? '', ...(document.sections ?? [])].map(foldCompact).filter(Boolean));
  }
  const quotesByDocument = new Map<string, string[]>();
  for (const fact of facts) {
    const list = quotesByDocument.get(fact.documentId) ?? [];
    list.push(foldCompact(fact.quote ?? ''));
    quotesByDocument.set(fact.documentId, list);
  }
  let skippedPassages = 0;
  for (const passage of passages) {
    const text = foldCompact(passage.text ?? '');
    if (isCoveredByFacts(text, quotesByDocument.get(passage.documentId) ?? [])) {
      skippedPassages += 1;
      continue;
    }
    // Paragraph 0 is the title; any sentence of the title or of a section heading is a heading.
    const heading = passage.paragraph < 1 || (headingsByDocument.get(passage.documentId) ?? []).some((title) => title.includes(text));
    addRecord({ kind: 'passage', id: passage.id, place: placeOf(passage), heading }, [
      ['text', passage.text ?? '', 'mixedCase'],
      ['context', contextOf(passage), 'mixedCase'],
    ]);
  }

  for (const stem of contextStems) if (!documentFrequency.has(stem)) documentFrequency.set(stem, 1);
  const scorer = buildScorer(options.scorer ?? 'compact', fieldsList, FIELD_BOOSTS);
  fieldsList = [];
  const ownStart = Int32Array.from(ownStartList);

  const sortedStems = [...documentFrequency.keys()].sort();
  const vocabulary: Vocabulary = {
    size: records.length,
    documentFrequency: (stem) => documentFrequency.get(stem) ?? 0,
    withPrefix: (prefix, limit) => stemsWithPrefix(sortedStems, prefix, limit),
  };
  const curatedGlossary = Array.isArray(knowledge.glossary) ? knowledge.glossary : [];
  const names = properNames(facts);
  const glossary = compileGlossary([...curatedGlossary, ...names.map((name) => [name])]);
  const nameGroups = new Set(names.map((_, i) => curatedGlossary.length + i));
  for (const word of glossary.words) {
    if (!wordFrequency.has(word)) wordFrequency.set(word, 1);
  }
  const typos = createTypoCorrector(wordFrequency);
  // Loaded now rather than by the first question, which would otherwise wait for it.
  isCommonEnglishWord('');
  const planContext = {
    vocabulary,
    glossary,
    typos,
    stemOfWord: (word: string) => stemOfWord.get(word) ?? analyze(word, { acronyms: 'always' })[0]?.stem ?? word,
    nameGroups,
  };

  const plan = (query: string): QueryPlan => planQuery(query.slice(0, MAX_QUERY_CHARACTERS), planContext);

  const search = (query: string, searchOptions: SearchOptions = {}): SearchHit[] => {
    if (typeof query !== 'string') return [];
    const limit = clampLimit(searchOptions?.limit);
    const { slots, sequence } = plan(query);
    if (slots.length === 0) return [];

    const { terms, weights } = queryTerms(slots, vocabulary);
    if (terms.length === 0) return [];
    const termIndex = new Map(terms.map((term, i) => [term, i]));
    // A concept in most records ("Alibaba") neither requires nor proves anything beside more specific
    // ones; a question of nothing else keeps it, so that it still finds something.
    const informative = slots.some((slot) => !slot.ubiquitous) ? slots.filter((slot) => !slot.ubiquitous) : slots;
    const compiledSlots = informative.map((slot) => {
      const alternatives = slot.alternatives
        .map((alternative) => ({
          credit: alternative.credit ?? alternative.weight,
          bits: alternative.terms.map((term) => BIT[termIndex.get(term) ?? -1] ?? 0),
        }))
        .sort((a, b) => b.credit - a.credit);
      // An everyday word, or a number, that no record can satisfy: the knowledge base never uses it in any form.
      const unsatisfiable = !alternatives.some((alternative) => alternative.bits.every((bit) => bit > 0));
      // An attribute or a name that no record has: the question asks what the knowledge base does not say.
      const foreign = (slot.attribute || slot.unfamiliar) && unsatisfiable;
      const unused = (slot.general || slot.numeric) && unsatisfiable && !foreign;
      return {
        importance: foreign ? slot.importance * FOREIGN_MISS_WEIGHT : slot.importance,
        general: slot.general,
        frame: slot.frame && slot.general && !foreign,
        unused,
        phrase: slot.phrase && !slot.name,
        foreign,
        alternatives,
      };
    });
    const totalImportance = compiledSlots.reduce((sum, slot) => sum + slot.importance, 0);
    if (!(totalImportance > 0)) return [];
    const asksForeign = compiledSlots.some((slot) => slot.foreign);
    // Records that contain the same query terms have the same coverage: compute it once per combination.
    // A record below the floor is relevant (coverage kept) or not (coverage 0).
    const coverageByMatch = new Map<string, number>();
    const coverageOf = (matched: number, own: number): number => {
      const key = matched === own ? `${matched}` : `${matched}/${own}`;
      let coverage = coverageByMatch.get(key);
      if (coverage === undefined) {
        let satisfied = 0;
        let specificConcepts = 0;
        let matchedConcepts = 0;
        let topicalMatch = false;
        let anchoredPhrase = false;
        const credits = compiledSlots.map((slot) => slotCredit(slot.alternatives, matched, own));
        compiledSlots.forEach((slot, i) => {
          const credit = credits[i]!;
          satisfied += slot.importance * credit;
          if (credit > 0) matchedConcepts += 1;
          if (credit > 0 && !slot.general) topicalMatch = true;
          const strong = credit >= STRONG_CREDIT && !slot.general;
          if (strong && slot.importance >= SPECIFIC_IMPORTANCE) specificConcepts += 1;
          if (strong && slot.phrase) anchoredPhrase = true;
        });
        const anchored = anchoredPhrase || specificConcepts >= 2;
        // Beside a strong anchor, an everyday word the knowledge base never uses counts less. An everyday
        // verb or modifier the record lacks only frames a question about its concept, so for the floor one
        // specific concept is anchor enough for it; ranking keeps counting it, so the record that has the
        // word ("the *biggest* companies") still ranks above the one that lacks it.
        let generalDiscount = 0;
        let frameDiscount = 0;
        compiledSlots.forEach((slot, i) => {
          if (anchored && slot.unused) generalDiscount += slot.importance;
          else if (slot.frame && credits[i] === 0 && specificConcepts >= 1) frameDiscount += slot.importance;
        });
        const missShare = 1 - GENERAL_MISS_SHARE;
        coverage = satisfied / (totalImportance - generalDiscount * missShare);
        const floorCoverage = satisfied / (totalImportance - (generalDiscount + frameDiscount) * missShare);
        // Everyday words alone ("lunch today", "something interesting") are no evidence, unless several of
        // them meet in one record: a bot about the news answers the news' topics, not the words around them.
        const evidence = topicalMatch || matchedConcepts >= 2;
        const relevant = evidence && (floorCoverage > floor || (!asksForeign && floorCoverage > floor - CO_OCCURRENCE_MARGIN && specificConcepts >= 2));
        coverage = relevant ? coverage : 0;
        coverageByMatch.set(key, coverage);
      }
      return coverage;
    };

    const keep = Math.max(limit * 3 + 10, ADJACENCY_CANDIDATES);
    const best = new TopScores(keep);
    scorer.collect(terms, weights, (recordIndex, bm25, matched, own) => {
      const coverage = coverageOf(matched, own);
      if (!(coverage > 0)) return;
      const record = records[recordIndex];
      if (!record) return;
      const score = bm25 * coverage * coverage * (record.heading ? HEADING_FACTOR : 1);
      if (Number.isFinite(score) && score > 0) best.offer(recordIndex, score);
    });
    const pairs = sequence.length - 1;
    // A stem no record's wording has cannot stand next to anything there.
    const sequenceIds = sequence.map((stems) => stems.flatMap((stem) => stemIds.get(stem) ?? []));
    const scored = best.sorted().map(({ item, score }) => {
      const record = records[item]!;
      const bonus = pairs > 0 ? (ADJACENCY_BONUS * adjacentPairs(sequenceIds, ownWording, ownStart[item]!, ownStart[item + 1]!)) / pairs : 0;
      return { record, score: score * (1 + bonus) };
    });
    scored.sort((a, b) => b.score - a.score || compareIds(a.record, b.record));
    const top = scored[0]?.score ?? 0;
    const hits: SearchHit[] = [];
    const factPlaces = new Set<string>();
    for (const { record, score } of scored) {
      if (hits.length >= limit || score < top * MIN_RELATIVE_SCORE) break;
      // The sentence a higher-ranked fact already quotes adds nothing.
      if (record.kind === 'passage' && factPlaces.has(record.place)) continue;
      if (record.kind === 'fact') factPlaces.add(record.place);
      hits.push({ kind: record.kind, id: record.id, score });
    }
    return hits;
  };

  return {
    search,
    plan,
    stats: {
      records: records.length,
      facts: records.filter((record) => record.kind === 'fact').length,
      passages: records.filter((record) => record.kind === 'passage').length,
      skippedPassages,
      vocabulary: documentFrequency.size,
    },
  };
}

/**
 * The distinct index terms of a plan with the best worth each has in any slot, most valuable first,
 * at most MAX_QUERY_TERMS. A phrase's words share its worth, so a synonym of several words does not
 * outweigh a one-word original.
 */
function queryTerms(slots: Slot[], vocabulary: Vocabulary): { terms: string[]; weights: number[] } {
  const termWeights = new Map<string, number>();
  for (const slot of slots) {
    for (const alternative of slot.alternatives) {
      const weight = alternative.weight / Math.sqrt(alternative.terms.length);
      for (const term of alternative.terms) {
        if (vocabulary.documentFrequency(term) > 0 && (termWeights.get(term) ?? 0) < weight) termWeights.set(term, weight);
      }
    }
  }
  const ranked = [...termWeights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_QUERY_TERMS);
  return { terms: ranked.map(([term]) => term), weights: ranked.map(([, weight]) => weight) };
}

/** Keeps the `capacity` best-scoring items seen (a min-heap), without sorting everything. */
class TopScores {
  private readonly items: Array<{ item: number; score: number }> = [];
  constructor(private readonly capacity: number) {}

  offer(item: number, score: number): void {
    const heap = this.items;
    if (heap.length < this.capacity) {
      heap.push({ item, score });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]!.score <= heap[i]!.score) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
      return;
    }
    if (score <= heap[0]!.score) return;
    heap[0] = { item, score };
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && heap[left]!.score < heap[smallest]!.score) smallest = left;
      if (right < heap.length && heap[right]!.score < heap[smallest]!.score) smallest = right;
      if (smallest === i) break;
      [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
      i = smallest;
    }
  }

  sorted(): Array<{ item: number; score: number }> {
    return [...this.items].sort((a, b) => b.score - a.score);
  }
}

/**
 * How many consecutive pairs of the question's words (as stem ids) stand side by side, in order, in one
 * field of a record's own wording (`wording` from `start` to `end`, fields closed by FIELD_END).
 */
function adjacentPairs(sequence: number[][], wording: Int32Array, start: number, end: number): number {
  let found = 0;
  for (let i = 0; i + 1 < sequence.length; i += 1) {
    const first = sequence[i]!;
    const second = sequence[i + 1]!;
    for (let j = start; j + 1 < end; j += 1) {
      if (first.includes(wording[j]!) && second.includes(wording[j + 1]!)) {
        found += 1;
        break;
      }
    }
  }
  return found;
}

/**
 * Credit for a concept: its best alternative found, a phrase found in part counting half its share, and
 * a term found only in a record's context (the heading it stands under) CONTEXT_CREDIT of a term found
 * in the record's own words.
 */
function slotCredit(alternatives: Array<{ credit: number; bits: number[] }>, matched: number, own: number): number {
  let credit = 0;
  for (const alternative of alternatives) {
    if (alternative.credit <= credit) break; // sorted by credit: nothing better follows
    let found = 0;
    let worth = 0;
    for (const bit of alternative.bits) {
      if (bit > 0 && hasBit(matched, bit)) {
        found += 1;
        worth += hasBit(own, bit) ? 1 : CONTEXT_CREDIT;
      }
    }
    if (found === 0) continue;
    const share = found === alternative.bits.length ? worth / found : (0.5 * worth) / alternative.bits.length;
    credit = Math.max(credit, alternative.credit * share);
  }
  return credit;
}

/** Bit test on a float64 holding up to 52 bits (JavaScript's bitwise operators stop at 32). */
function hasBit(value: number, bit: number): boolean {
  return Math.floor(value / bit) % 2 === 1;
}

/**
 * Proper names of several words among the facts' keywords ("Ethan Yu", "Google Cloud"): every
 * meaningful word capitalised. Each becomes one phrase of the query plan, so a two-word name is one
 * concept of the question, not two (see Slot.name in plan.ts).
 */
function properNames(facts: Fact[]): string[] {
  const names = new Set<string>();
  for (const fact of facts) {
    for (const keyword of Array.isArray(fact.keywords) ? fact.keywords : []) {
      if (typeof keyword !== 'string') continue;
      const words = keyword.split(/[\s-]+/).filter((word) => analyze(word, { acronyms: 'always' }).some((token) => !token.stopword));
      if (words.length >= 2 && words.every((word) => /^\p{Lu}/u.test(word))) names.add(keyword);
    }
  }
  return [...names];
}

function placeOf(location: Fact | Passage): string {
  return `${location.documentId}#p${location.paragraph}s${location.sentence}`;
}

function foldCompact(text: string): string {
  return foldText(text).replace(/[\s\p{P}]+/gu, ' ').trim();
}

function isCoveredByFacts(text: string, quotes: string[]): boolean {
  if (!text) return false;
  let covered = 0;
  for (const quote of quotes) {
    if (!quote) continue;
    if (quote.includes(text)) return true;
    if (text.includes(quote)) covered += quote.length;
  }
  return covered >= text.length * COVERED_SHARE;
}

function stemsWithPrefix(sorted: string[], prefix: string, limit: number): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  // Scan a bounded window: in a huge vocabulary a short prefix can start thousands of words.
  for (let i = low; i < sorted.length && i < low + 200; i += 1) {
    const stem = sorted[i]!;
    if (!stem.startsWith(prefix)) break;
    if (stem !== prefix) found.push(stem);
  }
  return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
}

function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return 5;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

function compareIds(a: IndexedRecord, b: IndexedRecord): number {
  if (a.kind !== b.kind) return a.kind === 'fact' ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
