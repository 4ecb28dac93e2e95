/**
 * Pure parsing of documents (Markdown with YAML front matter, or plain text) and their passages.
 * No I/O: callers hand in decoded text.
 */
import { isMap, isScalar } from 'yaml';
import { knowledgeStrings } from '../strings/knowledge';
import { sentenceSpans } from './sentences';
import { normalizeWhitespace } from './text';
import { pairOf, parseYamlSource } from './yaml-source';
import type { KnowledgeDocument, KnowledgeProblem, Passage } from './types';

/** The paragraph number of title passages: the title stands before the body, whose paragraphs start at 1. */
export const TITLE_PARAGRAPH = 0;

export interface DocumentSource {
  /** Document id: path relative to the knowledge folder without extension, `/`-separated. */
  id: string;
  /** Absolute path of the file (used in problems and in the document). */
  path: string;
  text: string;
}

export interface ParsedDocument {
  /** Null when the file is broken: it is skipped and its problems say why. */
  document: KnowledgeDocument | null;
  problems: KnowledgeProblem[];
}

interface BodyLine {
  text: string;
  line: number;
}

/** A Markdown document: YAML front matter (title required; language, url, publisher, published optional), then the body. */
export function parseMarkdownDocument(source: DocumentSource): ParsedDocument {
  const problems: KnowledgeProblem[] = [];
  const file = source.path;
  const lines = source.text.split(/\r\n|\r|\n/u);
  if (lines[0]?.trim() !== '---') {
    problems.push({ file, line: 1, message: knowledgeStrings.missingFrontMatter });
    return { document: null, problems };
  }
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) {
    problems.push({ file, line: 1, message: knowledgeStrings.unclosedFrontMatter });
    return { document: null, problems };
  }
  const yaml = parseYamlSource(lines.slice(1, close).join('\n'), file, problems, 2);
  if (!yaml) return { document: null, problems };
  const contents = yaml.document.contents;
  if (contents !== null && !isMap(contents)) {
    problems.push({ file, line: yaml.lineOf(contents), message: knowledgeStrings.frontMatterNotMap });
    return { document: null, problems };
  }
  const field = (key: string) => (contents ? pairOf(contents, key) : undefined);
  const titleNode = field('title');
  const title = titleNode && isScalar(titleNode.value) && typeof titleNode.value.value === 'string' ? normalizeWhitespace(titleNode.value.value) : '';
  if (titleNode && isScalar(titleNode.value) && titleNode.value.value !== null && typeof titleNode.value.value !== 'string') {
    problems.push({ file, line: yaml.lineOf(titleNode.value), message: knowledgeStrings.fieldNotText('title') });
    return { document: null, problems };
  }
  if (!title) {
    problems.push({ file, line: titleNode ? yaml.lineOf(titleNode.key) : 1, message: knowledgeStrings.missingTitle });
    return { document: null, problems };
  }

  // Optional metadata: a bad value is reported and dropped, the document still loads.
  const optionalText = (key: string): string | null => {
    const node = field(key);
    if (!node || !isScalar(node.value) || node.value.value === null) return null;
    const value = node.value.value;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? normalizeWhitespace(value) : null;
    if (text === null) {
      problems.push({ file, line: yaml.lineOf(node.value), message: knowledgeStrings.fieldNotText(key) });
      return null;
    }
    const invalid = validateMetadata(key, text);
    if (invalid) {
      problems.push({ file, line: yaml.lineOf(node.value), message: invalid });
      return null;
    }
    return text || null;
  };
  const language = optionalText('language');
  const url = optionalText('url');
  const publisher = optionalText('publisher');
  const published = optionalText('published');

  const body: BodyLine[] = lines.slice(close + 1).map((text, index) => ({ text, line: close + 2 + index }));
  const { sections, paragraphs } = markdownBody(body);
  if (paragraphs.length === 0) {
    problems.push({ file, line: Math.min(close + 2, lines.length), message: knowledgeStrings.emptyDocument });
    return { document: null, problems };
  }
  return { document: { id: source.id, title, language, url, publisher, published, path: source.path, sections, paragraphs }, problems };
}

/**
 * A plain-text document: the first non-blank line is the title, the rest the body. Paragraphs are
 * separated by blank lines when the body has any, else each line is a paragraph (as in pasted
 * articles). A short line without final punctuation, followed by more text, is a section heading.
 */
