/**
 * Every message the command-line tools `npm run ask` and `npm run bench` show to a person.
 */

export const askStrings = {
  usage: [
    'Usage: npm run ask -- [options] "QUESTION"',
    '       npm run --silent ask -- --json "QUESTION"',
    '       npm run --silent ask -- --stdin < questions.txt',
    '',
    'Answers a question from the knowledge base with verbatim, cited quotes.',
    '',
    'Options:',
    '  --json            print one JSON document: {"query", "results": [...]}',
    '  --stdin           read one question per line; print one JSON document per line',
    '  --limit N         at most N answers (1 to 50, default 5)',
    '  --knowledge DIR   knowledge folder (default: KNOWLEDGE_DIR, or ./knowledge)',
    '  -h, --help        show this help',
  ].join('\n'),
  badArguments: (reason: string) => `ask: ${reason}`,
  missingQuestion: 'a question is required (or --stdin)',
  questionWithStdin: 'with --stdin, questions come from standard input: do not also pass one as an argument',
  badLimit: (value: string) => `--limit must be a whole number from 1 to 50 (got "${value}")`,
  configProblem: (message: string) => `ask: ${message}`,
  knowledgeWarning: (problemLine: string) => `warning: ${problemLine} (skipped)`,
  noAnswer: (query: string) => `No relevant answer in the knowledge base for "${query}". Try other words, in English or Italian.`,
  emptyQuestion: 'The question is empty.',
  truncated: (max: number) => `(Your question was longer than ${max} characters and was cut.)`,
  heading: (query: string, count: number) => `${count} answer${count === 1 ? '' : 's'} for "${query}":`,
  quote: (rank: number, quote: string) => `${rank}. “${quote}”`,
  english: (translation: string) => `   English: ${translation}`,
  noEnglish: '   English: (no curated rendering for this sentence)',
  citation: (title: string, section: string | null, paragraph: number | null) =>
    `   Source: “${title}”${section ? ` — section “${section}”` : ''}${paragraph !== null ? `, paragraph ${paragraph}` : ', title'}`,
  url: (url: string) => `   ${url}`,
};

export const benchStrings = {
  title: 'Search benchmark: this engine (BM25 inverted index + fuse.js over the vocabulary) vs one plain fuse.js index over every passage',
  method: (warmup: number) => `Each row is a fresh process; query times exclude ${warmup} warm-up queries; heap Δ is the index alone (after GC), peak RSS the whole process.`,
  machine: (cpus: number, node: string) => `Machine: ${cpus} CPU(s), Node ${node}`,
  measuring: (engine: string, passages: number) => `  measuring ${engine} at ${passages.toLocaleString('en-US')} passages...`,
  baselineEstimate: (queries: number) => `(baseline at this size: estimated from ${queries} queries)`,
  firstAnswer: (ms: number, dir: string) => `First answer after start (load ${dir} + build + first query): ${ms.toFixed(0)} ms`,
  firstAnswerSynthetic: (passages: number, ms: number) =>
    `First answer after start at ${passages.toLocaleString('en-US')} passages (load knowledge files + build + first query): ${ms.toFixed(0)} ms`,
  badArguments: (reason: string) => `bench: ${reason}`,
  usage: 'Usage: npm run bench -- [--sizes 1000,10000,100000] [--queries N] [--seed N]',
};
