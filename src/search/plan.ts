/**
 * Turns a question into a query plan: the meaningful concepts ("slots") the question asks about, each
 * with the index terms that can satisfy it and how much each is worth. Originals are worth most,
 * then typo corrections, prefix relatives and glossary synonyms, so that an exact word always beats
 * a guess about it.
 */
import type { CompiledGlossary } from './glossary';
import { findPhrases } from './glossary';
import type { Token } from './normalize';
import { isCommonEnglishWord } from './english-words';
import { ATTRIBUTE_WORDS, FRAME_WORDS, GENERAL_WORDS } from './general-words';
import { idf } from './scorers';
import { ITALIAN_ONLY_WORDS } from './stopwords';
import { analyze, withoutChatAddressing } from './normalize';
import type { TypoCorrector } from './typos';

/** Relative worth of each way a term can enter the query (an exact original word is 1). */
export const WEIGHTS = {
  /** A typo correction, by number of edits. */
  corrected: [1, 0.72, 0.6] as readonly number[],
  /** A synonym or translation from the glossary, relative to the word it expands. */
  synonym: 0.8,
  /** A longer indexed word that starts with the query word, or a shorter one the query word starts with. */
  prefix: 0.7,
} as const;

/**
 * A typo correction is unambiguous when it is the only vocabulary word within reach and a rare, specific
 * term (its rarity, as in `slotImportance`, at least this): the typed word can then be nothing else, and
 * coverage counts it in full. Its ranking weight stays that of a correction, below the exact word.
 */
const UNAMBIGUOUS_MIN_RARITY = 0.3;
/** A concept found in more than this share of the records is ubiquitous ("Alibaba" in a knowledge base about Alibaba). */
const UBIQUITOUS_SHARE = 0.5;

/** A question is planned on its first this-many meaningful words: beyond that it is a pasted text. */
const MAX_MEANINGFUL_WORDS = 32;
/** Prefix relatives considered per word (the closest in length). */
const MAX_PREFIX_RELATIVES = 6;
/** Query words from this many letters get prefix relatives. */
const MIN_PREFIX_LENGTH = 4;
/** A shorter indexed word must have at least this many letters to stand for a longer query word. */
const MIN_SHARED_PREFIX = 5;
/** Of two prefix relatives (the query word and an indexed or glossary word), the shorter is at least this share of the longer. */
const MIN_PREFIX_SHARE = 0.6;
/** Each part of a joined compound ("wallstreet", "serverfarm") has at least this many letters. */
const MIN_COMPOUND_PART = 3;
/** An abbreviation of a phrase word ("wall st") has this many letters at most. */
const MAX_ABBREVIATION_LENGTH = 4;

export interface Alternative {
  /** Index terms (stems) that must all occur for full credit; several for a phrase such as "server farm". */
  terms: string[];
  /** Worth in ranking. */
  weight: number;
  /** Worth in coverage, when it differs from `weight` (an unambiguous typo correction: see UNAMBIGUOUS_MIN_RARITY). */
  credit?: number;
}

export interface Slot {
  /** What the user typed for this concept (normalised), for explanations and tests. */
  text: string;
  /** Importance of the concept in the question, before matching (see `slotImportance`). */
  importance: number;
  alternatives: Alternative[];
  /** Every word of the concept is an everyday word (see general-words.ts), not a topic of its own. */
  general: boolean;
  /** The concept is a glossary phrase of several meaningful words ("server farm", "Singles Day"). */
  phrase: boolean;
  /** Every word of the concept is an everyday verb or modifier ("building", "matter", "main"): see FRAME_WORDS. */
  frame: boolean;
  /** The concept is a number ("2023", "17"). */
  numeric: boolean;
  /**
   * The concept is a proper name of several words taken from the facts' keywords ("Ethan Yu", "Google
   * Cloud") that the glossary does not list: one concept, as a glossary phrase is, but no strong anchor on
   * its own (see engine.ts): only curated glossary phrases are.
   */
  name: boolean;
  /** Every word of the concept names a property asked of an entity ("age", "hours", "population"): see ATTRIBUTE_WORDS. */
  attribute: boolean;
  /**
   * A single word of a question that is not Italian, neither an everyday nor a common English word, with
   * no spelling correction: a name ("Tencent", "Huawei"). When no record has it in any form, the question
   * is about something the knowledge base does not know (see engine.ts).
   */
  unfamiliar: boolean;
  /**
   * The concept's best form is in more than half of the records: it tells records apart no more than a
   * stopword does, so beside more specific concepts it is neither evidence nor a requirement.
   */
  ubiquitous: boolean;
}