export function parseTextDocument(source: DocumentSource): ParsedDocument {
  const problems: KnowledgeProblem[] = [];
  const file = source.path;
  const lines = source.text.split(/\r\n|\r|\n/u);
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex < 0) {
    problems.push({ file, line: 1, message: knowledgeStrings.missingTitle });
    return { document: null, problems };
  }
  const title = normalizeWhitespace(lines[titleIndex] ?? '');
  const body: BodyLine[] = lines.slice(titleIndex + 1).map((text, index) => ({ text, line: titleIndex + 2 + index }));
  const { sections, paragraphs } = textBody(body);
  if (paragraphs.length === 0) {
    problems.push({ file, line: titleIndex + 1, message: knowledgeStrings.emptyDocument });
    return { document: null, problems };
  }
  return { document: { id: source.id, title, language: null, url: null, publisher: null, published: null, path: source.path, sections, paragraphs }, problems };
}

type Body = Pick<KnowledgeDocument, 'sections' | 'paragraphs'>;

/** A horizontal rule (`---`, `***`, `___`): separates paragraphs, is not text. */
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/u;
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/u;

function markdownBody(lines: BodyLine[]): Body {
  const body: Body = { sections: [], paragraphs: [] };
  let section: string | null = null;
  let current: string[] = [];
  const flush = () => {
    const text = normalizeWhitespace(current.join(' '));
    if (text) body.paragraphs.push({ section, text });
    current = [];
  };
  for (const { text } of lines) {
    const heading = MARKDOWN_HEADING.exec(text);
    if (THEMATIC_BREAK.test(text)) {
      flush();
    } else if (heading) {
      flush();
      section = normalizeWhitespace(heading[1] ?? '') || null;
      if (section) body.sections.push(section);
    } else if (text.trim() === '') {
      flush();
    } else {
      current.push(text);
    }
  }
  flush();
  return body;
}

function textBody(lines: BodyLine[]): Body {
  const hasBlankLineBetweenText = lines.some(
    (line, index) => line.text.trim() === '' && lines.slice(0, index).some((l) => l.text.trim() !== '') && lines.slice(index + 1).some((l) => l.text.trim() !== ''),
  );
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const { text } of lines) {
    if (text.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else if (hasBlankLineBetweenText) {
      current.push(text);
    } else {
      blocks.push([text]);
    }
  }
  if (current.length) blocks.push(current);

  const body: Body = { sections: [], paragraphs: [] };
  let section: string | null = null;
  blocks.forEach((block, index) => {
    const text = normalizeWhitespace(block.join(' '));
    const isLast = index === blocks.length - 1;
    if (block.length === 1 && !isLast && looksLikeHeading(text)) {
      section = text;
      body.sections.push(text);
    } else {
      body.paragraphs.push({ section, text });
    }
  });
  return body;
}

/** A short line that does not end like a sentence ("alleanza con Vodafone", "OBOR, One Belt One Road"). */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > 80 || text.split(' ').length > 10) return false;
  return !/[.!?…:;,"”»’')\]]$/u.test(text);
}

function validateMetadata(key: string, value: string): string | null {
  if (value === '') return null;
  if (key === 'language') {
    try {
      if (Intl.getCanonicalLocales(value).length === 1) return null;
    } catch {
      // fall through: not a language tag
    }
    return knowledgeStrings.badLanguage(value);
  }
  if (key === 'url') {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return null;
    } catch {
      // fall through: not a URL
    }
    return knowledgeStrings.badUrl(value);
  }
  if (key === 'published') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
    const date = match ? new Date(`${value}T00:00:00Z`) : null;
    if (date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return null;
    return knowledgeStrings.badPublished(value);
  }
  return null;
}

/** Where each sentence of a paragraph (or of the title) starts and ends in its normalised text. */
export function passageSpans(document: KnowledgeDocument, paragraph: number) {
  const text = paragraph === TITLE_PARAGRAPH ? document.title : document.paragraphs[paragraph - 1]?.text ?? '';
  return sentenceSpans(text, document.language);
}

/**
 * Every passage of a document: the title's sentences first (paragraph 0, section null), then each
 * body paragraph's sentences. Ids are `${documentId}#p${paragraph}s${sentence}`.
 */
export function documentPassages(document: KnowledgeDocument): Passage[] {
  const passages: Passage[] = [];
  const add = (paragraph: number, section: string | null) => {
    passageSpans(document, paragraph).forEach((span, index) => {
      const sentence = index + 1;
      passages.push({ id: `${document.id}#p${paragraph}s${sentence}`, documentId: document.id, section, paragraph, sentence, text: span.text });
    });
  };
  add(TITLE_PARAGRAPH, null);
  document.paragraphs.forEach((p, index) => add(index + 1, p.section));
  return passages;
}
