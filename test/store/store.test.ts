import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, MIGRATIONS, normaliseQuestion, openStore, StoreOpenError, type Store } from '../../src/store';
import { tempDir } from '../digest/fixtures';

const at = (iso: string) => new Date(iso);

describe('openStore', () => {
  const opened: Store[] = [];
  const open = (dir: string) => {
    const store = openStore(dir);
    opened.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });

  it('migrates an empty database to the latest schema, in WAL mode with a busy timeout', () => {
    const dir = tempDir();
    const store = open(path.join(dir, 'nested', 'data'));
    expect(store.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    store.close();
    const db = new Database(path.join(dir, 'nested', 'data', DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['schema_migrations', 'subscriptions', 'deliveries', 'fact_rotation', 'documents_seen', 'channel_flags', 'queries', 'feedback']));
    } finally {
      db.close();
    }
  });

  it('applies only new migrations when reopened, and keeps the data', () => {
    const dir = tempDir();
    let store = open(dir);
    store.subscribe({ channelId: 'C1', time: '08:30', timeZone: 'Europe/Rome', createdBy: 'U1' }, at('2026-12-01T10:00:00Z'));
    store.close();
    const extra = { version: MIGRATIONS.length + 1, description: 'test: an added column', sql: 'ALTER TABLE subscriptions ADD COLUMN note TEXT' };
    store = openStore(dir, { migrations: [...MIGRATIONS, extra] });
    opened.push(store);
    expect(store.appliedMigrations()).toEqual([...MIGRATIONS.map((m) => m.version), extra.version]);
    expect(store.getSubscription('C1')).toMatchObject({ time: '08:30', timeZone: 'Europe/Rome', source: 'slack', createdBy: 'U1' });
    store.close();
    // Opening again with the same list applies nothing twice (the ALTER would fail if it ran again).
    store = openStore(dir, { migrations: [...MIGRATIONS, extra] });
    opened.push(store);
    expect(store.appliedMigrations()).toHaveLength(MIGRATIONS.length + 1);
  });

  it('keeps subscriptions, the query log and feedback across a restart (reopening the file)', () => {
    const dir = tempDir();
    const first = open(dir);
    first.subscribe({ channelId: 'C2', time: '07:00', timeZone: 'America/New_York', createdBy: 'U9' }, at('2026-12-01T10:00:00Z'));
    first.syncConfigSubscriptions(['C1'], '09:00', 'UTC', at('2026-12-01T10:00:00Z'));
    first.recordQuery({ at: at('2026-12-01T10:00:00Z'), channelId: 'C1', userId: 'U1', surface: 'command', query: 'vodafone', resultCount: 1 });
    first.recordFeedback({ at: at('2026-12-01T10:01:00Z'), channelId: 'C1', userId: 'U1', query: 'vodafone', factId: 'f1', documentId: 'd1', helpful: true });
    first.close();
    expect(first.isOpen).toBe(false);
    first.close(); // closing twice is harmless
    const second = open(dir);
    expect(second.listSubscriptions().map((s) => [s.channelId, s.time, s.timeZone, s.source])).toEqual([
      ['C1', '09:00', 'UTC', 'config'],
      ['C2', '07:00', 'America/New_York', 'slack'],
    ]);
    // The query log behind "most asked" and the Helpful feedback survive too.
    expect(second.queriesBetween('C1', at('2026-12-01T00:00:00Z'), at('2026-12-02T00:00:00Z')).map((q) => q.query)).toEqual(['vodafone']);
    expect(second.feedbackCounts()).toEqual({ helpful: 1, notHelpful: 0 });
  });

  it('upgrades a database made by the first schema version, keeping its deliveries', () => {
    const dir = tempDir();
    const v1 = openStore(dir, { migrations: MIGRATIONS.slice(0, 1) });
    v1.claimDelivery('C1', '2026-12-01', 'a', at('2026-12-01T09:00:00Z'), 60_000);
    v1.close();
    const upgraded = open(dir);
    expect(upgraded.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(upgraded.getDelivery('C1', '2026-12-01')).toMatchObject({ state: 'claimed', claimOwner: 'a', retryAfter: null });
  });

  it('says clearly which file is damaged, instead of a bare SQLite error', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'not a database '.repeat(100));
    expect(() => openStore(dir)).toThrow(StoreOpenError);
    expect(() => openStore(dir)).toThrow(`Could not open the database ${file}: the file is damaged or is not a SQLite database`);
    // The handle was closed: the file can be moved aside and a fresh database created.
    fs.renameSync(file, `${file}.damaged`);
    expect(open(dir).listSubscriptions()).toEqual([]);
  });

  it('says clearly when another process holds the database locked past the busy timeout', () => {
    const dir = tempDir();
    open(dir).close();
    const locker = new Database(path.join(dir, DATABASE_FILE));
    try {
      locker.exec('BEGIN EXCLUSIVE');
      // The schema check takes a write lock, so opening waits the busy timeout, then fails clearly.
      expect(() => openStore(dir, { busyTimeoutMs: 20 })).toThrow(/Could not open the database .*: another process holds a lock on it/);
      locker.exec('COMMIT');
      expect(open(dir).appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      locker.close();
    }
  });

  it('fails clearly when DATA_DIR cannot be created', () => {
    const dir = tempDir();
    const notAFolder = path.join(dir, 'file');
    fs.writeFileSync(notAFolder, 'x');
    expect(() => openStore(path.join(notAFolder, 'data'))).toThrow(StoreOpenError);
  });

  it('works in memory', () => {
    const store = open(':memory:');
    store.subscribe({ channelId: 'C1', time: '09:00', timeZone: 'UTC', createdBy: null }, at('2026-12-01T00:00:00Z'));
    expect(store.listSubscriptions()).toHaveLength(1);
    expect(fs.existsSync(':memory:')).toBe(false);
  });
});

