/**
 * Every message the knowledge loader and `npm run knowledge:check` show to a person.
 * Problems are printed as `file:line: message`, so messages name what is wrong and how to fix it.
 */

export const knowledgeStrings = {
  notUtf8: 'not valid UTF-8 text (save the file as UTF-8)',
  binary: 'not a text file (it contains NUL bytes)',
  unreadable: (reason: string) => `cannot be read: ${reason}`,
  yamlError: (message: string) => `invalid YAML: ${message}`,
  missingFrontMatter: 'missing YAML front matter: a Markdown document must start with a `---` line, its fields (at least `title:`), and a closing `---` line',
  unclosedFrontMatter: 'front matter is not closed: add a `---` line after its fields',
  frontMatterNotMap: 'front matter must be a set of `field: value` lines',
  missingTitle: 'missing title (`title:` in the front matter, or the first line of a .txt file)',
  fieldNotText: (field: string) => `\`${field}\` must be text`,
  badLanguage: (value: string) => `\`language\` is not a BCP 47 language tag such as "it" or "en" (got "${value}")`,
  badUrl: (value: string) => `\`url\` must be an http(s) URL (got "${value}")`,
  badPublished: (value: string) => `\`published\` must be a date written YYYY-MM-DD (got "${value}")`,
  folderNotFound: 'knowledge folder not found (set KNOWLEDGE_DIR or pass --knowledge DIR)',
  duplicateDocument: (id: string, first: string) => `duplicate document id "${id}": ${first} has the same path without extension (rename one)`,
  emptyDocument: 'empty document: there is no body text after the title',
  unknownYamlFile: 'not a knowledge file: name curated facts `*.facts.yaml` and glossaries `glossary.yaml` or `*.glossary.yaml`',

  factsNotMap: 'a facts file must have `document:` and a `facts:` list',
  factsNotList: '`facts` must be a list of facts',
  factsDocumentNotText: '`document` must be a document id (its path under the knowledge folder, without extension)',
  factsUnknownDocument: (documentId: string) => `document "${documentId}" does not exist in the knowledge folder`,
  factNotMap: 'each fact must be a set of fields (id, topic, quote, translation, keywords)',
  factMissingField: (field: string) => `fact is missing \`${field}\``,
  factEmptyField: (field: string) => `\`${field}\` must be non-empty text`,
  factBadId: (id: string) => `fact id "${id}" must be kebab-case (lowercase letters, digits and dashes)`,
  factDuplicateId: (id: string, first: string) => `duplicate fact id "${id}" (first defined at ${first})`,
  factBadKeywords: '`keywords` must be a non-empty list of non-empty words or phrases',
  factUnknownField: (field: string) => `unknown fact field \`${field}\` (expected id, topic, quote, translation, keywords)`,
  quoteNotFound: (documentId: string) => `quote not found verbatim in document "${documentId}" (quotes must match the document exactly, typos included; only whitespace may differ)`,
  quoteNotFoundPunctuationHint: (documentId: string) =>
    `quote not found verbatim in document "${documentId}": it only matches if apostrophes/quotation marks are treated alike, so copy the document's punctuation exactly (’ is not ')`,

  glossaryNotMap: 'a glossary file must have a `groups:` list',
  glossaryGroupsNotList: '`groups` must be a list of groups, each a list of equivalent terms',
  glossaryGroupNotList: 'each glossary group must be a list of equivalent terms, e.g. [customers, clienti]',
  glossaryGroupTooSmall: 'a glossary group needs at least two terms',
  glossaryTermNotText: 'glossary terms must be text (quote numbers, e.g. "11.11")',

  cliUsage: 'Usage: npm run knowledge:check [-- --knowledge DIR]\n\nValidates every document, curated fact and glossary file under the knowledge folder\n(KNOWLEDGE_DIR, default ./knowledge) and prints each problem as file:line: message.',
  cliUnknownArgument: (arg: string) => `Unknown argument: ${arg}`,
  cliMissingValue: (flag: string) => `${flag} needs a folder`,
  /** One problem as every tool prints it: `file:line: message`, the form editors and CI jump to. */
  problemLine: (file: string, line: number, message: string) => `${file}:${line}: ${message}`,
  cliProblemCount: (count: number) => `${count} problem${count === 1 ? '' : 's'} found`,
  cliSummary: (counts: { documents: number; passages: number; facts: number; glossaryGroups: number }) =>
    `ok: ${plural(counts.documents, 'document')}, ${plural(counts.passages, 'passage')}, ${plural(counts.facts, 'fact')}, ${plural(counts.glossaryGroups, 'glossary group')}`,
} as const;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
