/**
 * Sentence splitting for passages: Intl.Segmenter (ICU) first, then repair rules for what real news
 * text throws at it. ICU already keeps "3.5", "ecc. e", "17 miliardi" and "U.S.A. ha" together; the rules
 * below handle the rest.
 */

export interface SentenceSpan {
  /** Offset of the first character in the (whitespace-normalised) text. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  text: string;
}

/**
 * Abbreviations that are normally followed by a capitalised name, so a period after them does not end a
 * sentence ("il Dott. Rossi", "Mr. Ma"). Lowercased, without the final period. Words that often end a
 * sentence too ("Inc.", "no.", "col.") are left out on purpose: a wrong merge hides a sentence.
 */
const TITLE_ABBREVIATIONS = new Set([
  'sig', 'sigg', 'sig.ra', 'dott', 'dott.ssa', 'dr', 'prof', 'prof.ssa', 'ing', 'avv', 'arch', 'sen', 'cav', 'mons',
  'mr', 'mrs', 'ms', 'jr', 'sr', 'st', 'cfr', 'vs', 'pag', 'pagg', 'nr',
]);

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string | null | undefined): Intl.Segmenter {
  const key = language ?? 'it';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(key, { granularity: 'sentence' });
    } catch {
      // An invalid or unsupported tag must not break loading: fall back to the root rules.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * A sentence end that ICU misses because no space follows the period, when a stray letter is glued
 * after it ("Borsa di Shangai.a Bisognerà": the sentence ends with "Shangai.a") or the space is simply
 * missing ("fine.Poi"). The lookbehind wants a word of 2+ lowercase letters so "e.g. Foo", initials
 * and "U.S.A." never match.
 */
const STRAY_LETTER_END = /(?<=\p{Ll}{2}[.!?]\p{Ll})\s+(?=["“«‘(]?\p{Lu})/gu;
const MISSING_SPACE_END = /(?<=\p{Ll}{3}[.!?])(?=\p{Lu}\p{Ll}{2})/gu;

/**
 * Splits one paragraph into sentence spans over its whitespace-normalised text. Callers pass text
 * already normalised with normalizeWhitespace (offsets refer to it).
 */
export function sentenceSpans(text: string, language?: string | null): SentenceSpan[] {
  if (text.trim() === '') return [];
  const cuts = new Set<number>();
  for (const segment of segmenterFor(language).segment(text)) if (segment.index > 0) cuts.add(segment.index);
  for (const pattern of [STRAY_LETTER_END, MISSING_SPACE_END]) {
    for (const match of text.matchAll(pattern)) cuts.add((match.index ?? 0) + match[0].length);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  let pieces: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const cut of [...boundaries, text.length]) {
    if (cut > start) pieces.push({ start, end: cut });
    start = cut;
  }
  pieces = mergeFalseBreaks(text, pieces);
  return pieces
    .map(({ start: s, end: e }) => trimSpan(text, s, e))
    .filter((span): span is SentenceSpan => span !== null);
}

/** The sentences of a paragraph, as text. */
export function splitSentences(text: string, language?: string | null): string[] {
  return sentenceSpans(text, language).map((span) => span.text);
}

function mergeFalseBreaks(text: string, pieces: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const merged: Array<{ start: number; end: number }> = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    if (previous && isFalseBreak(text.slice(previous.start, previous.end).trimEnd(), text.slice(piece.start, piece.end).trim())) {
      previous.end = piece.end;
    } else {
      merged.push({ ...piece });
    }
  }
  return merged;
}

function isFalseBreak(before: string, after: string): boolean {
  if (after === '') return true;
  // Nothing but closing punctuation or a lowercase continuation: not a new sentence.
  if (/^[\p{Pe}\p{Pf}"'’»,;:.!?…-]*$/u.test(after)) return true;
  if (/^["“«‘(]?\p{Ll}/u.test(after) && !/[!?…]$/u.test(before)) return true;
  // An initial ("Jack M. Ma", "J. R. R. Tolkien").
  if (/(?:^|[\s(])\p{Lu}\.$/u.test(before)) return true;
  const lastWord = /(?:^|[\s(])([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLowerCase();
  return lastWord !== undefined && TITLE_ABBREVIATIONS.has(lastWord);
}

function trimSpan(text: string, start: number, end: number): SentenceSpan | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e, text: text.slice(s, e) } : null;
}
