import { prepareDigest } from '../../src/digest/channel-digest';
import { createDigestWebClient, deliverDigest, DIGEST_EVENT_TYPE, type DeliverDigestOptions } from '../../src/digest/deliver';
import { runDigestOnce } from '../../src/digest/run-once';
import { openStore, type Store } from '../../src/store';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in';
import { fakeTime, makeKnowledge, tempDir } from './fixtures';

const DATE = '2026-12-01';
const knowledge = makeKnowledge(5);

describe('deliverDigest against a loopback Web API', () => {
  let api: SlackApiStandIn;
  let store: Store;
  let time: ReturnType<typeof fakeTime>;

  beforeEach(async () => {
    api = await startSlackApiStandIn();
    store = openStore(':memory:');
    time = fakeTime('2026-12-01T09:00:00Z');
  });
  afterEach(async () => {
    store.close();
    await api.close();
  });

  const client = () => createDigestWebClient({ botToken: 'xoxb-test', apiUrl: api.url });
  const nowTs = () => (time.clock().getTime() / 1000).toFixed(6);

  function deliver(channelId = 'C1', overrides: Partial<DeliverDigestOptions> = {}) {
    return deliverDigest({
      client: client(),
      store,
      channelId,
      date: DATE,
      owner: 'test-owner',
      clock: time.clock,
      sleep: time.sleep,
      prepare: () => prepareDigest({ channelId, timeZone: 'UTC' }, DATE, knowledge, store),
      ...overrides,
    });
  }

  it('posts once, tagged with metadata, and a second delivery of the same date posts nothing', async () => {
    const outcome = await deliver();
    expect(outcome).toMatchObject({ status: 'posted', recovered: false });
    const [call] = api.callsTo('chat.postMessage');
    expect(call!.token).toBe('xoxb-test');
    expect(call!.params).toMatchObject({ channel: 'C1', metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { date: DATE, channel: 'C1' } } });
    expect(String(call!.params.text)).toContain('Alibaba cloud digest for 2026-12-01');
    expect(Array.isArray(call!.params.blocks)).toBe(true);
    expect(call!.params.link_names).toBeUndefined();
    expect(store.getDelivery('C1', DATE)).toMatchObject({ state: 'posted', messageTs: (outcome as { ts: string }).ts, attempts: 1 });
    expect(store.factsShown('C1')).toHaveLength(1);

    expect(await deliver()).toMatchObject({ status: 'already-delivered', ts: (outcome as { ts: string }).ts });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('honours Retry-After on a 429 and posts exactly once, without searching history (a 429 posted nothing)', async () => {
    api.respond('chat.postMessage', (_params, n) => {
      if (n === 1) return { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } };
      api.respond('chat.postMessage', null);
      return { status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } };
    });
    const outcome = await deliver();
    expect(outcome.status).toBe('posted');
    expect(time.sleeps).toEqual([7000, 3000]);
    expect(api.callsTo('chat.postMessage')).toHaveLength(3);
    expect(api.messagesIn('C1')).toHaveLength(1);
    expect(api.callsTo('conversations.history')).toHaveLength(0);
  });

  it('retries a 5xx after looking in the history first, and posts once', async () => {
    api.respond('chat.postMessage', () => {
      api.respond('chat.postMessage', null);
      return { status: 503, body: 'Service Unavailable' };
    });
    const outcome = await deliver();
    expect(outcome).toMatchObject({ status: 'posted', recovered: false });
    expect(time.sleeps).toEqual([1000]);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    const [lookup] = api.callsTo('conversations.history');
    expect(lookup!.params).toMatchObject({ channel: 'C1', include_all_metadata: 'true' });
    expect(Number(lookup!.params.oldest)).toBeGreaterThan(Date.parse('2026-12-01T08:30:00Z') / 1000);
    expect(api.messagesIn('C1')).toHaveLength(1);
  });

  it('does not post again when a 5xx answer hid a post that went through', async () => {
    api.respond('chat.postMessage', (params) => {
      api.addMessage('C1', { ts: nowTs(), text: String(params.text), metadata: params.metadata, bot_id: 'B0BOT' });
      return { status: 502, body: 'Bad Gateway' };
    });
    const outcome = await deliver();
    expect(outcome).toMatchObject({ status: 'posted', recovered: true });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(api.messagesIn('C1')).toHaveLength(1);
    expect(store.getDelivery('C1', DATE)?.state).toBe('posted');
  });

  it('gives up after a bounded number of tries when Slack keeps failing, then a later run delivers it once', async () => {
    api.respond('chat.postMessage', { status: 500, body: 'oops' });
    const started = time.clock().getTime();
    const outcome = await deliver();
    expect(outcome).toMatchObject({ status: 'failed', permanent: false });
    expect((outcome as { error: string }).error).toMatch(/HTTP 500.*3 attempts/);
    expect(api.callsTo('chat.postMessage')).toHaveLength(3);
    expect(time.sleeps).toEqual([1000, 2000]);
    expect(time.clock().getTime() - started).toBeLessThan(60_000);
    expect(store.getDelivery('C1', DATE)).toMatchObject({ state: 'failed', attempts: 3 });
    expect(store.getFlag('C1')).toBeNull();

    api.respond('chat.postMessage', null);
    time.advance(60_000);
    expect(await deliver('C1', { owner: 'later-run' })).toMatchObject({ status: 'posted', recovered: false });
    expect(api.messagesIn('C1')).toHaveLength(1);
  });

  it('stops waiting when a Retry-After would pass the time limit', async () => {
    api.respond('chat.postMessage', { status: 429, headers: { 'retry-after': '120' }, body: { ok: false, error: 'ratelimited' } });
    const outcome = await deliver('C1', { deadline: new Date(time.clock().getTime() + 45_000) });
    expect(outcome).toMatchObject({ status: 'failed', permanent: false });
    expect((outcome as { error: string }).error).toContain('time limit');
    expect(time.sleeps).toEqual([]);
  });

  it('treats a network error as possibly posted and bounded', async () => {
    const dead = await startSlackApiStandIn();
    await dead.close();
    const outcome = await deliver('C1', { client: createDigestWebClient({ botToken: 'xoxb-test', apiUrl: dead.url }) });
    expect(outcome).toMatchObject({ status: 'failed', permanent: false });
    expect((outcome as { error: string }).error).toMatch(/network error/);
    expect(time.sleeps).toEqual([1000, 2000]);
  });

  it('after a crash between posting and recording, finds the tagged message in history and records it instead of posting', async () => {
    // A previous process claimed, posted, and died before recording.
    const crashedAt = time.clock();
    store.claimDelivery('C1', DATE, 'crashed-process', crashedAt, 120_000);
    store.recordAttempt('C1', DATE, 'crashed-process', { factId: 'fact-03', factCycle: 1, documentIds: ['doc-1'] }, crashedAt);
    const posted = api.addMessage('C1', { ts: nowTs(), text: 'digest', bot_id: 'B0BOT', metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { date: DATE, channel: 'C1' } } });
    // Unrelated tagged messages (another date) do not count.
    api.addMessage('C1', { ts: (Number(nowTs()) + 1).toFixed(6), text: 'older', metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { date: '2026-11-30', channel: 'C1' } } });

    // While the dead process's claim is fresh, nobody else posts.
    time.advance(30_000);
    expect(await deliver()).toMatchObject({ status: 'in-progress' });
    time.advance(120_000);
    const outcome = await deliver();
    expect(outcome).toMatchObject({ status: 'posted', ts: posted.ts, recovered: true });
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(api.callsTo('conversations.history')[0]!.params).toMatchObject({ include_all_metadata: 'true' });
    // The rotation records the fact that was actually posted.
    expect(store.factsShown('C1')).toEqual([{ factId: 'fact-03', cycle: 1, date: DATE }]);
  });

  it('does not post when the history could not be read to the end within the time limit (an earlier post may be further back)', async () => {
    store.claimDelivery('C1', DATE, 'crashed-process', time.clock(), 120_000);
    store.recordAttempt('C1', DATE, 'crashed-process', { factId: null, factCycle: null, documentIds: [] }, time.clock());
    time.advance(180_000);
    // A busy channel: every page says there is more, and each page takes 20 s.
    api.respond('conversations.history', (_params, n) => {
      time.advance(20_000);
      return { body: { ok: true, messages: [{ type: 'message', ts: `17000000${n}.000100`, text: 'chatter' }], has_more: true, response_metadata: { next_cursor: `page-${n + 1}` } } };
    });
    const outcome = await deliver('C1', { deadline: new Date(time.clock().getTime() + 30_000) });
    expect(outcome).toMatchObject({ status: 'failed', permanent: false, error: expect.stringContaining('could not finish reading the channel history') });
    expect(api.callsTo('conversations.history').length).toBeLessThan(5);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
    // A later run looks again before posting.
    expect(store.getDelivery('C1', DATE)).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('after a crash before anything reached Slack, posts once', async () => {
    store.claimDelivery('C1', DATE, 'crashed-process', time.clock(), 120_000);
    store.recordAttempt('C1', DATE, 'crashed-process', { factId: null, factCycle: null, documentIds: [] }, time.clock());
    time.advance(180_000);
    expect(await deliver()).toMatchObject({ status: 'posted', recovered: false });
    expect(api.callsTo('conversations.history')).toHaveLength(1);
    expect(api.messagesIn('C1')).toHaveLength(1);
  });

  it('two deliverers with their own handles on one database file post once', async () => {
    const dir = tempDir();
    const a = openStore(dir);
    const b = openStore(dir);
    try {
      api.respond('chat.postMessage', (params, n) => {
        const message = api.addMessage(String(params.channel), { ts: `${1800000000 + n}.000100`, metadata: params.metadata });
        return { body: { ok: true, channel: params.channel, ts: message.ts } };
      });
      const outcomes = await Promise.all([deliver('C1', { store: a, owner: 'bot' }), deliver('C1', { store: b, owner: 'cron' })]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['in-progress', 'posted']);
      expect(await deliver('C1', { store: b, owner: 'cron' })).toMatchObject({ status: 'already-delivered' });
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
      expect(api.messagesIn('C1')).toHaveLength(1);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a permanent error flags its channel and does not block the others', async () => {
    api.respond('chat.postMessage', (params) => {
      if (params.channel === 'C1') return { body: { ok: false, error: 'channel_not_found' } };
      const message = api.addMessage(String(params.channel), { metadata: params.metadata });
      return { body: { ok: true, channel: params.channel, ts: message.ts } };
    });
    const lines: string[] = [];
    const result = await runDigestOnce({
      store,
      knowledge,
      config: { digest: { channels: ['C1', 'C2', 'C3'], time: '09:00', timeZone: 'UTC' } },
      client: client(),
      clock: time.clock,
      sleep: time.sleep,
      date: DATE,
      write: (line) => lines.push(line),
    });
    expect(result.exitCode).toBe(1);
    expect(lines).toEqual(['C1 failed: channel_not_found', expect.stringMatching(/^C2 posted \d+\.\d+$/), expect.stringMatching(/^C3 posted \d+\.\d+$/)]);
    expect(api.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C1')).toHaveLength(1);
    expect(store.getFlag('C1')).toMatchObject({ error: 'channel_not_found' });
    expect(store.getDelivery('C1', DATE)).toMatchObject({ state: 'failed', permanentError: true });
    expect(time.sleeps).toEqual([]);
  });
});

describe('a deliverer that lost its claim', () => {
  it('does not post once another deliverer has taken the claim over', async () => {
    const api = await startSlackApiStandIn();
    const store = openStore(':memory:');
    const time = fakeTime('2026-12-01T09:00:00Z');
    try {
      api.respond('chat.postMessage', () => {
        api.respond('chat.postMessage', null);
        return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
      });
      const outcome = await deliverDigest({
        client: createDigestWebClient({ botToken: 'xoxb-test', apiUrl: api.url }),
        store,
        channelId: 'C1',
        date: DATE,
        owner: 'slow',
        clock: time.clock,
        // While "slow" waits out the rate limit, its lease runs out and another process takes over.
        sleep: async () => {
          time.advance(10 * 60_000);
          expect(store.claimDelivery('C1', DATE, 'other', time.clock(), 120_000).kind).toBe('claimed');
        },
        retry: { maxTotalMs: 60 * 60_000 },
        prepare: () => ({ message: { text: 'x', blocks: [] }, content: { factId: null, factCycle: null, documentIds: [] } }),
      });
      expect(outcome).toMatchObject({ status: 'in-progress' });
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
      expect(store.getDelivery('C1', DATE)).toMatchObject({ state: 'claimed', claimOwner: 'other' });
    } finally {
      store.close();
      await api.close();
    }
  });
});

describe('the one-shot round against a Slack that never answers', () => {
  it('ends within its time budget plus the request timeouts, reporting every channel as failed', async () => {
    const http = await import('node:http');
    const hanging = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as import('node:net').AddressInfo;
    const store = openStore(':memory:');
    const lines: string[] = [];
    const started = Date.now();
    try {
      const result = await runDigestOnce({
        store,
        knowledge,
        config: { digest: { channels: ['C1', 'C2', 'C3', 'C4'], time: '09:00', timeZone: 'UTC' } },
        client: createDigestWebClient({ botToken: 'xoxb-test', apiUrl: `http://127.0.0.1:${port}/api/` }, { timeoutMs: 150 }),
        clock: () => new Date(),
        date: DATE,
        budgetMs: 600,
        retry: { backoffMs: () => 50 },
        write: (line) => lines.push(line),
      });
      const elapsed = Date.now() - started;
      expect(result.exitCode).toBe(1);
      expect(lines).toHaveLength(4);
      expect(lines.every((line) => / failed: /.test(line))).toBe(true);
      expect(lines.at(-1)).toContain('time limit');
      // Budget (600) + one try in flight (a lookup and a post, 150 each) + slack for the machine.
      expect(elapsed).toBeLessThan(600 + 300 + 700);
    } finally {
      store.close();
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});