export interface QueryPlan {
  slots: Slot[];
  /**
   * The question's meaningful words in order, each as the stems it may stand for as typed (its own stem
   * and its typo corrections, no synonyms): for finding the question's words side by side in a text.
   */
  sequence: string[][];
}

export interface Vocabulary {
  /** Number of indexed records containing the stem (0 when absent). */
  documentFrequency(stem: string): number;
  /** Indexed stems that start with `prefix` (excluding itself), shortest first, at most `limit`. */
  withPrefix(prefix: string, limit: number): string[];
  /** Total number of indexed records. */
  readonly size: number;
}

export interface PlanContext {
  vocabulary: Vocabulary;
  glossary: CompiledGlossary;
  typos: TypoCorrector;
  /** Stem of a vocabulary or glossary surface word (for typo corrections). */
  stemOfWord(word: string): string;
  /** Glossary groups that are proper names taken from the facts' keywords, not curated glossary groups. */
  nameGroups?: ReadonlySet<number>;
}

interface Position {
  surface: string;
  stem: string;
  stopword: boolean;
  numeric: boolean;
  /** Stems this position may stand for, with the worth of each (its own stem first when known). */
  readings: Array<{ stem: string; weight: number; credit?: number }>;
}

export function planQuery(question: string, context: PlanContext): QueryPlan {
  const { vocabulary, glossary, typos } = context;
  const isKnownStem = (stem: string) => vocabulary.documentFrequency(stem) > 0 || glossary.stems.has(stem);
  // Mentions and channel names address the message; they are not words of the question.
  const tokens = splitCompounds(firstWords(analyze(withoutChatAddressing(question), { acronyms: 'mixedCase' }), MAX_MEANINGFUL_WORDS), isKnownStem);
  const positions: Position[] = tokens.map((token, index) => {
    const numeric = /^\d+$/.test(token.surface);
    const known = isKnownStem(token.stem);
    // An unknown word keeps its own stem (its prefix relatives may still match) beside its corrections.
    const readings: Position['readings'] = [{ stem: token.stem, weight: 1 }];
    if (!known && !token.stopword && !numeric) {
      const abbreviated = abbreviationInPhrase(tokens, index, glossary);
      if (abbreviated) readings.push({ stem: abbreviated, weight: WEIGHTS.corrected[1]! });
      // A real word is taken as written: "lunch" is lunch, not a mistyped "launch"; "shapes" are not "shares".
      if (!isRealWord(token.surface)) {
        const corrections = typos.correct(token.surface);
        for (const correction of corrections) {
          const stem = context.stemOfWord(correction.word);
          const weight = WEIGHTS.corrected[correction.distance] ?? 0;
          const unambiguous = corrections.length === 1 && !GENERAL_WORDS.has(correction.word) && rarityOf(stem, vocabulary) >= UNAMBIGUOUS_MIN_RARITY;
          readings.push(unambiguous ? { stem, weight, credit: 1 } : { stem, weight });
        }
      }
    }
    return { ...token, numeric, readings };
  });

  // In an Italian question an unknown word is more likely an inflection than a name (see `unfamiliar`).
  const italian = tokens.some((token) => ITALIAN_ONLY_WORDS.has(token.surface));
  const isUnfamiliar = (position: Position): boolean =>
    !italian &&
    !position.stopword &&
    !position.numeric &&
    position.surface.length >= 3 &&
    position.readings.length === 1 &&
    !isRealWord(position.surface);

  const slots: Slot[] = [];
  // For phrase matching a position reads as its best-known form: its own stem when indexed or in the
  // glossary, else its best typo correction; failing both, its own stem (always its first reading).
  const bestReadings = positions.map((position) => position.readings.find((reading) => isKnownStem(reading.stem)) ?? position.readings[0]!);
  const best = (i: number): string => bestReadings[i]!.stem;
  const worth = (i: number): number => bestReadings[i]!.weight;
  const creditOf = (i: number): number => bestReadings[i]!.credit ?? bestReadings[i]!.weight;
  const phrases = findPhrases(glossary, positions.length, best).filter((match) =>
    positions.slice(match.start, match.end).some((position) => !position.stopword),
  );
  const covered = new Set<number>();
  for (const match of phrases) {
    const span = positions.slice(match.start, match.end);
    for (let i = match.start; i < match.end; i += 1) covered.add(i);
    let weight = 1;
    let credit = 1;
    for (let i = match.start; i < match.end; i += 1) {
      if (positions[i]!.stopword) continue;
      weight = Math.min(weight, worth(i));
      credit = Math.min(credit, creditOf(i));
    }
    const own: string[] = [];
    for (let i = match.start; i < match.end; i += 1) if (!positions[i]!.stopword) own.push(best(i));
    const alternatives: Alternative[] = [withCredit({ terms: own, weight }, credit)];
    for (const group of match.groups) {
      for (const term of glossary.groups[group] ?? []) {
        if (term.terms.length > 0) alternatives.push(withCredit({ terms: term.terms, weight: weight * WEIGHTS.synonym }, credit * WEIGHTS.synonym));
      }
    }
    const meaningful = span.filter((position) => !position.stopword);
    slots.push(
      makeSlot(span.map((position) => position.surface).join(' '), span.some((p) => p.numeric) && span.every((p) => p.numeric || p.stopword), alternatives, {
        general: meaningful.every((position) => GENERAL_WORDS.has(position.surface)),
        phrase: meaningful.length >= 2,
        frame: meaningful.every((position) => FRAME_WORDS.has(position.surface)),
        name: meaningful.length >= 2 && match.groups.every((group) => context.nameGroups?.has(group) ?? false),
        attribute: meaningful.every((position) => ATTRIBUTE_WORDS.has(position.surface)),
        unfamiliar: false,
      }),
    );
  }
  positions.forEach((position, i) => {
    if (covered.has(i) || position.stopword) return;
    const alternatives: Alternative[] = position.readings.map((reading) => withCredit({ terms: [reading.stem], weight: reading.weight }, reading.credit));
    if (!position.numeric) alternatives.push(...glossaryRelatives(best(i), worth(i), glossary));
    slots.push(
      makeSlot(position.surface, position.numeric, alternatives, {
        general: GENERAL_WORDS.has(position.surface),
        phrase: false,
        frame: FRAME_WORDS.has(position.surface),
        name: false,
        attribute: ATTRIBUTE_WORDS.has(position.surface),
        unfamiliar: isUnfamiliar(position),
      }),
    );
  });
  for (const slot of slots) {
    addPrefixRelatives(slot, vocabulary);
    slot.importance = slotImportance(slot.alternatives, slot.numeric, slot.phrase, vocabulary);
    slot.ubiquitous = isUbiquitous(slot.alternatives, vocabulary);
  }
  const sequence = positions
    .filter((position) => !position.stopword)
    .map((position) => position.readings.filter((reading) => reading.weight >= WEIGHTS.corrected[1]!).map((reading) => reading.stem));
  return { slots, sequence };
}

