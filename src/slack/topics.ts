import type { KnowledgeBase } from '../knowledge/types';

/**
 * Topics the knowledge base covers, for "try asking about…" suggestions and the Home tab's example
 * buttons: the curated facts' topic labels in order, or section headings and titles when no fact has one.
 */
export function coveredTopics(knowledge: KnowledgeBase, limit: number): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  const add = (label: string | null | undefined): void => {
    const clean = label?.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    const key = clean.toLocaleLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    topics.push(clean);
  };
  for (const fact of knowledge.facts) {
    if (topics.length >= limit) return topics;
    add(fact.topic);
  }
  for (const document of knowledge.documents) {
    for (const section of document.sections) {
      if (topics.length >= limit) return topics;
      add(section);
    }
  }
  for (const document of knowledge.documents) {
    if (topics.length >= limit) return topics;
    add(document.title);
  }
  return topics.slice(0, limit);
}

export function factCountsByDocument(knowledge: KnowledgeBase): Map<string, number> {
  const counts = new Map<string, number>();
  for (const fact of knowledge.facts) counts.set(fact.documentId, (counts.get(fact.documentId) ?? 0) + 1);
  return counts;
}
