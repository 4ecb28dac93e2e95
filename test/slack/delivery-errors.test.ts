/**
 * Slack API failures: rate limits (with a capped Retry-After), 5xx, conversation errors and refused
 * blocks, on chat.postMessage and on response_url. Through the real receiver where the flow matters,
 * and makeDelivery directly for the wait policy (with a recorded sleep, not the clock).
 */
import { webApi } from '@slack/bolt';
import { DEFAULT_RETRY_CONFIG } from '../../src/slack/app';
import { makeDelivery, MAX_RETRY_AFTER_MS } from '../../src/slack/delivery';
import { createMemoryLogger } from '../../src/slack/logger';
import {
  eventCallback,
  mentionEvent,
  postEvent,
  postSlashCommand,
  settle,
  startSlackAppHarness,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  visibleText,
  type SlackAppHarness,
} from '../support';

const signed = { secret: TEST_SIGNING_SECRET };

describe('the Retry-After policy', () => {
  const rateLimited = (seconds: number) => Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: seconds });

  test('waits a Retry-After up to the cap (30 s), at most twice; a longer one fails at once', async () => {
    const slept: number[] = [];
    const logger = createMemoryLogger();
    const delivery = makeDelivery({ logger, sleep: async (ms) => void slept.push(ms) });
    expect(MAX_RETRY_AFTER_MS).toBe(30_000);

    let calls = 0;
    await expect(delivery.call('chat.postMessage', { event: 'test' }, async () => (++calls < 3 ? Promise.reject(rateLimited(30)) : 'sent'))).resolves.toBe('sent');
    expect(slept).toEqual([30_000, 30_000]);

    calls = 0;
    await expect(delivery.call('chat.postMessage', { event: 'test', channel: 'C1' }, async () => (++calls, Promise.reject(rateLimited(31))))).rejects.toMatchObject({ retryAfter: 31 });
    expect(calls).toBe(1);
    expect(slept).toHaveLength(2);
    expect(logger.lines.join('\n')).toMatch(/Rate limited on chat.postMessage; not waiting.*C1.*retry_after_s: 31/);

    calls = 0;
    await expect(delivery.call('views.publish', { event: 'test' }, async () => (++calls, Promise.reject(rateLimited(1))))).rejects.toMatchObject({ retryAfter: 1 });
    expect(calls).toBe(3);
  });

  test('other errors are not retried by the policy', async () => {
    const delivery = makeDelivery({ logger: createMemoryLogger(), sleep: async () => {} });
    let calls = 0;
    await expect(delivery.call('x', { event: 'test' }, async () => (++calls, Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});

describe('through the app', () => {
  let h: SlackAppHarness;
  beforeEach(async () => {
    h = await startSlackAppHarness();
  });
  afterEach(() => h.close());

  const noSecretsLogged = (): void => {
    const all = h.logger.lines.join('\n');
    for (const secret of [TEST_BOT_TOKEN, TEST_APP_TOKEN, TEST_SIGNING_SECRET]) expect(all).not.toContain(secret);
  };

  test('a Retry-After beyond the cap is not waited for: the failure is logged with context and the app keeps serving', async () => {
    h.api.respond('chat.postMessage', { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } });
    const started = Date.now();
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT> vodafone'), signed);
    await h.api.waitForCalls('chat.postMessage', 1);
    await settle(100);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    const log = h.logger.lines.join('\n');
    expect(log).toMatch(/Rate limited on chat.postMessage; not waiting.*app_mention.*C0GENERAL.*3600/);
    expect(log).toMatch(/Could not post the reply.*app_mention.*C0GENERAL/);
    noSecretsLogged();

    h.api.respond('chat.postMessage', null);
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT> germany'), signed);
    await h.api.waitForCalls('chat.postMessage', 2);
  });

  test.each(['not_in_channel', 'channel_not_found', 'is_archived'])('%s on a mention reply is logged with the event, channel and error, once, and nothing crashes', async (error) => {
    h.api.respond('chat.postMessage', { body: { ok: false, error } });
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT> vodafone', { channel: 'C0GONE' }), signed);
    await h.api.waitForCalls('chat.postMessage', 1);
    await settle(100);
    // A conversation error is final: no retries, no plain-text second try.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    const line = h.logger.lines.find((l) => l.includes('Could not post the reply'));
    expect(line).toContain('app_mention');
    expect(line).toContain('C0GONE');
    expect(line).toContain(error);
    noSecretsLogged();
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  test.each(['msg_too_long', 'invalid_blocks'])('%s: the reply is sent again as plain text', async (error) => {
    h.api.respond('chat.postMessage', (_params, n) => (n === 1 ? { body: { ok: false, error } } : { body: { ok: true, ts: '1.1', channel: 'C0GENERAL' } }));
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT> vodafone'), signed);
    const [first, second] = await h.api.waitForCalls('chat.postMessage', 2);
    expect(first!.params.blocks).toBeDefined();
    expect(second!.params.blocks).toBeUndefined();
    expect(String(second!.params.text)).toContain('alleanza commerciale con Vodafone');
    expect(second!.params.thread_ts).toBe(first!.params.thread_ts);
    expect(h.logger.lines.join('\n')).toMatch(new RegExp(`refused the reply’s blocks.*${error}`));
  });

  test('response_url: a 5xx is retried a bounded number of times; then the answer goes out by chat.postEphemeral', async () => {
    h.responses.respondWith((_body, path) => (path === '/flaky' && h.responses.postsTo('flaky').length < 3 ? 503 : 200));
    await postSlashCommand(h.eventsUrl, { text: 'vodafone', response_url: h.responses.urlFor('flaky') }, signed);
    const posts = await h.responses.waitForPosts(3, 'flaky');
    expect(posts.every((p) => p.body.response_type === 'ephemeral')).toBe(true);
    expect(h.api.callsTo('chat.postEphemeral')).toHaveLength(0);

    h.responses.respondWith(() => 500);
    await postSlashCommand(h.eventsUrl, { text: 'germany', response_url: h.responses.urlFor('down'), channel_id: 'C0TEAM', user_id: 'U0LEAD' }, signed);
    const [ephemeral] = await h.api.waitForCalls('chat.postEphemeral', 1);
    // 1 try + 2 retries, then the fallback.
    expect(h.responses.postsTo('down')).toHaveLength(3);
    expect(ephemeral!.params).toMatchObject({ channel: 'C0TEAM', user: 'U0LEAD' });
    expect(String(ephemeral!.params.text)).toContain('Germania');
    expect(h.logger.lines.join('\n')).toMatch(/Could not post to response_url.*slash_command.*C0TEAM.*500/);
    noSecretsLogged();
  });

  test('response_url: an expired url (404) is not retried; a refused body (400) is resent as plain text', async () => {
    h.responses.respondWith((_body, path) => (path === '/expired' ? 404 : 200));
    await postSlashCommand(h.eventsUrl, { text: 'vodafone', response_url: h.responses.urlFor('expired') }, signed);
    await h.api.waitForCalls('chat.postEphemeral', 1);
    expect(h.responses.postsTo('expired')).toHaveLength(1);

    h.responses.respondWith((body) => (body.blocks ? 400 : 200));
    await postSlashCommand(h.eventsUrl, { text: 'vodafone', response_url: h.responses.urlFor('refused') }, signed);
    const [withBlocks, plain] = await h.responses.waitForPosts(2, 'refused');
    expect(withBlocks!.body.blocks).toBeDefined();
    expect(plain!.body.blocks).toBeUndefined();
    expect(plain!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(visibleText(plain!.body)).toContain('alleanza commerciale con Vodafone');
  });

  test('a Web API 5xx on views.publish is retried by the client a bounded number of times and logged', async () => {
    h.api.respond('views.publish', { status: 502, body: 'bad gateway' });
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0DM', tab: 'home' }), signed);
    await h.api.waitForCalls('views.publish', 3);
    await settle(150);
    expect(h.api.callsTo('views.publish')).toHaveLength(3);
    expect(h.logger.lines.join('\n')).toMatch(/Could not publish the Home tab.*app_home_opened.*U0ASKER/);
  });
});

test('the default Web API retry policy is bounded', () => {
  // Not Slack's default 10 retries over ~30 minutes.
  expect(DEFAULT_RETRY_CONFIG.retries).toBeLessThanOrEqual(3);
  expect(webApi.retryPolicies.tenRetriesInAboutThirtyMinutes.retries).toBe(10);
});
