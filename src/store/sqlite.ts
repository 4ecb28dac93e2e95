/**
 * The bot's state in one SQLite file (better-sqlite3 12). WAL and a busy timeout let a running bot
 * and the one-shot digest command share the file; every read-modify-write that decides who posts
 * a digest runs in an IMMEDIATE transaction, so two processes serialise on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FeedbackLog, FeedbackRecord, QueryLog, QueryRecord } from './types';
import { digestStrings } from '../strings/digest';
import { MIGRATIONS, type Migration } from './migrations';

export const DATABASE_FILE = 'alibaba-bot.sqlite';

export type SubscriptionSource = 'config' | 'slack';

export interface Subscription {
  channelId: string;
  /** `HH:MM` */
  time: string;
  timeZone: string;
  source: SubscriptionSource;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryState = 'claimed' | 'posted' | 'failed';

export interface Delivery {
  channelId: string;
  date: string;
  state: DeliveryState;
  claimOwner: string;
  claimedAt: Date;
  /** Post attempts made so far (a claim that made none cannot have reached Slack). */
  attempts: number;
  firstAttemptAt: Date | null;
  messageTs: string | null;
  error: string | null;
  permanentError: boolean;
  /** Slack asked (Retry-After) for no new try before this instant. */
  retryAfter: Date | null;
  factId: string | null;
  factCycle: number | null;
  documentIds: string[];
  updatedAt: Date;
}

export type ClaimResult =
  | { kind: 'claimed'; delivery: Delivery }
  | { kind: 'already-posted'; delivery: Delivery }
  /** Another deliverer holds a live claim on this channel and date. */
  | { kind: 'busy'; delivery: Delivery };

/** What a digest put in front of a channel, recorded when it is posted. */
export interface DeliveryContent {
  factId: string | null;
  factCycle: number | null;
  documentIds: string[];
}

export interface FactShown {
  factId: string;
  cycle: number;
  date: string;
}

export interface LoggedQuery {
  at: Date;
  query: string;
  normalized: string;
  resultCount: number;
}

export interface ChannelFlag {
  channelId: string;
  error: string;
  flaggedAt: Date;
}

