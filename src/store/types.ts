/**
 * What front ends record. The SQLite store (src/store/) implements these; tests may pass any
 * object of the same shape.
 */

export type Surface = 'command' | 'mention' | 'dm' | 'home' | 'console';

export interface QueryRecord {
  at: Date;
  /** Slack channel id (or `console`), null when unknown. */
  channelId: string | null;
  userId: string | null;
  surface: Surface;
  query: string;
  /** How many results were shown: 0 means "no answer", which the digest reports. */
  resultCount: number;
}

export interface FeedbackRecord {
  at: Date;
  channelId: string | null;
  userId: string;
  query: string;
  /** Curated fact id, or null for a bare passage. */
  factId: string | null;
  /** Document id of the quoted source. */
  documentId: string | null;
  helpful: boolean;
}

export interface QueryLog {
  recordQuery(record: QueryRecord): void;
}

export interface FeedbackLog {
  recordFeedback(record: FeedbackRecord): void;
}