describe('subscriptions', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
  });
  afterEach(() => store.close());

  it('syncs configured channels without overriding a channel\'s own Slack schedule, and drops removed ones', () => {
    const now = at('2026-12-01T00:00:00Z');
    store.subscribe({ channelId: 'C2', time: '07:15', timeZone: 'Asia/Tokyo', createdBy: 'U1' }, now);
    store.syncConfigSubscriptions(['C1', 'C2', 'C3'], '09:00', 'Europe/Rome', now);
    expect(store.getSubscription('C2')).toMatchObject({ time: '07:15', timeZone: 'Asia/Tokyo', source: 'slack' });
    expect(store.getSubscription('C1')).toMatchObject({ time: '09:00', timeZone: 'Europe/Rome', source: 'config' });
    store.syncConfigSubscriptions(['C1'], '10:00', 'UTC', now);
    expect(store.listSubscriptions().map((s) => `${s.channelId}@${s.time} ${s.timeZone}`)).toEqual(['C1@10:00 UTC', 'C2@07:15 Asia/Tokyo']);
  });

  it('unsubscribes', () => {
    store.subscribe({ channelId: 'C1', time: '09:00', timeZone: 'UTC', createdBy: null }, at('2026-12-01T00:00:00Z'));
    expect(store.unsubscribe('C1')).toBe(true);
    expect(store.unsubscribe('C1')).toBe(false);
    expect(store.getSubscription('C1')).toBeNull();
  });
});

