/** Parsing YAML with line numbers kept, so problems can point at the line to fix. */
import { Document, LineCounter, parseDocument, isNode, isScalar, type YAMLMap } from 'yaml';
import { knowledgeStrings } from '../strings/knowledge';
import type { KnowledgeProblem } from './types';

export interface YamlSource {
  document: Document.Parsed;
  /** 1-based line in the file of a YAML node (or of the document start when the node is missing). */
  lineOf(node: unknown): number;
}

/**
 * Parses `text` as YAML. `firstLine` is the file line the text starts on (front matter starts on
 * line 2). Returns null and pushes problems when the YAML is invalid.
 */
export function parseYamlSource(text: string, file: string, problems: KnowledgeProblem[], firstLine = 1): YamlSource | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (document.errors.length > 0) {
    // An unclosed bracket or quote is reported at the end of the input: point at the last line with text instead.
    const lastTextOffset = Math.max(0, text.trimEnd().length - 1);
    const reportedLines = new Set<number>();
    for (const error of document.errors) {
      const offset = Math.min(error.pos[0], lastTextOffset);
      const quoteLine = unclosedQuoteLine(text, error.code, error.message, offset);
      const line = quoteLine === null ? lineAt(offset) : quoteLine + firstLine - 1;
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      problems.push({ file, line, message: knowledgeStrings.yamlError(firstSentence(error.message)) });
    }
    return null;
  }
  return {
    document,
    lineOf(node: unknown): number {
      if (isNode(node) && node.range) return lineAt(node.range[0]);
      return firstLine;
    },
  };
}

/** The key/value pair of `key` in a YAML map, if the map has it. */
export function pairOf(map: YAMLMap, key: string): { key: unknown; value: unknown } | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as { key: unknown; value: unknown } | undefined;
}

/**
 * For "Missing closing quote", the line where the quoted value was opened (the last line before the
 * error with an odd number of that quote mark), which is where the fix goes. Null if not found.
 */
function unclosedQuoteLine(text: string, code: string, message: string, offset: number): number | null {
  if (code !== 'MISSING_CHAR' || !/quote/u.test(message)) return null;
  const mark = message.includes("'") ? "'" : '"';
  const lines = text.slice(0, offset + 1).split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = (lines[index] ?? '').replace(mark === '"' ? /\\./gu : /''/gu, '');
    if ((line.split(mark).length - 1) % 2 === 1) return index + 1;
  }
  return null;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/u, '').trim() ?? message;
}
