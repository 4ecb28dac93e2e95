/** The knowledge module's public surface. */
export type * from './types';
export { buildKnowledgeBase, documentIdOf, knowledgeFileKind, loadKnowledgeBase, type KnowledgeFile, type KnowledgeFileKind } from './load';
export { TITLE_PARAGRAPH, documentPassages, looksLikeHeading, parseMarkdownDocument, parseTextDocument, type DocumentSource, type ParsedDocument } from './documents';
export { locateQuote, parseFactsFile, type CuratedFact, type ParsedFactsFile } from './facts';
export { parseGlossaryFile, type ParsedGlossaryFile } from './glossary';
export { sentenceSpans, splitSentences, type SentenceSpan } from './sentences';
export { decodeUtf8, normalizeWhitespace } from './text';
