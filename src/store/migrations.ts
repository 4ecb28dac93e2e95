/**
 * The schema as an ordered list of migrations. Append only: a released migration is never edited,
 * a change is a new entry. `PRAGMA user_version` holds how many have been applied.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'subscriptions, deliveries, fact rotation, documents seen, channel flags, query log, feedback',
    sql: `
      CREATE TABLE subscriptions (
        channel_id TEXT PRIMARY KEY,
        time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('config', 'slack')),
        created_by TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE deliveries (
        channel_id TEXT NOT NULL,
        date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'failed')),
        claim_owner TEXT NOT NULL,
        claimed_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        first_attempt_at INTEGER,
        message_ts TEXT,
        error TEXT,
        permanent_error INTEGER NOT NULL DEFAULT 0,
        fact_id TEXT,
        fact_cycle INTEGER,
        document_ids TEXT,
        updated_at INTEGER NOT NULL,
        UNIQUE (channel_id, date)
      );

      CREATE TABLE fact_rotation (
        channel_id TEXT NOT NULL,
        cycle INTEGER NOT NULL,
        fact_id TEXT NOT NULL,
        date TEXT NOT NULL,
        PRIMARY KEY (channel_id, cycle, fact_id)
      );

      CREATE TABLE documents_seen (
        channel_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        first_seen_date TEXT NOT NULL,
        PRIMARY KEY (channel_id, document_id)
      );

      CREATE TABLE channel_flags (
        channel_id TEXT PRIMARY KEY,
        error TEXT NOT NULL,
        flagged_at INTEGER NOT NULL
      );

      CREATE TABLE queries (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        channel_id TEXT,
        user_id TEXT,
        surface TEXT NOT NULL,
        query TEXT NOT NULL,
        normalized TEXT NOT NULL,
        result_count INTEGER NOT NULL
      );
      CREATE INDEX queries_by_channel_time ON queries (channel_id, at);

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        channel_id TEXT,
        user_id TEXT NOT NULL,
        query TEXT NOT NULL,
        fact_id TEXT,
        document_id TEXT,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1))
      );
    `,
  },
  {
    version: 2,
    description: 'deliveries: when Slack allows the next try (Retry-After of a rate-limited post)',
    sql: 'ALTER TABLE deliveries ADD COLUMN retry_after INTEGER',
  },
];
