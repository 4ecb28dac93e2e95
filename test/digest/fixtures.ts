import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Fact, KnowledgeBase, KnowledgeDocument } from '../../src/knowledge/types';

export function makeDocument(id: string, overrides: Partial<KnowledgeDocument> = {}): KnowledgeDocument {
  return {
    id,
    title: `Title of ${id}`,
    language: 'it',
    url: null,
    publisher: null,
    published: null,
    path: `/knowledge/${id}.md`,
    sections: ['Intro'],
    paragraphs: [{ section: 'Intro', text: 'Testo.' }],
    ...overrides,
  };
}

export function makeFact(id: string, documentId: string, overrides: Partial<Fact> = {}): Fact {
  return {
    id,
    documentId,
    section: 'Intro',
    paragraph: 1,
    sentence: 1,
    quote: `Citazione ${id}.`,
    translation: `Quote ${id}.`,
    keywords: [id],
    topic: `Topic ${id}`,
    ...overrides,
  };
}

/** A knowledge base of `documents` documents with `factCount` facts spread over them. */
export function makeKnowledge(factCount: number, documents = 1): KnowledgeBase {
  const docs = Array.from({ length: documents }, (_, i) => makeDocument(`doc-${i + 1}`));
  const facts = Array.from({ length: factCount }, (_, i) => makeFact(`fact-${String(i + 1).padStart(2, '0')}`, docs[i % documents]!.id, { paragraph: i + 1 }));
  return { documents: docs, passages: [], facts, glossary: [], problems: [] };
}

export function tempDir(prefix = 'alibaba-digest-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A clock the test moves; `sleep` advances it instead of waiting, and records the waits. */
export function fakeTime(start: string | Date) {
  let now = new Date(start).getTime();
  const sleeps: number[] = [];
  return {
    clock: () => new Date(now),
    set(to: string | Date) {
      now = new Date(to).getTime();
    },
    advance(ms: number) {
      now += ms;
    },
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}