/** An everyday or a common English word: spelt as meant, never a typo to correct nor an unfamiliar name. */
function isRealWord(word: string): boolean {
  return GENERAL_WORDS.has(word) || isCommonEnglishWord(word);
}

/**
 * A word outside the glossary may still belong to a glossary family by derivation ("compete" and
 * "competitor", "expanding" and "expansion"): a one-word glossary term sharing a long prefix with it
 * stands for the word at prefix worth, and brings its group's synonyms at synonym worth after that.
 */
function glossaryRelatives(stem: string, weight: number, glossary: CompiledGlossary): Alternative[] {
  if (stem.length < MIN_SHARED_PREFIX) return [];
  const relatives: Alternative[] = [];
  for (const [phrase, groups] of glossary.groupsByPhrase) {
    if (phrase.includes(' ') || phrase === stem) continue;
    const [shorter, longer] = phrase.length < stem.length ? [phrase, stem] : [stem, phrase];
    if (shorter.length < Math.max(MIN_SHARED_PREFIX, Math.ceil(longer.length * MIN_PREFIX_SHARE)) || !longer.startsWith(shorter)) continue;
    const related = weight * WEIGHTS.prefix;
    relatives.push({ terms: [phrase], weight: related });
    for (const group of groups) {
      for (const term of glossary.groups[group] ?? []) {
        if (term.terms.length > 0) relatives.push({ terms: term.terms, weight: related * WEIGHTS.synonym });
      }
    }
  }
  return relatives;
}

