/**
 * Loading a knowledge folder: the only module of src/knowledge that touches the file system.
 * buildKnowledgeBase is the pure core (files in, knowledge out); loadKnowledgeBase reads the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { knowledgeStrings } from '../strings/knowledge';
import { documentPassages, parseMarkdownDocument, parseTextDocument, type ParsedDocument } from './documents';
import { locateQuote, matchesIgnoringQuoteMarks, parseFactsFile, type ParsedFactsFile } from './facts';
import { parseGlossaryFile } from './glossary';
import { decodeUtf8 } from './text';
import type { Fact, KnowledgeBase, KnowledgeDocument, KnowledgeProblem } from './types';

/** One file of a knowledge folder, as read from disk (or made up by a test). */
export interface KnowledgeFile {
  /** Absolute path: used in problems (`file`) and as KnowledgeDocument.path. */
  path: string;
  /** Path relative to the knowledge folder, `/`-separated: gives ids and kinds. */
  relativePath: string;
  bytes: Uint8Array;
}

export type KnowledgeFileKind = 'markdown' | 'text' | 'facts' | 'glossary' | 'unknown-yaml' | 'other';

/** What a file is, from its name. */
export function knowledgeFileKind(relativePath: string): KnowledgeFileKind {
  const name = path.posix.basename(relativePath).toLowerCase();
  if (/\.facts\.ya?ml$/u.test(name)) return 'facts';
  if (/^(?:.+\.)?glossary\.ya?ml$/u.test(name)) return 'glossary';
  if (/\.ya?ml$/u.test(name)) return 'unknown-yaml';
  if (name.endsWith('.md')) return 'markdown';
  if (name.endsWith('.txt')) return 'text';
  return 'other';
}

/** Document id of a document file: its relative path without extension. */
export function documentIdOf(relativePath: string): string {
  return relativePath.replace(/\\/gu, '/').replace(/\.(?:md|txt)$/iu, '');
}

/**
 * Builds the knowledge base from files. Never throws for bad content: every problem is reported
 * with its file and line, a broken document or facts file is skipped, a bad fact or glossary group is
 * left out, and everything else loads.
 */
export function buildKnowledgeBase(files: KnowledgeFile[]): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const documents: KnowledgeDocument[] = [];
  const documentFiles = new Map<string, KnowledgeFile>();
  const brokenDocumentIds = new Set<string>();
  const factsFiles: Array<{ file: KnowledgeFile; parsed: ParsedFactsFile }> = [];
  const glossary: string[][] = [];

  const sorted = [...files].sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  for (const file of sorted) {
    const kind = knowledgeFileKind(file.relativePath);
    if (kind === 'other') continue;
    if (kind === 'unknown-yaml') {
      problems.push({ file: file.path, line: 1, message: knowledgeStrings.unknownYamlFile });
      continue;
    }
    const decoded = decodeUtf8(file.bytes);
    if (!decoded.ok) {
      problems.push({ file: file.path, line: decoded.line, message: decoded.reason === 'binary' ? knowledgeStrings.binary : knowledgeStrings.notUtf8 });
      if (kind === 'markdown' || kind === 'text') brokenDocumentIds.add(documentIdOf(file.relativePath));
      continue;
    }
    if (kind === 'markdown' || kind === 'text') {
      const id = documentIdOf(file.relativePath);
      const first = documentFiles.get(id);
      if (first) {
        problems.push({ file: file.path, line: 1, message: knowledgeStrings.duplicateDocument(id, first.relativePath) });
        continue;
      }
      const source = { id, path: file.path, text: decoded.text };
      const parsed: ParsedDocument = kind === 'markdown' ? parseMarkdownDocument(source) : parseTextDocument(source);
      problems.push(...parsed.problems);
      if (parsed.document) {
        documents.push(parsed.document);
        documentFiles.set(id, file);
      } else {
        brokenDocumentIds.add(id);
      }
    } else if (kind === 'facts') {
      const defaultDocumentId = file.relativePath.replace(/\.facts\.ya?ml$/iu, '');
      const parsed = parseFactsFile(decoded.text, file.path, defaultDocumentId);
      problems.push(...parsed.problems);
      factsFiles.push({ file, parsed });
    } else {
      const parsed = parseGlossaryFile(decoded.text, file.path);
      problems.push(...parsed.problems);
      glossary.push(...parsed.groups);
    }
  }

  const documentsById = new Map(documents.map((document) => [document.id, document]));
  const factIds = new Map<string, string>();
  const facts: Fact[] = [];
  for (const { file, parsed } of factsFiles) {
    if (parsed.documentId === null) continue;
    const document = documentsById.get(parsed.documentId);
    if (!document && !brokenDocumentIds.has(parsed.documentId)) {
      problems.push({ file: file.path, line: parsed.documentLine, message: knowledgeStrings.factsUnknownDocument(parsed.documentId) });
    }
    for (const curated of parsed.facts) {
      const first = factIds.get(curated.id);
      if (first) {
        problems.push({ file: file.path, line: curated.line, message: knowledgeStrings.factDuplicateId(curated.id, first) });
        continue;
      }
      factIds.set(curated.id, `${file.relativePath}:${curated.line}`);
      // The document's own problems already explain why its facts cannot be located.
      if (!document) continue;
      const location = locateQuote(document, curated.quote);
      if (!location) {
        const message = matchesIgnoringQuoteMarks(document, curated.quote) ? knowledgeStrings.quoteNotFoundPunctuationHint(document.id) : knowledgeStrings.quoteNotFound(document.id);
        problems.push({ file: file.path, line: curated.quoteLine, message });
        continue;
      }
      facts.push({ ...location, id: curated.id, quote: curated.quote, translation: curated.translation, keywords: curated.keywords, topic: curated.topic });
    }
  }

  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { documents, passages: documents.flatMap(documentPassages), facts, glossary, problems };
}

/**
 * Every document, curated fact and glossary under `dir`, recursively (hidden files and folders
 * skipped). Problems, including an unreadable or missing folder, are in `problems`; never throws.
 */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const root = path.resolve(dir);
  const problems: KnowledgeProblem[] = [];
  const files: KnowledgeFile[] = [];
  let isFolder = false;
  try {
    isFolder = fs.statSync(root).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    return { documents: [], passages: [], facts: [], glossary: [], problems: [{ file: root, line: 1, message: knowledgeStrings.folderNotFound }] };
  }
  const walk = (folder: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: folder, line: 1, message: knowledgeStrings.unreadable(reasonOf(error)) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(absolute);
        continue;
      }
      const relativePath = path.relative(root, absolute).split(path.sep).join('/');
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      if (knowledgeFileKind(relativePath) === 'other') continue;
      try {
        files.push({ path: absolute, relativePath, bytes: fs.readFileSync(absolute) });
      } catch (error) {
        problems.push({ file: absolute, line: 1, message: knowledgeStrings.unreadable(reasonOf(error)) });
      }
    }
  };
  walk(root);
  const knowledge = buildKnowledgeBase(files);
  return { ...knowledge, problems: [...problems, ...knowledge.problems] };
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
