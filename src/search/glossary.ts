/**
 * The glossary compiled for query expansion. Glossary entries are matched in a question as whole
 * phrases of stems (stopwords included, so "most important" is not mistaken for "important"), and a
 * matched entry stands for every term of its groups.
 */
import type { Glossary } from '../knowledge/types';
import { analyze } from './normalize';

export interface GlossaryTerm {
  /** Stems of every word of the term, stopwords included: what a question must contain, in order. */
  phrase: string[];
  /** Stems of the meaningful words: what the index is searched for. Empty for a term of stopwords only. */
  terms: string[];
}

export interface CompiledGlossary {
  /** Groups (by index) that each phrase, written as its stems joined by spaces, belongs to. */
  groupsByPhrase: ReadonlyMap<string, number[]>;
  /** Terms of each group. */
  groups: GlossaryTerm[][];
  /** The longest phrase (in words) starting with each stem, to bound the phrase scan. */
  longestPhraseFrom: ReadonlyMap<string, number>;
  /** Every stem that appears in some glossary term. */
  stems: ReadonlySet<string>;
  /** Every normalised surface word of the glossary, for typo correction. */
  words: ReadonlySet<string>;
}

export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const groupsByPhrase = new Map<string, number[]>();
  const longestPhraseFrom = new Map<string, number>();
  const stems = new Set<string>();
  const words = new Set<string>();
  const groups: GlossaryTerm[][] = [];
  for (const group of glossary) {
    const groupIndex = groups.length;
    const terms: GlossaryTerm[] = [];
    const seen = new Set<string>();
    for (const raw of Array.isArray(group) ? group : []) {
      if (typeof raw !== 'string') continue;
      const tokens = analyze(raw, { acronyms: 'always' });
      if (tokens.length === 0) continue;
      const phrase = tokens.map((token) => token.stem);
      const key = phrase.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push({ phrase, terms: tokens.filter((token) => !token.stopword).map((token) => token.stem) });
      for (const token of tokens) {
        stems.add(token.stem);
        if (!token.stopword) words.add(token.surface);
      }
      const owners = groupsByPhrase.get(key);
      if (owners) {
        if (!owners.includes(groupIndex)) owners.push(groupIndex);
      } else groupsByPhrase.set(key, [groupIndex]);
      const first = phrase[0]!;
      longestPhraseFrom.set(first, Math.max(longestPhraseFrom.get(first) ?? 0, phrase.length));
    }
    groups.push(terms);
  }
  return { groupsByPhrase, groups, longestPhraseFrom, stems, words };
}

export interface PhraseMatch {
  start: number;
  /** Exclusive. */
  end: number;
  groups: number[];
}

/**
 * Finds glossary phrases in a sequence of stems, longest first from left to right, without overlaps.
 * `stemsAt(i)` gives the stem(s) position i may stand for (its own, or a typo correction).
 */
export function findPhrases(glossary: CompiledGlossary, length: number, stemAt: (i: number) => string): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  let i = 0;
  while (i < length) {
    const longest = Math.min(glossary.longestPhraseFrom.get(stemAt(i)) ?? 0, length - i);
    let matched: PhraseMatch | null = null;
    for (let size = longest; size >= 1 && !matched; size -= 1) {
      const key = Array.from({ length: size }, (_, k) => stemAt(i + k)).join(' ');
      const groups = glossary.groupsByPhrase.get(key);
      if (groups) matched = { start: i, end: i + size, groups };
    }
    if (matched) {
      matches.push(matched);
      i = matched.end;
    } else i += 1;
  }
  return matches;
}