function makeSlot(
  text: string,
  numeric: boolean,
  alternatives: Alternative[],
  kind: { general: boolean; phrase: boolean; frame: boolean; name: boolean; attribute: boolean; unfamiliar: boolean },
): Slot {
  const unique = dedupeAlternatives(alternatives.filter((alternative) => alternative.weight > 0 && alternative.terms.length > 0));
  return { text, importance: 1, alternatives: unique, numeric, ubiquitous: false, ...kind };
}

/** The alternative with a coverage credit, when one is given and differs from its ranking weight. */
function withCredit(alternative: Alternative, credit: number | undefined): Alternative {
  return credit === undefined || credit === alternative.weight ? alternative : { ...alternative, credit };
}

/**
 * Splits a word that is unknown as a whole but is two known words joined ("wallstreet" → "wall street",
 * "serverfarm" → "server farm"), preferring the most balanced split. Known words, stopwords and
 * numbers stay as they are.
 */
function splitCompounds(tokens: Token[], isKnownStem: (stem: string) => boolean): Token[] {
  const result: Token[] = [];
  for (const token of tokens) {
    const word = token.surface;
    if (token.stopword || /\d/.test(word) || word.length < 2 * MIN_COMPOUND_PART || isKnownStem(token.stem) || GENERAL_WORDS.has(word)) {
      result.push(token);
      continue;
    }
    let split: Token[] | null = null;
    let balance = Infinity;
    for (let at = MIN_COMPOUND_PART; at <= word.length - MIN_COMPOUND_PART; at += 1) {
      const parts = [word.slice(0, at), word.slice(at)].map((part) => analyze(part, { acronyms: 'always' })[0]);
      if (parts.some((part) => !part || part.stopword || !isKnownStem(part.stem))) continue;
      const difference = Math.abs(word.length - 2 * at);
      if (difference < balance) {
        balance = difference;
        split = parts as Token[];
      }
    }
    result.push(...(split ?? [token]));
  }
  return result;
}

/**
 * A short unknown word right after the first word of a glossary phrase, and the start of that phrase's
 * second word, is an abbreviation of it ("wall st" for "wall street"): the phrase word's stem.
 */
function abbreviationInPhrase(tokens: Token[], index: number, glossary: CompiledGlossary): string | null {
  const token = tokens[index]!;
  const previous = tokens[index - 1];
  if (!previous || token.surface.length > MAX_ABBREVIATION_LENGTH || token.surface.length < 2) return null;
  for (const [phrase] of glossary.groupsByPhrase) {
    const words = phrase.split(' ');
    if (words.length < 2 || words[0] !== previous.stem) continue;
    const next = words[1]!;
    if (next.length > token.surface.length && next.startsWith(token.surface)) return next;
  }
  return null;
}

