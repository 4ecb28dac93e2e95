/** Small hand-made knowledge bases for unit tests: every field explicit, nothing loaded from disk. */
import type { Fact, Glossary, KnowledgeBase, KnowledgeDocument, Passage } from '../../src/knowledge/types';

export const DOC_ID = 'news/test-article';

export function passage(paragraph: number, sentence: number, text: string, section: string | null = null, documentId = DOC_ID): Passage {
  return { id: `${documentId}#p${paragraph}s${sentence}`, documentId, section, paragraph, sentence, text };
}

export function fact(id: string, at: Passage, fields: { quote?: string; translation: string; keywords?: string[]; topic?: string | null }): Fact {
  return {
    id,
    documentId: at.documentId,
    section: at.section,
    paragraph: at.paragraph,
    sentence: at.sentence,
    quote: fields.quote ?? at.text,
    translation: fields.translation,
    keywords: fields.keywords ?? [],
    topic: fields.topic ?? null,
  };
}

export function knowledgeBase(parts: { passages: Passage[]; facts?: Fact[]; glossary?: Glossary; title?: string; sections?: string[] }): KnowledgeBase {
  const byDocument = new Map<string, Passage[]>();
  for (const p of parts.passages) byDocument.set(p.documentId, [...(byDocument.get(p.documentId) ?? []), p]);
  const documents: KnowledgeDocument[] = [...byDocument].map(([id, passages]) => ({
    id,
    title: parts.title ?? 'Test article',
    language: 'it',
    url: null,
    publisher: null,
    published: null,
    path: `/knowledge/${id}.md`,
    sections: parts.sections ?? [...new Set(passages.map((p) => p.section).filter((s): s is string => s !== null))],
    paragraphs: [...new Set(passages.filter((p) => p.paragraph >= 1).map((p) => p.paragraph))].map((n) => ({
      section: passages.find((p) => p.paragraph === n)!.section,
      text: passages.filter((p) => p.paragraph === n).map((p) => p.text).join(' '),
    })),
  }));
  return { documents, passages: parts.passages, facts: parts.facts ?? [], glossary: parts.glossary ?? [], problems: [] };
}
