import path from 'node:path';
import Database from 'better-sqlite3';
import { createDigestWebClient } from '../../src/digest/deliver';
import { runDueDigests, startDigestScheduler, type SetTimer } from '../../src/digest/scheduler';
import { DATABASE_FILE, openStore, type Store } from '../../src/store';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in';
import { fakeTime, makeKnowledge, tempDir } from './fixtures';

/** Timers the test fires by hand. */
function manualTimers() {
  const pending: Array<{ callback: () => void; ms: number; cancelled: boolean }> = [];
  const setTimer: SetTimer = (callback, ms) => {
    const entry = { callback, ms, cancelled: false };
    pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  return {
    setTimer,
    pending,
    /** Fires the latest live timer. */
    fire() {
      const live = pending.filter((p) => !p.cancelled);
      const entry = live.at(-1);
      if (!entry) throw new Error('no timer pending');
      entry.cancelled = true;
      entry.callback();
    },
    live: () => pending.filter((p) => !p.cancelled).length,
  };
}

const digestConfig = (channels: string[], time = '09:00', timeZone = 'Europe/Rome') => ({ digest: { channels, time, timeZone } });

describe('digest scheduler', () => {
  let api: SlackApiStandIn;
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    api = await startSlackApiStandIn();
    dir = tempDir();
    store = openStore(dir);
  });
  afterEach(async () => {
    if (store.isOpen) store.close();
    await api.close();
  });

  const client = () => createDigestWebClient({ botToken: 'xoxb-test', apiUrl: api.url });
  const posts = (channel?: string) => api.callsTo('chat.postMessage').filter((c) => !channel || c.params.channel === channel);

  it('catches up on start with a digest whose time passed earlier today, and posts it once across ticks', async () => {
    const time = fakeTime('2026-12-01T10:30:00Z'); // 11:30 in Rome, the 09:00 digest is owed
    const timers = manualTimers();
    const scheduler = startDigestScheduler({ client: client(), store, knowledge: makeKnowledge(3), config: digestConfig(['C1']), clock: time.clock, setTimer: timers.setTimer });
    await scheduler.tick();
    expect(posts('C1')).toHaveLength(1);
    expect(posts('C1')[0]!.params.metadata).toMatchObject({ event_payload: { date: '2026-12-01', channel: 'C1' } });
    time.advance(30_000);
    timers.fire();
    await scheduler.tick();
    expect(posts()).toHaveLength(1);
    await scheduler.stop();
    expect(timers.live()).toBe(0);
  });

  it("never posts yesterday's digest after downtime, and posts today's at its time", async () => {
    // Down all of 1 December; back at 00:30 on the 2nd in Rome.
    const time = fakeTime('2026-12-01T23:30:00Z');
    const knowledge = makeKnowledge(3);
    const run = () => runDueDigests({ client: client(), store, knowledge, config: digestConfig(['C1']), clock: time.clock });
    store.syncConfigSubscriptions(['C1'], '09:00', 'Europe/Rome', new Date('2026-11-01T00:00:00Z'));
    expect(await run()).toEqual([]);
    time.set('2026-12-02T07:59:00Z');
    expect(await run()).toEqual([]);
    time.set('2026-12-02T08:00:00Z');
    expect(await run()).toMatchObject([{ status: 'posted', date: '2026-12-02' }]);
    expect(posts()).toHaveLength(1);
    expect(store.getDelivery('C1', '2026-12-01')).toBeNull();
  });

  it('posts each channel at its own time in its own zone, across a DST change', async () => {
    const time = fakeTime('2026-03-07T12:00:00Z');
    const knowledge = makeKnowledge(4);
    store.subscribe({ channelId: 'CNY', time: '09:00', timeZone: 'America/New_York', createdBy: 'U1' }, new Date('2026-03-01T00:00:00Z'));
    store.subscribe({ channelId: 'CROME', time: '09:00', timeZone: 'Europe/Rome', createdBy: 'U1' }, new Date('2026-03-01T00:00:00Z'));
    const run = () => runDueDigests({ client: client(), store, knowledge, config: digestConfig([]), clock: time.clock });
    const postedAt: Record<string, string[]> = { CNY: [], CROME: [] };
    // Every 5 minutes over the New York spring-forward weekend (and Rome's ordinary days).
    for (let t = Date.parse('2026-03-07T05:00:00Z'); t <= Date.parse('2026-03-09T16:00:00Z'); t += 5 * 60_000) {
      time.set(new Date(t));
      for (const outcome of await run()) {
        if (outcome.status === 'posted') postedAt[outcome.channelId]!.push(`${outcome.date}@${time.clock().toISOString()}`);
      }
    }
    expect(postedAt.CNY).toEqual(['2026-03-07@2026-03-07T14:00:00.000Z', '2026-03-08@2026-03-08T13:00:00.000Z', '2026-03-09@2026-03-09T13:00:00.000Z']);
    expect(postedAt.CROME).toEqual(['2026-03-07@2026-03-07T08:00:00.000Z', '2026-03-08@2026-03-08T08:00:00.000Z', '2026-03-09@2026-03-09T08:00:00.000Z']);
  }, 15_000);

  it('keeps subscriptions and deliveries across a restart: the restarted bot does not post again', async () => {
    const time = fakeTime('2026-12-01T08:05:00Z');
    const knowledge = makeKnowledge(3);
    store.subscribe({ channelId: 'C7', time: '08:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2026-11-30T00:00:00Z'));
    let scheduler = startDigestScheduler({ client: client(), store, knowledge, config: digestConfig([]), clock: time.clock, setTimer: manualTimers().setTimer });
    await scheduler.tick();
    await scheduler.stop();
    store.close();

    store = openStore(dir);
    expect(store.getSubscription('C7')).toMatchObject({ time: '08:00', timeZone: 'UTC', source: 'slack' });
    time.advance(10 * 60_000);
    scheduler = startDigestScheduler({ client: client(), store, knowledge, config: digestConfig([]), clock: time.clock, setTimer: manualTimers().setTimer });
    await scheduler.tick();
    expect(posts('C7')).toHaveLength(1);
    time.set('2026-12-02T08:00:00Z');
    await scheduler.tick();
    expect(posts('C7')).toHaveLength(2);
    expect(posts('C7').map((c) => (c.params.metadata as { event_payload: { date: string } }).event_payload.date)).toEqual(['2026-12-01', '2026-12-02']);
    await scheduler.stop();
  });

  it('after a permanent error does not retry that day; after a transient one retries a few minutes later', async () => {
    const time = fakeTime('2026-12-01T09:00:00Z');
    const knowledge = makeKnowledge(3);
    api.respond('chat.postMessage', (params) => {
      if (params.channel === 'CGONE') return { body: { ok: false, error: 'is_archived' } };
      return { status: 500, body: 'down' };
    });
    const run = () => runDueDigests({ client: client(), store, knowledge, config: digestConfig(['CGONE', 'CFLAKY'], '09:00', 'UTC'), clock: time.clock, sleep: time.sleep });
    const first = await run();
    expect(first.map((o) => [o.channelId, o.status])).toEqual([
      ['CFLAKY', 'failed'],
      ['CGONE', 'failed'],
    ]);
    expect(store.getFlag('CGONE')?.error).toBe('is_archived');
    const callsAfterFirst = posts().length;
    time.advance(60_000);
    expect(await run()).toEqual([]);
    api.respond('chat.postMessage', null);
    time.advance(5 * 60_000);
    expect((await run()).map((o) => [o.channelId, o.status])).toEqual([['CFLAKY', 'posted']]);
    expect(posts('CGONE')).toHaveLength(1);
    expect(posts().length).toBe(callsAfterFirst + 1);
  });

  it('stop() ends a wait for Slack at once, posts nothing afterwards, and ticks no more', async () => {
    const time = fakeTime('2026-12-01T09:30:00Z');
    const timers = manualTimers();
    let sleeping = false;
    // The first post is rate limited; the delivery then waits, and that wait never ends by itself.
    api.respond('chat.postMessage', () => {
      api.respond('chat.postMessage', null);
      return { status: 429, headers: { 'retry-after': '20' }, body: { ok: false, error: 'ratelimited' } };
    });
    const scheduler = startDigestScheduler({
      client: client(),
      store,
      knowledge: makeKnowledge(2),
      config: digestConfig(['C1', 'C2'], '09:00', 'UTC'),
      clock: time.clock,
      setTimer: timers.setTimer,
      sleep: () => {
        sleeping = true;
        return new Promise<void>(() => {});
      },
    });
    await api.waitForCalls('chat.postMessage', 1);
    while (!sleeping) await new Promise((resolve) => setImmediate(resolve));
    await scheduler.stop();
    // Neither the rate-limited C1 nor C2 (next in the tick) got a post after stop().
    expect(posts()).toHaveLength(1);
    // C1 tried once (a 429 posts nothing, but the next deliverer checks history anyway) and is free for the next start.
    expect(store.getDelivery('C1', '2026-12-01')).toMatchObject({ state: 'failed', attempts: 1, error: expect.stringContaining('stopped') });
    expect(store.getDelivery('C2', '2026-12-01')).toBeNull();
    expect(timers.live()).toBe(0);
    await scheduler.tick();
    expect(posts()).toHaveLength(1);
  });

  it('runs one tick at a time: ticks asked for while one runs share it, and only one next tick is scheduled', async () => {
    const time = fakeTime('2026-12-01T09:30:00Z');
    const timers = manualTimers();
    const scheduler = startDigestScheduler({ client: client(), store, knowledge: makeKnowledge(2), config: digestConfig(['C1', 'C2'], '09:00', 'UTC'), clock: time.clock, setTimer: timers.setTimer });
    const running = scheduler.tick();
    expect(scheduler.tick()).toBe(running);
    await Promise.all([running, scheduler.tick(), scheduler.tick()]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(posts('C1')).toHaveLength(1);
    expect(posts('C2')).toHaveLength(1);
    expect(timers.live()).toBe(1);
    await scheduler.stop();
  });

  it('logs a failed tick and still runs the next one', async () => {
    const time = fakeTime('2026-12-01T09:30:00Z');
    const timers = manualTimers();
    const errors: unknown[][] = [];
    let failNextListing = true;
    // The real store, except that listing subscriptions fails once (a disk error, say).
    const flaky = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'listSubscriptions' && failNextListing) {
          return () => {
            failNextListing = false;
            throw new Error('disk I/O error');
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const scheduler = startDigestScheduler({
      client: client(),
      store: flaky,
      knowledge: makeKnowledge(2),
      config: digestConfig(['C1'], '09:00', 'UTC'),
      clock: time.clock,
      setTimer: timers.setTimer,
      logger: { info: () => {}, warn: () => {}, error: (...message) => errors.push(message) },
    });
    await scheduler.tick();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual([['digest scheduler tick failed', expect.objectContaining({ message: 'disk I/O error' })]]);
    expect(posts()).toHaveLength(0);
    expect(timers.live()).toBe(1);
    timers.fire();
    await scheduler.tick();
    expect(posts('C1')).toHaveLength(1);
    await scheduler.stop();
  });

  it('a database locked by another process fails the tick\'s deliveries with a logged error; the next tick delivers', async () => {
    const time = fakeTime('2026-12-01T09:30:00Z');
    store.close();
    store = openStore(dir, { busyTimeoutMs: 20 });
    const locker = new Database(path.join(dir, DATABASE_FILE));
    const errors: string[] = [];
    const run = () =>
      runDueDigests({ client: client(), store, knowledge: makeKnowledge(2), config: digestConfig(['C1', 'C2'], '09:00', 'UTC'), clock: time.clock, logger: { info: () => {}, warn: () => {}, error: (m) => errors.push(String(m)) } });
    try {
      locker.exec('BEGIN EXCLUSIVE');
      const outcomes = await run();
      // Both channels were tried: the first one's error did not stop the second.
      expect(outcomes).toEqual([
        expect.objectContaining({ channelId: 'C1', status: 'failed', error: expect.stringContaining('database is locked') }),
        expect.objectContaining({ channelId: 'C2', status: 'failed', error: expect.stringContaining('database is locked') }),
      ]);
      expect(errors).toHaveLength(2);
      expect(posts()).toHaveLength(0);
      locker.exec('COMMIT');
      time.advance(30_000);
      expect((await run()).map((o) => o.status)).toEqual(['posted', 'posted']);
    } finally {
      locker.close();
    }
  });

  it('starts even when the database is locked at that moment, logs it, and catches up on a later tick', async () => {
    const time = fakeTime('2026-12-01T09:30:00Z');
    const timers = manualTimers();
    store.close();
    store = openStore(dir, { busyTimeoutMs: 20 });
    const locker = new Database(path.join(dir, DATABASE_FILE));
    const errors: unknown[][] = [];
    try {
      locker.exec('BEGIN EXCLUSIVE');
      const scheduler = startDigestScheduler({
        client: client(),
        store,
        knowledge: makeKnowledge(2),
        config: digestConfig(['C1'], '09:00', 'UTC'),
        clock: time.clock,
        setTimer: timers.setTimer,
        logger: { info: () => {}, warn: () => {}, error: (...message) => errors.push(message) },
      });
      await scheduler.tick();
      expect(errors[0]).toEqual(['digest scheduler tick failed', expect.objectContaining({ message: 'database is locked' })]);
      expect(posts()).toHaveLength(0);
      locker.exec('COMMIT');
      await new Promise((resolve) => setImmediate(resolve));
      timers.fire();
      await scheduler.tick();
      expect(posts('C1')).toHaveLength(1);
      expect(store.getSubscription('C1')).toMatchObject({ source: 'config' });
      await scheduler.stop();
    } finally {
      locker.close();
    }
  });

  it('gives up on a channel that unsubscribes while its delivery waits out a rate limit', async () => {
    const time = fakeTime('2026-12-01T09:30:00Z');
    store.subscribe({ channelId: 'C1', time: '09:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2026-11-01T00:00:00Z'));
    api.respond('chat.postMessage', { status: 429, headers: { 'retry-after': '5' }, body: { ok: false, error: 'ratelimited' } });
    const outcomes = await runDueDigests({
      client: client(),
      store,
      knowledge: makeKnowledge(2),
      config: digestConfig([], '09:00', 'UTC'),
      clock: time.clock,
      sleep: async (ms) => {
        time.advance(ms);
        store.unsubscribe('C1');
      },
    });
    expect(outcomes).toEqual([expect.objectContaining({ channelId: 'C1', status: 'not-sent', reason: 'unsubscribed' })]);
    expect(posts()).toHaveLength(1);
    expect(store.getDelivery('C1', '2026-12-01')).toMatchObject({ state: 'failed', error: expect.stringContaining('unsubscribed') });
  });

  it('waits out a huge Retry-After instead of retrying every few minutes', async () => {
    const time = fakeTime('2026-12-01T09:00:00Z');
    api.respond('chat.postMessage', { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } });
    const run = () => runDueDigests({ client: client(), store, knowledge: makeKnowledge(2), config: digestConfig(['C1'], '09:00', 'UTC'), clock: time.clock, sleep: time.sleep });
    expect(await run()).toEqual([expect.objectContaining({ status: 'failed', retryAfter: new Date('2026-12-01T10:00:00Z') })]);
    expect(time.sleeps).toEqual([]);
    expect(store.getDelivery('C1', '2026-12-01')?.retryAfter).toEqual(new Date('2026-12-01T10:00:00Z'));
    api.respond('chat.postMessage', null);
    time.set('2026-12-01T09:30:00Z');
    expect(await run()).toEqual([]);
    time.set('2026-12-01T10:00:00Z');
    expect(await run()).toEqual([expect.objectContaining({ status: 'posted' })]);
    expect(posts()).toHaveLength(2);
  });

  it('posts exactly at the subscription time (the tick boundary), not a millisecond before', async () => {
    const time = fakeTime('2026-12-01T07:59:59.999Z');
    const run = () => runDueDigests({ client: client(), store, knowledge: makeKnowledge(2), config: digestConfig(['C1'], '09:00', 'Europe/Rome'), clock: time.clock });
    expect(await run()).toEqual([]);
    time.set('2026-12-01T08:00:00.000Z');
    expect(await run()).toEqual([expect.objectContaining({ status: 'posted', date: '2026-12-01' })]);
    // A Slack subscription made at that very minute still owes today's.
    store.subscribe({ channelId: 'C2', time: '09:00', timeZone: 'Europe/Rome', createdBy: 'U1' }, time.clock());
    expect(await run()).toEqual([expect.objectContaining({ channelId: 'C2', status: 'posted', date: '2026-12-01' })]);
  });

  it('after a permanent error, tries again the same day once the channel subscribes again (fixed)', async () => {
    const time = fakeTime('2026-12-01T09:00:00Z');
    store.subscribe({ channelId: 'C1', time: '09:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2026-11-01T00:00:00Z'));
    api.respond('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const run = () => runDueDigests({ client: client(), store, knowledge: makeKnowledge(2), config: digestConfig([], '09:00', 'UTC'), clock: time.clock });
    expect(await run()).toEqual([expect.objectContaining({ status: 'failed', permanent: true })]);
    time.advance(60 * 60_000);
    expect(await run()).toEqual([]);
    api.respond('chat.postMessage', null);
    time.advance(60_000);
    store.subscribe({ channelId: 'C1', time: '09:00', timeZone: 'UTC', createdBy: 'U1' }, time.clock());
    expect(store.getFlag('C1')).toBeNull();
    time.advance(30_000);
    expect(await run()).toEqual([expect.objectContaining({ status: 'posted' })]);
  });
});

describe('scheduling across daylight-saving changes (5-minute ticks)', () => {
  let api: SlackApiStandIn;
  let store: Store;
  beforeEach(async () => {
    api = await startSlackApiStandIn();
    store = openStore(':memory:');
  });
  afterEach(async () => {
    store.close();
    await api.close();
  });

  /** Ticks every 5 minutes from `from` to `to`; returns `date@instant` of each post per channel. */
  async function postsBetween(from: string, to: string): Promise<Record<string, string[]>> {
    const time = fakeTime(from);
    const client = createDigestWebClient({ botToken: 'xoxb-test', apiUrl: api.url });
    const posted: Record<string, string[]> = {};
    for (let t = Date.parse(from); t <= Date.parse(to); t += 5 * 60_000) {
      time.set(new Date(t));
      for (const o of await runDueDigests({ client, store, knowledge: makeKnowledge(3), config: digestConfig([]), clock: time.clock })) {
        if (o.status === 'posted') (posted[o.channelId] ??= []).push(`${o.date}@${time.clock().toISOString().slice(5, 16)}`);
      }
    }
    return posted;
  }
  const subscribe = (channelId: string, time: string, timeZone: string) => store.subscribe({ channelId, time, timeZone, createdBy: 'U1' }, new Date('2026-01-01T00:00:00Z'));

  it('Europe/Rome spring forward (29 March): 09:00 moves to 07:00Z, a skipped 02:30 runs once at 03:30 local', async () => {
    subscribe('CNINE', '09:00', 'Europe/Rome');
    subscribe('CGAP', '02:30', 'Europe/Rome');
    expect(await postsBetween('2026-03-28T00:00:00Z', '2026-03-30T23:55:00Z')).toEqual({
      CGAP: ['2026-03-28@03-28T01:30', '2026-03-29@03-29T01:30', '2026-03-30@03-30T00:30'],
      CNINE: ['2026-03-28@03-28T08:00', '2026-03-29@03-29T07:00', '2026-03-30@03-30T07:00'],
    });
  });

  it('Europe/Rome fall back (25 October): a repeated 02:30 runs once, at its first occurrence', async () => {
    subscribe('CNINE', '09:00', 'Europe/Rome');
    subscribe('CTWICE', '02:30', 'Europe/Rome');
    expect(await postsBetween('2026-10-24T00:00:00Z', '2026-10-26T23:55:00Z')).toEqual({
      CNINE: ['2026-10-24@10-24T07:00', '2026-10-25@10-25T08:00', '2026-10-26@10-26T08:00'],
      CTWICE: ['2026-10-24@10-24T00:30', '2026-10-25@10-25T00:30', '2026-10-26@10-26T01:30'],
    });
  });

  it('America/New_York fall back (1 November): a repeated 01:30 runs once; 09:00 moves to 14:00Z', async () => {
    subscribe('CNINE', '09:00', 'America/New_York');
    subscribe('CTWICE', '01:30', 'America/New_York');
    expect(await postsBetween('2026-10-31T04:00:00Z', '2026-11-02T23:55:00Z')).toEqual({
      CNINE: ['2026-10-31@10-31T13:00', '2026-11-01@11-01T14:00', '2026-11-02@11-02T14:00'],
      CTWICE: ['2026-10-31@10-31T05:30', '2026-11-01@11-01T05:30', '2026-11-02@11-02T06:30'],
    });
  });
});
