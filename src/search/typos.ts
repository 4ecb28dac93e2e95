/**
 * Maps a word that is not in the index to the real words it is probably a typo of. fuse.js scores
 * candidates over the vocabulary of distinct words (never over passages); an optimal-string-alignment
 * distance then accepts only corrections within a length-dependent number of edits, so a correction
 * always means "one or two keystrokes away", whatever fuse's internal score.
 */
import Fuse from 'fuse.js';

export interface Correction {
  /** The vocabulary word (normalised surface form). */
  word: string;
  /** Edits (insertion, deletion, substitution, transposition of neighbours) from the typed word. */
  distance: number;
}

export interface TypoCorrectorOptions {
  /** Vocabularies up to this size get one fuse.js index; larger ones are split by first letter and length. */
  singleBucketLimit?: number;
}

/**
 * Words shorter than this are corrected only for a swap of two neighbouring letters ("dya" → "day"):
 * with so few letters, any other edit is as likely to be another word as a typo.
 */
export const MIN_CORRECTABLE_LENGTH = 5;
const MIN_SWAPPABLE_LENGTH = 3;
/** Candidates fuse.js returns before the edit-distance check. */
const FUSE_CANDIDATES = 30;
/** Longer inputs are not words anyone mistyped; fuse's bitap also caps patterns at 32 characters. */
const MAX_CORRECTABLE_LENGTH = 24;

/** Edits allowed for a word of this length: 1 from 5 letters, 2 from 9 (short words: see `swaps`). */
export function allowedEdits(length: number): number {
  if (length < MIN_CORRECTABLE_LENGTH) return 0;
  return length >= 9 ? 2 : 1;
}

/** The words made by swapping two neighbouring letters. */
function swaps(word: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 1 < word.length; i += 1) {
    if (word[i] === word[i + 1]) continue;
    found.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return found;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[cols - 1]!;
}

export interface TypoCorrector {
  /** Best corrections first (fewest edits, then most frequent word); empty when none is close enough. */
  correct(word: string, limit?: number): Correction[];
  readonly vocabularySize: number;
}

/**
 * @param frequencies every correctable word with how many indexed records contain it (glossary words count 1),
 *   used to prefer the common word among equally close ones.
 */
export function createTypoCorrector(frequencies: ReadonlyMap<string, number>, options: TypoCorrectorOptions = {}): TypoCorrector {
  const singleBucketLimit = options.singleBucketLimit ?? 1000;
  const words = [...frequencies.keys()].filter((word) => word.length >= MIN_CORRECTABLE_LENGTH - 2);
  // A large vocabulary is split by first letter and length: a correction is at most two edits away,
  // so only a few buckets can hold it, and fuse.js scans hundreds of words instead of tens of thousands.
  const bucketed = words.length > singleBucketLimit;
  const bucketKey = (letter: string, length: number) => `${letter}${length}`;
  // A typo rarely hits the first letter; looking in the second letter's buckets as well catches a
  // swap of the first two letters or a doubled first letter.
  const bucketsFor = (word: string, minLength: number, maxLength: number): string[] => {
    if (!bucketed) return [''];
    const keys: string[] = [];
    for (const letter of new Set([word[0]!, word[1]!])) {
      for (let length = minLength; length <= maxLength; length += 1) keys.push(bucketKey(letter, length));
    }
    return keys;
  };
  const bucketWords = new Map<string, string[]>();
  for (const word of words) {
    const key = bucketed ? bucketKey(word[0]!, word.length) : '';
    const list = bucketWords.get(key);
    if (list) list.push(word);
    else bucketWords.set(key, [word]);
  }
  // fuse.js indexes are built on first use of a bucket: start-up pays only for what queries touch.
  const fuses = new Map<string, Fuse<string>>();
  const fuseFor = (key: string): Fuse<string> | undefined => {
    const existing = fuses.get(key);
    if (existing) return existing;
    const list = bucketWords.get(key);
    if (!list) return undefined;
    const fuse = new Fuse(list, { includeScore: true, threshold: 0.45, ignoreLocation: true, isCaseSensitive: true, shouldSort: true });
    fuses.set(key, fuse);
    return fuse;
  };

  return {
    vocabularySize: words.length,
    correct(word: string, limit = 3): Correction[] {
      const maxEdits = allowedEdits(word.length);
      if (maxEdits === 0) {
        if (word.length < MIN_SWAPPABLE_LENGTH) return [];
        const swapped = swaps(word)
          .filter((candidate) => frequencies.has(candidate))
          .sort((a, b) => (frequencies.get(b) ?? 0) - (frequencies.get(a) ?? 0) || (a < b ? -1 : 1))
          .slice(0, limit)
          .map((candidate) => ({ word: candidate, distance: 1 }));
        if (swapped.length > 0 || word.length !== MIN_CORRECTABLE_LENGTH - 1) return swapped;
        // A word one letter short of the correctable length may have lost a letter ("japn"): accepted only
        // when exactly one vocabulary word is that letter away, since a short word has many neighbours.
        const restored = new Set<string>();
        for (const key of bucketsFor(word, word.length + 1, word.length + 1)) {
          for (const { item } of fuseFor(key)?.search(word, { limit: FUSE_CANDIDATES }) ?? []) {
            if (item.length === word.length + 1 && editDistance(word, item, 1) === 1) restored.add(item);
          }
        }
        return restored.size === 1 ? [...restored].map((candidate) => ({ word: candidate, distance: 1 })) : [];
      }
      if (word.length > MAX_CORRECTABLE_LENGTH) return [];
      const found = new Map<string, number>();
      for (const key of bucketsFor(word, word.length - maxEdits, word.length + maxEdits)) {
        const fuse = fuseFor(key);
        if (!fuse) continue;
        for (const { item } of fuse.search(word, { limit: FUSE_CANDIDATES })) {
          if (item === word || found.has(item)) continue;
          const distance = editDistance(word, item, maxEdits);
          if (distance <= maxEdits) found.set(item, distance);
        }
      }
      return [...found]
        .map(([candidate, distance]) => ({ word: candidate, distance }))
        .sort((a, b) => a.distance - b.distance || (frequencies.get(b.word) ?? 0) - (frequencies.get(a.word) ?? 0) || (a.word < b.word ? -1 : 1))
        .slice(0, limit);
    },
  };
}