/**
 * How much a concept weighs in the relevance floor: between 0.5 (a word in every record, such as the
 * company's name) and 1 (a word found nowhere, which a relevant answer would have to contain), by the
 * rarity (IDF) of the best way to satisfy it. A phrase of several words is rarer than each of its words:
 * its words' rarities combine as independent chances (1 − Π(1 − rarity)), so "data center" weighs more
 * than a single common word such as "Europe". A number the knowledge base has weighs half: it is often
 * incidental ("in 2016"); a number found nowhere weighs in full, as any word found nowhere.
 */
function slotImportance(alternatives: Alternative[], numeric: boolean, phrase: boolean, vocabulary: Vocabulary): number {
  // The most valuable way to satisfy the concept that the index can satisfy at all.
  const primary = primaryAlternative(alternatives, vocabulary);
  let rarity = 1;
  if (primary) {
    const rarities = primary.terms.map((term) => rarityOf(term, vocabulary));
    rarity = phrase && primary.terms.length >= 2 ? 1 - rarities.reduce((rest, r) => rest * (1 - r), 1) : Math.max(...rarities);
  }
  const importance = 0.5 + 0.5 * rarity;
  return numeric && primary ? importance / 2 : importance;
}

function primaryAlternative(alternatives: Alternative[], vocabulary: Vocabulary): Alternative | undefined {
  return alternatives.find((alternative) => alternative.terms.every((term) => vocabulary.documentFrequency(term) > 0));
}

/** IDF of an indexed stem as a share of the IDF of a stem found nowhere: 0 (everywhere) to 1. */
function rarityOf(stem: string, vocabulary: Vocabulary): number {
  const maxIdf = idf(0, vocabulary.size);
  return maxIdf > 0 ? idf(vocabulary.documentFrequency(stem), vocabulary.size) / maxIdf : 1;
}

function isUbiquitous(alternatives: Alternative[], vocabulary: Vocabulary): boolean {
  const primary = primaryAlternative(alternatives, vocabulary);
  if (!primary || vocabulary.size === 0) return false;
  const rarest = Math.min(...primary.terms.map((term) => vocabulary.documentFrequency(term)));
  return rarest > vocabulary.size * UBIQUITOUS_SHARE;
}

function addPrefixRelatives(slot: Slot, vocabulary: Vocabulary): void {
  const originals = slot.alternatives.filter((alternative) => alternative.terms.length === 1 && alternative.weight >= WEIGHTS.corrected[2]!);
  const relatives: Alternative[] = [];
  for (const alternative of originals) {
    const term = alternative.terms[0]!;
    if (term.length < MIN_PREFIX_LENGTH || /^\d+$/.test(term)) continue;
    for (const longer of vocabulary.withPrefix(term, MAX_PREFIX_RELATIVES)) {
      // The query word must be most of the longer word: "franc" (France) is not "Francoforte".
      if (term.length < longer.length * MIN_PREFIX_SHARE) continue;
      relatives.push({ terms: [longer], weight: alternative.weight * WEIGHTS.prefix });
    }
    const shortest = Math.max(MIN_SHARED_PREFIX, Math.ceil(term.length * MIN_PREFIX_SHARE));
    for (let length = term.length - 1; length >= shortest; length -= 1) {
      const shorter = term.slice(0, length);
      if (vocabulary.documentFrequency(shorter) > 0) {
        relatives.push({ terms: [shorter], weight: alternative.weight * WEIGHTS.prefix });
        break;
      }
    }
  }
  slot.alternatives = dedupeAlternatives([...slot.alternatives, ...relatives]);
}

function dedupeAlternatives(alternatives: Alternative[]): Alternative[] {
  const byKey = new Map<string, Alternative>();
  for (const alternative of alternatives) {
    const key = alternative.terms.join(' ');
    const existing = byKey.get(key);
    if (!existing || existing.weight < alternative.weight) byKey.set(key, alternative);
  }
  return [...byKey.values()].sort((a, b) => b.weight - a.weight);
}

function firstWords(tokens: Token[], meaningful: number): Token[] {
  let count = 0;
  const end = tokens.findIndex((token) => !token.stopword && ++count > meaningful);
  return end < 0 ? tokens : tokens.slice(0, end);
}
