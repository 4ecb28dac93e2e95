/** Pure parsing of glossary files (`glossary.yaml`, `*.glossary.yaml`): `groups:` a list of lists of equivalent terms. */
import { isMap, isScalar, isSeq } from 'yaml';
import { knowledgeStrings } from '../strings/knowledge';
import { normalizeWhitespace } from './text';
import { pairOf, parseYamlSource } from './yaml-source';
import type { Glossary, KnowledgeProblem } from './types';

export interface ParsedGlossaryFile {
  /** The valid groups; a bad group is reported and left out. */
  groups: Glossary;
  problems: KnowledgeProblem[];
}

export function parseGlossaryFile(text: string, file: string): ParsedGlossaryFile {
  const problems: KnowledgeProblem[] = [];
  const yaml = parseYamlSource(text, file, problems);
  if (!yaml) return { groups: [], problems };
  const root = yaml.document.contents;
  const groupsPair = isMap(root) ? pairOf(root, 'groups') : undefined;
  if (!isMap(root) || !groupsPair) {
    problems.push({ file, line: yaml.lineOf(root), message: knowledgeStrings.glossaryNotMap });
    return { groups: [], problems };
  }
  if (!isSeq(groupsPair.value)) {
    problems.push({ file, line: yaml.lineOf(groupsPair.value ?? groupsPair.key), message: knowledgeStrings.glossaryGroupsNotList });
    return { groups: [], problems };
  }
  const groups: Glossary = [];
  for (const node of groupsPair.value.items) {
    const line = yaml.lineOf(node);
    if (!isSeq(node)) {
      problems.push({ file, line, message: knowledgeStrings.glossaryGroupNotList });
      continue;
    }
    const terms: string[] = [];
    let bad = false;
    for (const termNode of node.items) {
      const value = isScalar(termNode) ? termNode.value : undefined;
      const term = typeof value === 'string' ? normalizeWhitespace(value) : '';
      if (!term) {
        problems.push({ file, line: yaml.lineOf(termNode), message: knowledgeStrings.glossaryTermNotText });
        bad = true;
        break;
      }
      if (!terms.includes(term)) terms.push(term);
    }
    if (bad) continue;
    if (terms.length < 2) {
      problems.push({ file, line, message: knowledgeStrings.glossaryGroupTooSmall });
      continue;
    }
    groups.push(terms);
  }
  return { groups, problems };
}
