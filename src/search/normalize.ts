/**
 * Text analysis shared by indexing and querying: both sides must agree exactly, so there is one
 * implementation. Pure functions, no state.
 */
import { STOPWORDS } from './stopwords';

export interface Token {
  /** Lowercase, accent-free word as written (after normalisation), used for typo correction. */
  surface: string;
  /** Light stem of `surface`: the form that is indexed and matched. */
  stem: string;
  /** True when the word is a closed-class word (article, preposition...) and not an acronym. */
  stopword: boolean;
}

export interface AnalyzeOptions {
  /**
   * When an all-capitals short word that is also a stopword ("US", "IT") counts as an acronym:
   * `always` (keywords, glossary terms: written deliberately) or `mixedCase` (prose and questions:
   * only when the text also has lowercase letters, so that a shouted question is not all acronyms).
   */
  acronyms?: 'always' | 'mixedCase';
}

const COMBINING_MARKS = /\p{M}+/gu;
/** Dotted initialisms such as "U.S." or "U.S.A." become one word before dots turn into separators. */
const DOTTED_INITIALISM = /(?<![\p{L}\p{N}])((?:\p{L}\.){2,})/gu;
/** A one-letter prefix joined by a hyphen ("e-commerce", "e-mail") is one word. */
const HYPHENATED_LETTER = /(?<![\p{L}\p{N}])(\p{L})-(?=\p{L})/gu;
/** Words are runs of letters or runs of digits: "17bn" is "17" and "bn", "50%" is "50". */
const WORD = /\p{L}+|\p{N}+/gu;
const LOWERCASE_LETTER = /\p{Ll}/u;
const UPPERCASE_WORD = /^\p{Lu}{2,4}$/u;
const DIGITS = /^\p{N}+$/u;

/**
 * Chat addressing: who or where a message is sent, not what it asks. Slack's encoded mentions, channel
 * links and broadcasts ("<@U07BOT123>", "<@U07BOT123|bot>", "<#C123|general>", "<!here>"), and the same
 * as a person types them or the Slack layer decodes them ("@alice", "@U07BOT123", "#general"). A name
 * after "@" or "#" must start at a word boundary (an e-mail address or "C#" is not addressing), and a
 * channel name starts with a letter, so "#1" stays a number.
 */
const CHAT_ADDRESSING = /<[@#!][^<>]*>|(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}][\p{L}\p{N}._-]*|(?<![\p{L}\p{N}_&#])#\p{L}[\p{L}\p{N}_-]*/gu;

/** A question without its chat addressing (see CHAT_ADDRESSING): for the query side only. */
export function withoutChatAddressing(text: string): string {
  return text.replace(CHAT_ADDRESSING, ' ');
}

/** Lowercase, without accents or other combining marks. */
export function foldText(text: string): string {
  return withoutMarks(text).toLowerCase();
}

/** Without accents or other combining marks, case kept (analyze needs it to tell acronyms). */
function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '');
}

/**
 * Splits text into normalised words with their stems. Apostrophes (straight or typographic) and all
 * other punctuation separate words, so "all’Europa" yields "all" and "europa". One-letter words are
 * dropped; numbers are kept.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Token[] {
  const unaccented = withoutMarks(text)
    .replace(DOTTED_INITIALISM, (initialism) => initialism.replace(/\./g, ''))
    .replace(HYPHENATED_LETTER, '$1');
  const acronymsAllowed = options.acronyms === 'always' || LOWERCASE_LETTER.test(unaccented);
  const tokens: Token[] = [];
  for (const match of unaccented.matchAll(WORD)) {
    const word = match[0];
    const isNumber = DIGITS.test(word);
    if (!isNumber && word.length < 2) continue;
    const surface = word.toLowerCase();
    const acronym = acronymsAllowed && UPPERCASE_WORD.test(word);
    tokens.push({ surface, stem: isNumber ? surface : stem(surface), stopword: !acronym && STOPWORDS.has(surface) });
  }
  return tokens;
}

/** The stems of the meaningful (non-stopword) words of a text, in order. */
export function indexTerms(text: string, options: AnalyzeOptions = {}): string[] {
  return analyze(text, options)
    .filter((token) => !token.stopword)
    .map((token) => token.stem);
}

const VOWEL_END = /[aeiouy]$/;
/** A doubled final consonant other than l, s or z ("call", "pass", "buzz" keep theirs). */
const DOUBLED_CONSONANT = /([bcdfgkmnprtv])\1$/;

/**
 * A deliberately light stemmer for English and Italian: it conflates inflections ("datacenters" and
 * "datacenter", "clienti" and "cliente", "Germania" and "Germany", "centre" and "center") without
 * trying to find linguistic roots. Indexing and queries use the same function, so over-stemming only
 * costs precision when two unrelated words collapse, which the light rules keep rare.
 */
export function stem(word: string): string {
  let w = word;
  const inflected = w;
  if (w.length >= 7 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length >= 6 && w.endsWith('ed')) w = w.slice(0, -2);
  // "planned" and "planning" are "plan": English doubles a final consonant before -ed and -ing.
  if (w !== inflected && DOUBLED_CONSONANT.test(w)) w = w.slice(0, -1);
  if (w.length >= 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 6 && w.endsWith('ter')) w = `${w.slice(0, -3)}tr`;
  for (let i = 0; i < 2 && w.length >= 5 && VOWEL_END.test(w); i += 1) w = w.slice(0, -1);
  return w;
}
