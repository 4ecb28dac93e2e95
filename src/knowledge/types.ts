/**
 * The knowledge model shared by every part of the bot. Pure data: no Slack, no I/O.
 */

/** Where a piece of text stands in its document, for citations. Numbers are 1-based. */
export interface Location {
  documentId: string;
  /** The `## ` section heading the text sits under; null before the first heading. */
  section: string | null;
  /**
   * Paragraph number within the whole document body (1-based, headings not counted).
   * 0 means the document title: its sentences are passages too (section null), and a fact may quote it.
   */
  paragraph: number;
  /** Sentence number within its paragraph (1-based). */
  sentence: number;
}

export interface KnowledgeDocument {
  /** Stable id: the file path relative to the knowledge folder, without extension (e.g. `alibaba-europa-server-farm-germania`). */
  id: string;
  title: string;
  /** BCP 47 tag from front matter (e.g. `it`), null when not given. */
  language: string | null;
  url: string | null;
  publisher: string | null;
  /** ISO date (YYYY-MM-DD) when known. */
  published: string | null;
  /** Absolute path of the source file. */
  path: string;
  /** Section headings in order of appearance. */
  sections: string[];
  /** Every paragraph of the body in order, headings excluded. */
  paragraphs: Array<{ section: string | null; text: string }>;
}

/** One sentence of a document: the unit that search indexes and answers quote. */
export interface Passage extends Location {
  /** `${documentId}#p${paragraph}s${sentence}` */
  id: string;
  /** Verbatim sentence text, whitespace normalised. */
  text: string;
}

/** A curated fact: a verbatim quote with an English rendering and bilingual keywords. */
export interface Fact extends Location {
  id: string;
  /** Verbatim text from its document (typos included), whitespace normalised. */
  quote: string;
  /** English rendering of the quote. */
  translation: string;
  /** Search keywords in English and Italian. */
  keywords: string[];
  /** Optional short topic label (e.g. "Vodafone alliance") for suggestions and digests. */
  topic: string | null;
}

/** Synonym groups: every term in a group expands to the others (English ↔ Italian, variants). */
export type Glossary = string[][];

/** A problem found while loading or checking knowledge, reported as `file:line: message`. */
export interface KnowledgeProblem {
  file: string;
  line: number;
  message: string;
}

export interface KnowledgeBase {
  documents: KnowledgeDocument[];
  passages: Passage[];
  facts: Fact[];
  glossary: Glossary;
  /** Problems found while loading; broken files are skipped, never fatal at run time. */
  problems: KnowledgeProblem[];
}
