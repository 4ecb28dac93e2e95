import { createDigestWebClient } from '../../src/digest/deliver';
import { runDueDigests, startDigestScheduler, type SetTimer } from '../../src/digest/scheduler';
import { openStore, type Store } from '../../src/store';
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
    // Minute by minute over the New York spring-forward weekend (and Rome's ordinary days).
    for (let t = Date.parse('2026-03-07T05:00:00Z'); t <= Date.parse('2026-03-09T16:00:00Z'); t += 60_000) {
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

  it('stop() waits for a delivery in progress and then ticks no more', async () => {
    const time = fakeTime('2026-12-01T09:30:00Z');
    const timers = manualTimers();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sleeping = false;
    // The first post is rate limited; the delivery then sleeps until the test releases it.
    api.respond('chat.postMessage', () => {
      api.respond('chat.postMessage', null);
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    });
    const scheduler = startDigestScheduler({
      client: client(),
      store,
      knowledge: makeKnowledge(2),
      config: digestConfig(['C1'], '09:00', 'UTC'),
      clock: time.clock,
      setTimer: timers.setTimer,
      sleep: () => {
        sleeping = true;
        return gate;
      },
    });
    await api.waitForCalls('chat.postMessage', 1);
    while (!sleeping) await new Promise((resolve) => setImmediate(resolve));
    let stoppedYet = false;
    const stopped = scheduler.stop().then(() => {
      stoppedYet = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stoppedYet).toBe(false);
    release();
    await stopped;
    expect(store.getDelivery('C1', '2026-12-01')?.state).toBe('posted');
    expect(posts()).toHaveLength(2);
    expect(timers.live()).toBe(0);
  });
});
