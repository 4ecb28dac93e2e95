import type { KnowledgeDocument, Location } from '../knowledge/types';
import type { Citation } from './types';

/**
 * Where a quote stands, for every front end. Paragraph 0 is the title, which is not a body paragraph,
 * so its citation names no paragraph.
 */
export function citationFor(document: KnowledgeDocument | null | undefined, location: Pick<Location, 'documentId' | 'section' | 'paragraph'>): Citation {
  return {
    id: location.documentId,
    title: document?.title ?? location.documentId,
    url: document?.url ?? null,
    section: location.section ?? null,
    paragraph: Number.isInteger(location.paragraph) && location.paragraph >= 1 ? location.paragraph : null,
  };
}