describe('deliveries', () => {
  it('lets exactly one of two handles on the same file claim a channel and date', () => {
    const dir = tempDir();
    const a = openStore(dir);
    const b = openStore(dir);
    try {
      const now = at('2026-12-01T09:00:00Z');
      const first = a.claimDelivery('C1', '2026-12-01', 'bot', now, 60_000);
      const second = b.claimDelivery('C1', '2026-12-01', 'cron', now, 60_000);
      expect(first.kind).toBe('claimed');
      expect(second.kind).toBe('busy');
      a.markPosted('C1', '2026-12-01', '111.000100', now);
      expect(b.claimDelivery('C1', '2026-12-01', 'cron', now, 60_000)).toMatchObject({ kind: 'already-posted', delivery: { messageTs: '111.000100', state: 'posted' } });
      // Another date is a separate delivery.
      expect(b.claimDelivery('C1', '2026-12-02', 'cron', now, 60_000).kind).toBe('claimed');
    } finally {
      a.close();
      b.close();
    }
  });

  it('lets a claim whose holder stopped renewing it be taken over, remembering the attempts made', () => {
    const store = openStore(':memory:');
    try {
      const t0 = at('2026-12-01T09:00:00Z');
      store.claimDelivery('C1', '2026-12-01', 'crashed', t0, 60_000);
      store.recordAttempt('C1', '2026-12-01', 'crashed', { factId: 'f1', factCycle: 1, documentIds: ['d1'] }, t0);
      expect(store.claimDelivery('C1', '2026-12-01', 'next', at('2026-12-01T09:00:30Z'), 60_000).kind).toBe('busy');
      const takeover = store.claimDelivery('C1', '2026-12-01', 'next', at('2026-12-01T09:01:01Z'), 60_000);
      expect(takeover).toMatchObject({ kind: 'claimed', delivery: { claimOwner: 'next', attempts: 1, factId: 'f1', firstAttemptAt: t0 } });
    } finally {
      store.close();
    }
  });

  it('re-claims a failed delivery; only the claim holder can record failure', () => {
    const store = openStore(':memory:');
    try {
      const now = at('2026-12-01T09:00:00Z');
      store.claimDelivery('C1', '2026-12-01', 'a', now, 60_000);
      store.markFailed('C1', '2026-12-01', 'intruder', { error: 'x', permanent: false }, now);
      expect(store.getDelivery('C1', '2026-12-01')?.state).toBe('claimed');
      store.markFailed('C1', '2026-12-01', 'a', { error: 'HTTP 503', permanent: false }, now);
      expect(store.getDelivery('C1', '2026-12-01')).toMatchObject({ state: 'failed', error: 'HTTP 503', permanentError: false });
      expect(store.claimDelivery('C1', '2026-12-01', 'b', now, 60_000)).toMatchObject({ kind: 'claimed', delivery: { claimOwner: 'b' } });
    } finally {
      store.close();
    }
  });

  it('abandons a claim: forgotten when it never tried to post, recorded as failed when it did', () => {
    const store = openStore(':memory:');
    try {
      const now = at('2026-12-01T09:00:00Z');
      store.claimDelivery('C1', '2026-12-01', 'a', now, 60_000);
      store.abandonClaim('C1', '2026-12-01', 'a', 'stopped', now);
      expect(store.getDelivery('C1', '2026-12-01')).toBeNull();
      store.claimDelivery('C1', '2026-12-01', 'a', now, 60_000);
      store.recordAttempt('C1', '2026-12-01', 'a', { factId: null, factCycle: null, documentIds: [] }, now);
      store.abandonClaim('C1', '2026-12-01', 'intruder', 'stopped', now);
      expect(store.getDelivery('C1', '2026-12-01')?.state).toBe('claimed');
      store.abandonClaim('C1', '2026-12-01', 'a', 'stopped', now);
      expect(store.getDelivery('C1', '2026-12-01')).toMatchObject({ state: 'failed', attempts: 1, error: 'stopped', permanentError: false });
    } finally {
      store.close();
    }
  });

  it('records what a posted digest showed: the rotation moves on, the documents are seen, the flag clears', () => {
    const store = openStore(':memory:');
    try {
      const now = at('2026-12-01T09:00:00Z');
      store.flagChannel('C1', 'not_in_channel', now);
      store.claimDelivery('C1', '2026-12-01', 'a', now, 60_000);
      store.recordAttempt('C1', '2026-12-01', 'a', { factId: 'f7', factCycle: 2, documentIds: ['d1', 'd2'] }, now);
      expect(store.factsShown('C1')).toEqual([]);
      store.markPosted('C1', '2026-12-01', '1.2', now);
      expect(store.factsShown('C1')).toEqual([{ factId: 'f7', cycle: 2, date: '2026-12-01' }]);
      expect([...store.documentsSeenBefore('C1', '2026-12-02')].sort()).toEqual(['d1', 'd2']);
      expect(store.documentsSeenBefore('C1', '2026-12-01').size).toBe(0);
      expect(store.previousDigestDate('C1', '2026-12-02')).toBe('2026-12-01');
      expect(store.previousDigestDate('C1', '2026-12-01')).toBeNull();
      expect(store.getFlag('C1')).toBeNull();
      expect(store.lastDelivery('C1')).toMatchObject({ date: '2026-12-01', state: 'posted', messageTs: '1.2' });
    } finally {
      store.close();
    }
  });
});

describe('query log and feedback', () => {
  it('records questions with a normalised form and returns a channel\'s questions in a time range', () => {
    const store = openStore(':memory:');
    try {
      store.recordQuery({ at: at('2026-12-01T10:00:00Z'), channelId: 'C1', userId: 'U1', surface: 'command', query: 'Data Center?', resultCount: 2 });
      store.recordQuery({ at: at('2026-12-01T11:00:00Z'), channelId: 'C1', userId: 'U2', surface: 'mention', query: 'bitcoin', resultCount: 0 });
      store.recordQuery({ at: at('2026-12-01T11:00:00Z'), channelId: 'C2', userId: 'U2', surface: 'mention', query: 'other channel', resultCount: 0 });
      store.recordQuery({ at: at('2026-12-02T00:00:00Z'), channelId: 'C1', userId: 'U2', surface: 'command', query: 'next day', resultCount: 1 });
      const rows = store.queriesBetween('C1', at('2026-12-01T00:00:00Z'), at('2026-12-02T00:00:00Z'));
      expect(rows.map((r) => [r.query, r.normalized, r.resultCount])).toEqual([
        ['Data Center?', 'data center', 2],
        ['bitcoin', 'bitcoin', 0],
      ]);
      store.recordFeedback({ at: at('2026-12-01T10:01:00Z'), channelId: 'C1', userId: 'U1', query: 'Data Center?', factId: 'f1', documentId: 'd1', helpful: true });
      store.recordFeedback({ at: at('2026-12-01T10:02:00Z'), channelId: null, userId: 'U3', query: 'x', factId: null, documentId: null, helpful: false });
      expect(store.feedbackCounts()).toEqual({ helpful: 1, notHelpful: 1 });
    } finally {
      store.close();
    }
  });

  it('normalises case, accents, punctuation and spacing', () => {
    expect(normaliseQuestion('  Perché   Alibaba?! ')).toBe('perche alibaba');
    expect(normaliseQuestion('DATACENTER in Germania.')).toBe('datacenter in germania');
    expect(normaliseQuestion('<!channel>')).toBe('channel');
  });
});