/** Lowercased, accents and surrounding punctuation stripped, whitespace collapsed: how "most asked" counts. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface SubscriptionRow {
  channel_id: string;
  time: string;
  time_zone: string;
  source: SubscriptionSource;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

interface DeliveryRow {
  channel_id: string;
  date: string;
  state: DeliveryState;
  claim_owner: string;
  claimed_at: number;
  attempts: number;
  first_attempt_at: number | null;
  message_ts: string | null;
  error: string | null;
  permanent_error: number;
  retry_after: number | null;
  fact_id: string | null;
  fact_cycle: number | null;
  document_ids: string | null;
  updated_at: number;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    channelId: row.channel_id,
    time: row.time,
    timeZone: row.time_zone,
    source: row.source,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    channelId: row.channel_id,
    date: row.date,
    state: row.state,
    claimOwner: row.claim_owner,
    claimedAt: new Date(row.claimed_at),
    attempts: row.attempts,
    firstAttemptAt: row.first_attempt_at === null ? null : new Date(row.first_attempt_at),
    messageTs: row.message_ts,
    error: row.error,
    permanentError: row.permanent_error === 1,
    retryAfter: row.retry_after === null ? null : new Date(row.retry_after),
    factId: row.fact_id,
    factCycle: row.fact_cycle,
    documentIds: row.document_ids ? (JSON.parse(row.document_ids) as string[]) : [],
    updatedAt: new Date(row.updated_at),
  };
}

export class Store implements QueryLog, FeedbackLog {
  private closed = false;

  constructor(private readonly db: Database.Database) {}

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Schema versions applied, in order. */
  appliedMigrations(): number[] {
    return (this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  // ---- query log and feedback -------------------------------------------------------------

  recordQuery(record: QueryRecord): void {
    this.db
      .prepare('INSERT INTO queries (at, channel_id, user_id, surface, query, normalized, result_count) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(record.at.getTime(), record.channelId, record.userId, record.surface, record.query, normaliseQuestion(record.query), record.resultCount);
  }

  recordFeedback(record: FeedbackRecord): void {
    this.db
      .prepare('INSERT INTO feedback (at, channel_id, user_id, query, fact_id, document_id, helpful) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(record.at.getTime(), record.channelId, record.userId, record.query, record.factId, record.documentId, record.helpful ? 1 : 0);
  }

  /** Questions asked in a channel in [from, to). */
  queriesBetween(channelId: string, from: Date, to: Date): LoggedQuery[] {
    const rows = this.db
      .prepare('SELECT at, query, normalized, result_count FROM queries WHERE channel_id = ? AND at >= ? AND at < ? ORDER BY at, id')
      .all(channelId, from.getTime(), to.getTime()) as Array<{ at: number; query: string; normalized: string; result_count: number }>;
    return rows.map((r) => ({ at: new Date(r.at), query: r.query, normalized: r.normalized, resultCount: r.result_count }));
  }

  feedbackCounts(): { helpful: number; notHelpful: number } {
    const row = this.db.prepare('SELECT COALESCE(SUM(helpful), 0) AS yes, COUNT(*) - COALESCE(SUM(helpful), 0) AS no FROM feedback').get() as { yes: number; no: number };
    return { helpful: row.yes, notHelpful: row.no };
  }

  // ---- subscriptions ----------------------------------------------------------------------

  listSubscriptions(): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY channel_id').all() as SubscriptionRow[]).map(toSubscription);
  }

  getSubscription(channelId: string): Subscription | null {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE channel_id = ?').get(channelId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  /** Subscribes from Slack; replaces the channel's previous schedule (including one from configuration). */
  subscribe(input: { channelId: string; time: string; timeZone: string; createdBy: string | null }, now: Date): Subscription {
    this.db
      .prepare(
        `INSERT INTO subscriptions (channel_id, time, time_zone, source, created_by, created_at, updated_at)
         VALUES (@channelId, @time, @timeZone, 'slack', @createdBy, @now, @now)
         ON CONFLICT (channel_id) DO UPDATE SET time = excluded.time, time_zone = excluded.time_zone,
           source = 'slack', created_by = excluded.created_by, updated_at = excluded.updated_at`,
      )
      .run({ ...input, now: now.getTime() });
    this.clearFlag(input.channelId);
    return this.getSubscription(input.channelId) as Subscription;
  }

  unsubscribe(channelId: string): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE channel_id = ?').run(channelId).changes > 0;
  }

  /**
   * Makes the configuration's channels subscribed at the configured time, leaving alone channels
   * that subscribed from Slack (their own time wins), and drops configuration subscriptions for
   * channels no longer configured.
   */
  syncConfigSubscriptions(channels: readonly string[], time: string, timeZone: string, now: Date): void {
    const sync = this.db.transaction(() => {
      const upsert = this.db.prepare(
        `INSERT INTO subscriptions (channel_id, time, time_zone, source, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'config', NULL, ?, ?)
         ON CONFLICT (channel_id) DO UPDATE SET time = excluded.time, time_zone = excluded.time_zone, updated_at = excluded.updated_at
         WHERE subscriptions.source = 'config' AND (subscriptions.time <> excluded.time OR subscriptions.time_zone <> excluded.time_zone)`,
      );
      for (const channel of channels) upsert.run(channel, time, timeZone, now.getTime(), now.getTime());
      const configured = new Set(channels);
      for (const sub of this.listSubscriptions()) {
        if (sub.source === 'config' && !configured.has(sub.channelId)) this.unsubscribe(sub.channelId);
      }
    });
    sync.immediate();
  }

  // ---- deliveries -------------------------------------------------------------------------

  getDelivery(channelId: string, date: string): Delivery | null {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE channel_id = ? AND date = ?').get(channelId, date) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  /** The channel's most recent delivery record of any state. */
  lastDelivery(channelId: string): Delivery | null {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE channel_id = ? ORDER BY date DESC LIMIT 1').get(channelId) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  /**
   * Takes the right to post (channel, date). Succeeds when nobody has, when a previous attempt
   * failed, or when the previous holder's claim is older than `leaseMs` (it crashed or hung).
   * The caller must check Slack for an earlier post before posting when `attempts > 0`.
   */
  claimDelivery(channelId: string, date: string, owner: string, now: Date, leaseMs: number): ClaimResult {
    const claim = this.db.transaction((): ClaimResult => {
      const existing = this.getDelivery(channelId, date);
      if (!existing) {
        this.db
          .prepare(`INSERT INTO deliveries (channel_id, date, state, claim_owner, claimed_at, updated_at) VALUES (?, ?, 'claimed', ?, ?, ?)`)
          .run(channelId, date, owner, now.getTime(), now.getTime());
        return { kind: 'claimed', delivery: this.getDelivery(channelId, date) as Delivery };
      }
      if (existing.state === 'posted') return { kind: 'already-posted', delivery: existing };
      const live = existing.state === 'claimed' && existing.claimOwner !== owner && now.getTime() - existing.claimedAt.getTime() < leaseMs;
      if (live) return { kind: 'busy', delivery: existing };
      this.db
        .prepare(`UPDATE deliveries SET state = 'claimed', claim_owner = ?, claimed_at = ?, updated_at = ? WHERE channel_id = ? AND date = ?`)
        .run(owner, now.getTime(), now.getTime(), channelId, date);
      return { kind: 'claimed', delivery: this.getDelivery(channelId, date) as Delivery };
    });
    return claim.immediate();
  }

  /**
   * Records that a post is about to be sent (and what it holds), before it is sent; renews the claim.
   * False when `owner` no longer holds the claim (another deliverer took it over): do not post.
   */
  recordAttempt(channelId: string, date: string, owner: string, content: DeliveryContent, now: Date): boolean {
    return this.db
      .prepare(
        `UPDATE deliveries SET attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, @now), claimed_at = @now,
           fact_id = @factId, fact_cycle = @factCycle, document_ids = @documentIds, updated_at = @now
         WHERE channel_id = @channelId AND date = @date AND claim_owner = @owner AND state = 'claimed'`,
      )
      .run({ channelId, date, owner, now: now.getTime(), factId: content.factId, factCycle: content.factCycle, documentIds: JSON.stringify(content.documentIds) }).changes > 0;
  }

  /** Renews a claim during long waits (Retry-After) so that it does not look abandoned. */
  renewClaim(channelId: string, date: string, owner: string, now: Date): void {
    this.db
      .prepare(`UPDATE deliveries SET claimed_at = ? WHERE channel_id = ? AND date = ? AND claim_owner = ? AND state = 'claimed'`)
      .run(now.getTime(), channelId, date, owner);
  }

  /**
   * Records the post and, in the same transaction, what it showed: the fact moves the rotation on
   * and the documents count as seen by the channel. Clears any flag on the channel.
   */
  markPosted(channelId: string, date: string, messageTs: string, now: Date): void {
    const mark = this.db.transaction(() => {
      this.db
        .prepare(`UPDATE deliveries SET state = 'posted', message_ts = ?, error = NULL, permanent_error = 0, updated_at = ? WHERE channel_id = ? AND date = ?`)
        .run(messageTs, now.getTime(), channelId, date);
      const delivery = this.getDelivery(channelId, date);
      if (delivery?.factId && delivery.factCycle !== null) {
        this.db
          .prepare('INSERT OR IGNORE INTO fact_rotation (channel_id, cycle, fact_id, date) VALUES (?, ?, ?, ?)')
          .run(channelId, delivery.factCycle, delivery.factId, date);
      }
      const seen = this.db.prepare('INSERT OR IGNORE INTO documents_seen (channel_id, document_id, first_seen_date) VALUES (?, ?, ?)');
      for (const documentId of delivery?.documentIds ?? []) seen.run(channelId, documentId, date);
      this.clearFlag(channelId);
    });
    mark.immediate();
  }

  /** `retryAfter`: Slack's Retry-After as an instant, so that no deliverer tries again before it. */
  markFailed(channelId: string, date: string, owner: string, failure: { error: string; permanent: boolean; retryAfter?: Date | null }, now: Date): void {
    this.db
      .prepare(
        `UPDATE deliveries SET state = 'failed', error = ?, permanent_error = ?, retry_after = ?, updated_at = ?
         WHERE channel_id = ? AND date = ? AND claim_owner = ? AND state = 'claimed'`,
      )
      .run(failure.error, failure.permanent ? 1 : 0, failure.retryAfter?.getTime() ?? null, now.getTime(), channelId, date, owner);
  }

  /**
   * Gives a claim up without posting (the channel unsubscribed, or the bot is stopping). A claim
   * that never tried to post is forgotten, as if never taken; one that did is recorded as failed,
   * so that the next deliverer looks in the channel's history before posting.
   */
  abandonClaim(channelId: string, date: string, owner: string, reason: string, now: Date): void {
    const abandon = this.db.transaction(() => {
      const forgotten = this.db
        .prepare(`DELETE FROM deliveries WHERE channel_id = ? AND date = ? AND claim_owner = ? AND state = 'claimed' AND attempts = 0`)
        .run(channelId, date, owner).changes;
      if (forgotten === 0) this.markFailed(channelId, date, owner, { error: reason, permanent: false }, now);
    });
    abandon.immediate();
  }

  // ---- what each channel has been shown ---------------------------------------------------

  factsShown(channelId: string): FactShown[] {
    const rows = this.db
      .prepare('SELECT fact_id, cycle, date FROM fact_rotation WHERE channel_id = ? ORDER BY cycle, date')
      .all(channelId) as Array<{ fact_id: string; cycle: number; date: string }>;
    return rows.map((r) => ({ factId: r.fact_id, cycle: r.cycle, date: r.date }));
  }

  /** Documents the channel's digests before `date` have listed. */
  documentsSeenBefore(channelId: string, date: string): Set<string> {
    const rows = this.db.prepare('SELECT document_id FROM documents_seen WHERE channel_id = ? AND first_seen_date < ?').all(channelId, date) as Array<{ document_id: string }>;
    return new Set(rows.map((r) => r.document_id));
  }

  /** The date of the channel's latest posted digest before `date`, if any. */
  previousDigestDate(channelId: string, date: string): string | null {
    const row = this.db
      .prepare(`SELECT MAX(date) AS date FROM deliveries WHERE channel_id = ? AND date < ? AND state = 'posted'`)
      .get(channelId, date) as { date: string | null };
    return row.date;
  }

  // ---- channel flags ----------------------------------------------------------------------

  flagChannel(channelId: string, error: string, now: Date): void {
    this.db
      .prepare('INSERT INTO channel_flags (channel_id, error, flagged_at) VALUES (?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET error = excluded.error, flagged_at = excluded.flagged_at')
      .run(channelId, error, now.getTime());
  }

  clearFlag(channelId: string): void {
    this.db.prepare('DELETE FROM channel_flags WHERE channel_id = ?').run(channelId);
  }

  getFlag(channelId: string): ChannelFlag | null {
    const row = this.db.prepare('SELECT * FROM channel_flags WHERE channel_id = ?').get(channelId) as { channel_id: string; error: string; flagged_at: number } | undefined;
    return row ? { channelId: row.channel_id, error: row.error, flaggedAt: new Date(row.flagged_at) } : null;
  }
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const apply = db.transaction(() => {
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.description, Date.now());
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  // IMMEDIATE: a bot and the one-shot command starting together migrate one after the other.
  apply.immediate();
}

export interface OpenStoreOptions {
  /** How long a writer waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
}

/**
 * The database could not be opened: a damaged file, another process holding a lock longer than the
 * busy timeout, or a DATA_DIR that cannot be created. The message names the file and what to do,
 * so that a bot or a cron job reports it once instead of crashing with a bare SQLite code.
 */
export class StoreOpenError extends Error {
  readonly code = 'alibaba_bot_store_open_error';
  constructor(
    readonly file: string,
    readonly reason: string,
    options: { cause: unknown },
  ) {
    super(digestStrings.store.cannotOpen(file, reason), options);
    this.name = 'StoreOpenError';
  }
}

function describeOpenFailure(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return digestStrings.store.damaged;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return digestStrings.store.locked;
  return message ?? String(error);
}

function openDatabase(file: string, options: OpenStoreOptions): Database.Database {
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens (creating DATA_DIR, the file and the schema as needed) `DATA_DIR/alibaba-bot.sqlite`, or an in-memory database. */
export function openStore(dataDir: string, options: OpenStoreOptions = {}): Store {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, DATABASE_FILE);
  try {
    if (file !== ':memory:') fs.mkdirSync(dataDir, { recursive: true });
    return new Store(openDatabase(file, options));
  } catch (error) {
    throw new StoreOpenError(file, describeOpenFailure(error), { cause: error });
  }
}
