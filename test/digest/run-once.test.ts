import { createDigestWebClient } from '../../src/digest/deliver';
import { runDigestOnce, type RunDigestOnceOptions } from '../../src/digest/run-once';
import { addDays } from '../../src/digest/time';
import type { KnowledgeBase } from '../../src/knowledge/types';
import { openStore, type Store } from '../../src/store';
import { visibleText } from '../support/knowledge-fixture';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in';
import { fakeTime, makeKnowledge, tempDir } from './fixtures';

const DATE = '2026-12-01';

describe('runDigestOnce (the one-shot round) against a loopback Web API', () => {
  let api: SlackApiStandIn;
  let store: Store;
  let time: ReturnType<typeof fakeTime>;
  let lines: string[];

  beforeEach(async () => {
    api = await startSlackApiStandIn();
    store = openStore(':memory:');
    time = fakeTime('2026-12-01T09:00:00Z');
    lines = [];
  });
  afterEach(async () => {
    if (store.isOpen) store.close();
    await api.close();
  });

  function run(overrides: Partial<RunDigestOnceOptions> = {}) {
    return runDigestOnce({
      store,
      knowledge: makeKnowledge(5),
      config: { digest: { channels: ['C1', 'C2'], time: '09:00', timeZone: 'UTC' } },
      client: createDigestWebClient({ botToken: 'xoxb-test', apiUrl: api.url }),
      clock: time.clock,
      sleep: time.sleep,
      date: DATE,
      write: (line) => lines.push(line),
      ...overrides,
    });
  }
  const posts = (channel?: string) => api.callsTo('chat.postMessage').filter((c) => !channel || c.params.channel === channel);

  it('gives up at once on a 429 with Retry-After 3600 (no hour-long wait), records it as failed, and a run after the hour delivers only those', async () => {
    api.respond('chat.postMessage', (params) => {
      if (params.channel === 'C1') return { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } };
      const message = api.addMessage(String(params.channel), { metadata: params.metadata });
      return { body: { ok: true, channel: params.channel, ts: message.ts } };
    });
    const started = time.clock().getTime();
    const first = await run();
    expect(first.exitCode).toBe(1);
    expect(time.sleeps).toEqual([]);
    expect(time.clock().getTime() - started).toBeLessThan(60_000);
    expect(lines).toEqual([expect.stringMatching(/^C1 failed: rate limited \(Retry-After 3600 s\)/), expect.stringMatching(/^C2 posted /)]);
    expect(store.getDelivery('C1', DATE)).toMatchObject({ state: 'failed', retryAfter: new Date('2026-12-01T10:00:00Z') });

    api.respond('chat.postMessage', null);
    time.set('2026-12-01T10:00:00Z');
    lines.length = 0;
    expect((await run()).exitCode).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^C1 posted /), 'C2 already delivered']);
    expect(posts('C1')).toHaveLength(2);
    expect(posts('C2')).toHaveLength(1);
  });

  it('waits for another process that is posting a channel, and exits 0 once it has', async () => {
    // The running bot holds C1's claim right now.
    store.claimDelivery('C1', DATE, 'bot', time.clock(), 120_000);
    let polls = 0;
    const result = await run({
      sleep: async (ms) => {
        polls += 1;
        time.advance(ms);
        if (polls === 3) store.markPosted('C1', DATE, '1764579600.000100', time.clock());
      },
    });
    expect(result.exitCode).toBe(0);
    expect(lines).toEqual(['C1 already delivered', expect.stringMatching(/^C2 posted /)]);
    expect(posts('C1')).toHaveLength(0);
  });

  it('takes over from another process whose claim went stale while it waited', async () => {
    store.claimDelivery('C1', DATE, 'crashed-bot', new Date(time.clock().getTime() - 110_000), 120_000);
    const result = await run();
    expect(result.exitCode).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^C1 posted /), expect.stringMatching(/^C2 posted /)]);
    expect(posts('C1')).toHaveLength(1);
  });

  it('reports a channel still being posted by another process at the end of its budget as not done (exit 1)', async () => {
    store.claimDelivery('C1', DATE, 'bot', time.clock(), 10 * 60_000);
    // The other process keeps renewing its claim.
    const result = await run({
      sleep: async (ms) => {
        time.advance(ms);
        store.renewClaim('C1', DATE, 'bot', time.clock());
      },
    });
    expect(result.exitCode).toBe(1);
    expect(lines).toEqual(['C1 in progress (another process is still posting it; run again to confirm)', expect.stringMatching(/^C2 posted /)]);
    expect(time.clock().getTime() - Date.parse('2026-12-01T09:00:00Z')).toBeLessThanOrEqual(30_000);
  });

  it('does not post to a channel that unsubscribed during the run, and that is not a failure', async () => {
    store.subscribe({ channelId: 'CS', time: '09:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2026-11-01T00:00:00Z'));
    api.respond('chat.postMessage', { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    const result = await run({
      config: { digest: { channels: [], time: '09:00', timeZone: 'UTC' } },
      sleep: async (ms) => {
        time.advance(ms);
        store.unsubscribe('CS');
      },
    });
    expect(result.exitCode).toBe(0);
    expect(lines).toEqual(['CS not posted: unsubscribed while the digest was being posted']);
    expect(posts()).toHaveLength(1);
  });

  it('ignores a configuration subscription stored by a bot that ran with another DIGEST_CHANNELS', async () => {
    store.syncConfigSubscriptions(['COLD', 'C1'], '09:00', 'UTC', new Date('2026-11-01T00:00:00Z'));
    expect((await run({ config: { digest: { channels: ['C1'], time: '09:00', timeZone: 'UTC' } } })).exitCode).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^C1 posted /)]);
    expect(posts('COLD')).toHaveLength(0);
  });

  it('with an empty knowledge base still posts a digest that says why there is no fact', async () => {
    const empty: KnowledgeBase = { documents: [], passages: [], facts: [], glossary: [], problems: [] };
    expect((await run({ knowledge: empty })).exitCode).toBe(0);
    const text = visibleText(posts('C1')[0]!.params.blocks);
    expect(text).toContain('Alibaba cloud digest · Tuesday 1 December 2026');
    expect(text).toContain('No curated facts yet: add some to knowledge/*.facts.yaml');
    expect(String(posts('C1')[0]!.params.text)).toBe('Alibaba cloud digest for 2026-12-01');
  });

  it('rotates facts without a repeat through full cycles while the process restarts every day (file database)', async () => {
    const dir = tempDir();
    store.close();
    const knowledge = makeKnowledge(6);
    const shown: string[] = [];
    let date = DATE;
    for (let day = 0; day < 12; day += 1) {
      store = openStore(dir);
      lines.length = 0;
      expect((await run({ store, knowledge, date, config: { digest: { channels: ['C1'], time: '09:00', timeZone: 'UTC' } } })).exitCode).toBe(0);
      store.close();
      const factId = /fact-\d\d/.exec(visibleText(posts('C1').at(-1)!.params.blocks))?.[0];
      shown.push(factId!);
      date = addDays(date, 1);
    }
    expect(new Set(shown.slice(0, 6)).size).toBe(6);
    expect(new Set(shown.slice(6, 12)).size).toBe(6);
    for (let i = 1; i < shown.length; i += 1) expect(shown[i]).not.toBe(shown[i - 1]);
  });
});
