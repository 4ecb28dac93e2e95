/** Pure parsing and resolution of curated facts (`*.facts.yaml`). */
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { knowledgeStrings } from '../strings/knowledge';
import { TITLE_PARAGRAPH, passageSpans } from './documents';
import { normalizeWhitespace } from './text';
import { pairOf, parseYamlSource } from './yaml-source';
import type { KnowledgeDocument, KnowledgeProblem, Location } from './types';

/** A fact as written in its file, before its quote is located in the document. */
export interface CuratedFact {
  id: string;
  topic: string | null;
  quote: string;
  translation: string;
  keywords: string[];
  /** Lines in the facts file, for problems. */
  line: number;
  quoteLine: number;
}

export interface ParsedFactsFile {
  /** The document the facts quote; null when the file is unusable. */
  documentId: string | null;
  documentLine: number;
  facts: CuratedFact[];
  problems: KnowledgeProblem[];
}

const FACT_FIELDS = new Set(['id', 'topic', 'quote', 'translation', 'keywords']);
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/**
 * Parses a facts file. `defaultDocumentId` (the file's own id without `.facts`) is used when the
 * file has no `document:` field. Facts with a problem are left out; the others are kept.
 */
export function parseFactsFile(text: string, file: string, defaultDocumentId: string): ParsedFactsFile {
  const problems: KnowledgeProblem[] = [];
  const unusable = (): ParsedFactsFile => ({ documentId: null, documentLine: 1, facts: [], problems });
  const yaml = parseYamlSource(text, file, problems);
  if (!yaml) return unusable();
  const root = yaml.document.contents;
  if (!isMap(root)) {
    problems.push({ file, line: yaml.lineOf(root), message: knowledgeStrings.factsNotMap });
    return unusable();
  }
  const documentPair = pairOf(root, 'document');
  let documentId = defaultDocumentId;
  let documentLine = 1;
  if (documentPair) {
    documentLine = yaml.lineOf(documentPair.key);
    const value = isScalar(documentPair.value) ? documentPair.value.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ file, line: yaml.lineOf(documentPair.value ?? documentPair.key), message: knowledgeStrings.factsDocumentNotText });
      return unusable();
    }
    documentId = value.trim().replace(/\\/gu, '/').replace(/\.(md|txt)$/u, '');
  }
  const factsPair = pairOf(root, 'facts');
  if (!factsPair || !isSeq(factsPair.value)) {
    problems.push({ file, line: factsPair ? yaml.lineOf(factsPair.value ?? factsPair.key) : 1, message: knowledgeStrings.factsNotList });
    return { documentId, documentLine, facts: [], problems };
  }

  const facts: CuratedFact[] = [];
  for (const item of factsPair.value.items) {
    const line = yaml.lineOf(item);
    if (!isMap(item)) {
      problems.push({ file, line, message: knowledgeStrings.factNotMap });
      continue;
    }
    const before = problems.length;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!FACT_FIELDS.has(key)) problems.push({ file, line: yaml.lineOf(pair.key), message: knowledgeStrings.factUnknownField(key) });
    }
    const text = (field: string, required: boolean): { value: string; line: number } | null => {
      const pair = pairOf(item, field);
      if (!pair) {
        if (required) problems.push({ file, line, message: knowledgeStrings.factMissingField(field) });
        return null;
      }
      const raw = isScalar(pair.value) ? pair.value.value : undefined;
      const value = typeof raw === 'string' ? normalizeWhitespace(raw) : '';
      if (!value) {
        if (required || raw !== null) problems.push({ file, line: yaml.lineOf(pair.value ?? pair.key), message: knowledgeStrings.factEmptyField(field) });
        return null;
      }
      return { value, line: yaml.lineOf(pair.value) };
    };
    const id = text('id', true);
    if (id && !KEBAB_CASE.test(id.value)) problems.push({ file, line: id.line, message: knowledgeStrings.factBadId(id.value) });
    const topic = text('topic', false);
    const quote = text('quote', true);
    const translation = text('translation', true);
    const keywords = keywordsOf(item, file, line, yaml.lineOf, problems);
    if (problems.length > before || !id || !quote || !translation || !keywords) continue;
    facts.push({ id: id.value, topic: topic?.value ?? null, quote: quote.value, translation: translation.value, keywords, line: id.line, quoteLine: quote.line });
  }
  return { documentId, documentLine, facts, problems };
}

function keywordsOf(item: YAMLMap, file: string, factLine: number, lineOf: (node: unknown) => number, problems: KnowledgeProblem[]): string[] | null {
  const pair = pairOf(item, 'keywords');
  if (!pair) {
    problems.push({ file, line: factLine, message: knowledgeStrings.factMissingField('keywords') });
    return null;
  }
  const line = lineOf(pair.value ?? pair.key);
  if (!isSeq(pair.value) || pair.value.items.length === 0) {
    problems.push({ file, line, message: knowledgeStrings.factBadKeywords });
    return null;
  }
  const keywords: string[] = [];
  for (const node of pair.value.items) {
    const raw = isScalar(node) ? node.value : undefined;
    // Numbers are fine as keywords ("7", "2016"); YAML reads them as numbers, so take their source text.
    const value = typeof raw === 'string' ? raw : typeof raw === 'number' && isScalar(node) ? (node.source ?? String(raw)) : '';
    const keyword = normalizeWhitespace(String(value));
    if (!keyword) {
      problems.push({ file, line: lineOf(node), message: knowledgeStrings.factBadKeywords });
      return null;
    }
    keywords.push(keyword);
  }
  return keywords;
}

/**
 * Where a quote stands in its document: the first paragraph containing it verbatim (whitespace
 * normalised, exact otherwise), and the sentence it starts in. The title is searched last, as
 * paragraph 0. Null when the quote is nowhere in the document.
 */
export function locateQuote(document: KnowledgeDocument, quote: string): Location | null {
  const wanted = normalizeWhitespace(quote);
  if (!wanted) return null;
  const candidates: Array<{ paragraph: number; section: string | null; text: string }> = [
    ...document.paragraphs.map((p, index) => ({ paragraph: index + 1, section: p.section, text: p.text })),
    { paragraph: TITLE_PARAGRAPH, section: null, text: document.title },
  ];
  for (const candidate of candidates) {
    const offset = candidate.text.indexOf(wanted);
    if (offset < 0) continue;
    const spans = passageSpans(document, candidate.paragraph);
    const index = spans.findIndex((span) => offset < span.end);
    return { documentId: document.id, section: candidate.section, paragraph: candidate.paragraph, sentence: Math.max(index, 0) + 1 };
  }
  return null;
}

/** True when the quote would match if apostrophes and quotation marks were all the same character. */
export function matchesIgnoringQuoteMarks(document: KnowledgeDocument, quote: string): boolean {
  const fold = (text: string) => normalizeWhitespace(text).replace(/[’‘`´′']/gu, "'").replace(/[“”«»„"]/gu, '"');
  const wanted = fold(quote);
  return [document.title, ...document.paragraphs.map((p) => p.text)].some((text) => fold(text).includes(wanted));
}
