/**
 * The transport-neutral answer every front end renders (Slack blocks, console text, CLI JSON).
 */

export interface Citation {
  /** Document id. */
  id: string;
  title: string;
  url: string | null;
  section: string | null;
  paragraph: number | null;
}

export interface AnswerResult {
  /** Verbatim source text (whitespace normalised). */
  quote: string;
  /** English rendering; null when none is curated for a bare passage. */
  translation: string | null;
  score: number;
  source: Citation;
  /** The curated fact this comes from, null for a bare passage. */
  factId: string | null;
}

export interface Answer {
  /** The query as searched (after trimming and cutting to the maximum length). */
  query: string;
  /** True when the user's question was longer than the maximum and was cut. */
  truncated: boolean;
  /** Best first; empty when nothing is relevant. */
  results: AnswerResult[];
}

/** The one function front ends call. */
export type Ask = (question: string, options?: { limit?: number }) => Answer;
