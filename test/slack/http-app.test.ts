/**
 * End to end through the real Bolt HTTPReceiver: signed requests in, Web API / response_url calls out.
 */
import {
  blockActionPayload,
  eventCallback,
  eventually,
  postEvent,
  postInteraction,
  postSignedRaw,
  postSlashCommand,
  settle,
  slashCommandBody,
  startSlackAppHarness,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  type SlackAppHarness,
  visibleText,
} from '../support';
import { ACTION_IDS, decodeAnswerRef } from '../../src/slack/blocks/action-ids';
import type { DigestCommandRequest } from '../../src/digest/types';

const signed = { secret: TEST_SIGNING_SECRET };

function allText(value: unknown): string {
  return JSON.stringify(value);
}

describe('HTTP mode', () => {
  let h: SlackAppHarness;
  beforeEach(async () => {
    h = await startSlackAppHarness();
  });
  afterEach(() => h.close());

  test('verifies the bot token once with auth.test at start', () => {
    expect(h.api.callsTo('auth.test')).toHaveLength(1);
    expect(h.api.callsTo('auth.test')[0]?.token).toBe(TEST_BOT_TOKEN);
  });

  test('/healthz reports what is loaded', async () => {
    const response = await fetch(`${h.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, documents: 1, passages: 2, facts: 2 });
  });

  test('/alibaba <question> is acked at once and answered privately through response_url', async () => {
    const responseUrl = h.responses.urlFor('ask');
    const response = await postSlashCommand(h.eventsUrl, { text: 'vodafone?', response_url: responseUrl }, signed);
    expect(response.status).toBe(200);
    const [post] = await h.responses.waitForPosts(1, 'ask');
    const body = post!.body;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('alleanza commerciale con Vodafone');
    const blocks = allText(body.blocks);
    expect(blocks).toContain('> Alibaba ha stretto un’alleanza commerciale con Vodafone.');
    expect(blocks).toContain('Alibaba formed a commercial alliance with Vodafone.');
    expect(blocks).toContain('*Alibaba opens a server farm in Germany*');
    expect(blocks).toContain('section “alleanza con Vodafone”');
    expect(blocks).toContain('paragraph 2');
    expect(blocks).toContain('<https://example.com/news/alibaba-germany|Open the source>');
    expect(blocks).toContain(ACTION_IDS.share);
    expect(blocks).toContain(ACTION_IDS.helpful);
    expect(body).not.toHaveProperty('link_names');
    expect(h.logs.queries).toEqual([expect.objectContaining({ surface: 'command', channelId: 'C0GENERAL', userId: 'U0ASKER', query: 'vodafone?', resultCount: 1 })]);
    // Nothing went through the Web API: response_url carries the private answer.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('/alibaba and /alibaba help explain usage including the digest; sources lists documents with fact counts', async () => {
    await postSlashCommand(h.eventsUrl, { text: '', response_url: h.responses.urlFor('bare') }, signed);
    await postSlashCommand(h.eventsUrl, { text: 'help', response_url: h.responses.urlFor('help') }, signed);
    await postSlashCommand(h.eventsUrl, { text: 'sources', response_url: h.responses.urlFor('sources') }, signed);
    const [bare] = await h.responses.waitForPosts(1, 'bare');
    const [help] = await h.responses.waitForPosts(1, 'help');
    const [sources] = await h.responses.waitForPosts(1, 'sources');
    for (const reply of [bare, help]) {
      expect(allText(reply!.body.blocks)).toContain('/alibaba digest subscribe');
      expect(allText(reply!.body.blocks)).toContain('/alibaba sources');
    }
    expect(allText(sources!.body.blocks)).toContain('Alibaba opens a server farm in Germany');
    expect(allText(sources!.body.blocks)).toContain('2 facts');
    expect(h.logs.queries).toHaveLength(0);
  });

  test('a question with no answer says so and suggests covered topics', async () => {
    await postSlashCommand(h.eventsUrl, { text: 'pizza recipe', response_url: h.responses.urlFor('none') }, signed);
    const [post] = await h.responses.waitForPosts(1, 'none');
    const blocks = allText(post!.body.blocks);
    expect(post!.body.text).toContain('couldn');
    expect(blocks).toContain('German server farm');
    expect(blocks).toContain('Vodafone alliance');
    expect(h.logs.queries[0]).toMatchObject({ query: 'pizza recipe', resultCount: 0 });
  });

  test('a question over 500 characters is cut and the reply says so', async () => {
    const long = `vodafone ${'x'.repeat(700)}`;
    await postSlashCommand(h.eventsUrl, { text: long, response_url: h.responses.urlFor('long') }, signed);
    const [post] = await h.responses.waitForPosts(1, 'long');
    expect(allText(post!.body.blocks)).toContain('longer than 500 characters');
    expect(h.logs.queries[0]!.query).toHaveLength(500);
  });

  test('<!channel>, <!here>, <@U123> and <!subteam^…> in a question are decoded to plain text and never ping when echoed', async () => {
    await postSlashCommand(h.eventsUrl, { text: 'vodafone <!channel> <!here> <@U123> <!subteam^S1> &amp; co &lt;!everyone&gt;', response_url: h.responses.urlFor('esc') }, signed);
    const [post] = await h.responses.waitForPosts(1, 'esc');
    const everything = visibleText(post!.body);
    expect(everything).not.toMatch(/<!(channel|here|everyone|subteam)|<@U123>/);
    expect(h.logs.queries[0]!.query).toBe('vodafone @channel @here @U123 @S1 & co <!everyone>');
    expect(everything).toContain('You asked: vodafone @channel @here @U123 @S1 &amp; co &lt;!everyone&gt;');
  });

  test('entities Slack sends in command text are searched as typed and echoed escaped once', async () => {
    await postSlashCommand(h.eventsUrl, { text: 'vodafone AT&amp;T &lt;b&gt;', response_url: h.responses.urlFor('ent') }, signed);
    const [post] = await h.responses.waitForPosts(1, 'ent');
    expect(h.logs.queries[0]!.query).toBe('vodafone AT&T <b>');
    expect(visibleText(post!.body)).toContain('You asked: vodafone AT&amp;T &lt;b&gt;');
  });

  test('Slack’s url_verification handshake is answered with the challenge', async () => {
    const response = await postEvent(h.eventsUrl, { token: 'x', challenge: 'challenge-abc', type: 'url_verification' }, signed);
    expect(response.status).toBe(200);
    expect(response.text).toContain('challenge-abc');
  });

  test('/alibaba digest … without a digest handler says the digest is not available', async () => {
    await postSlashCommand(h.eventsUrl, { text: 'digest now', response_url: h.responses.urlFor('digest') }, signed);
    const [post] = await h.responses.waitForPosts(1, 'digest');
    expect(post!.body.text).toContain('not available');
  });

  test('unsigned, wrongly signed and stale requests are refused with 401', async () => {
    const body = slashCommandBody({ text: 'vodafone', response_url: h.responses.urlFor('refused') });
    const unsigned = await postSignedRaw(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: null });
    const wrong = await postSignedRaw(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: 'not-the-secret' });
    const stale = await postSignedRaw(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: TEST_SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([unsigned.status, wrong.status, stale.status]).toEqual([401, 401, 401]);
    await settle();
    expect(h.responses.posts).toHaveLength(0);
    expect(h.logs.queries).toHaveLength(0);
  });

  test('an app_mention in a channel is answered in a thread under the mention', async () => {
    const response = await postEvent(h.eventsUrl, eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> who is the vodafone partner?', ts: '1700000100.000100', channel: 'C0GENERAL', event_ts: '1700000100.000100' }), signed);
    expect(response.status).toBe(200);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.token).toBe(TEST_BOT_TOKEN);
    expect(call!.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000100.000100' });
    expect(String(call!.params.text)).toContain('Vodafone');
    expect(call!.params).not.toHaveProperty('link_names');
    expect(call!.params).not.toHaveProperty('parse');
    expect(allText(call!.params.blocks)).not.toContain(ACTION_IDS.share);
    expect(h.logs.queries[0]).toMatchObject({ surface: 'mention', query: 'who is the vodafone partner?' });
  });

  test('a mention inside a thread answers in that thread', async () => {
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> germany?', ts: '1700000200.000200', thread_ts: '1700000150.000100', channel: 'C0GENERAL', event_ts: '1700000200.000200' }), signed);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000150.000100' });
    expect(String(call!.params.text)).toContain('Germania');
  });

  test('a bare mention in a thread answers the thread’s first message, read with conversations.replies', async () => {
    const parent = h.api.addMessage('C0GENERAL', { user: 'U0OTHER', text: 'Is there anything about the alliance with Vodafone?' });
    await h.api.addMessage('C0GENERAL', { user: 'U0THIRD', text: 'good question', thread_ts: parent.ts });
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT>', ts: '1800000000.000100', thread_ts: parent.ts, channel: 'C0GENERAL', event_ts: '1800000000.000100' }), signed);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    const [replies] = h.api.callsTo('conversations.replies');
    expect(replies!.params).toMatchObject({ channel: 'C0GENERAL', ts: parent.ts });
    expect(call!.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: parent.ts });
    expect(String(call!.params.text)).toContain('Vodafone');
    expect(h.logs.queries[0]).toMatchObject({ query: 'Is there anything about the alliance with Vodafone?' });
  });

  test('a bare mention outside a thread explains how to ask, in a thread', async () => {
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT>', ts: '1700000300.000100', channel: 'C0GENERAL', event_ts: '1700000300.000100' }), signed);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.params.thread_ts).toBe('1700000300.000100');
    expect(String(call!.params.text)).toContain('Mention me with a question');
    expect(h.api.callsTo('conversations.replies')).toHaveLength(0);
  });

  test('a DM is answered in the DM, not in a thread', async () => {
    await postEvent(h.eventsUrl, eventCallback({ type: 'message', channel_type: 'im', user: 'U0ASKER', text: 'datacenters in germany', ts: '1700000400.000100', channel: 'D0DM', event_ts: '1700000400.000100' }), signed);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.params.channel).toBe('D0DM');
    expect(call!.params.thread_ts).toBeUndefined();
    expect(String(call!.params.text)).toContain('Germania');
    expect(h.logs.queries[0]).toMatchObject({ surface: 'dm', channelId: 'D0DM' });
  });

  test('a retried delivery (X-Slack-Retry-Num) and the mention+message double delivery get one reply', async () => {
    const mention = eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> vodafone', ts: '1700000500.000100', channel: 'C0GENERAL', event_ts: '1700000500.000100' });
    const asMessage = eventCallback({ type: 'message', channel_type: 'channel', user: 'U0ASKER', text: '<@U0BOT> vodafone', ts: '1700000500.000100', channel: 'C0GENERAL', event_ts: '1700000500.000100' });
    await postEvent(h.eventsUrl, mention, signed);
    await postEvent(h.eventsUrl, asMessage, signed);
    const retry = await postEvent(h.eventsUrl, mention, { ...signed, retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    await h.api.waitForCalls('chat.postMessage', 1);
    await settle(300);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.logs.queries).toHaveLength(1);
  });

  test('the bot ignores its own messages, other bots, edits, deletions and plain channel chatter', async () => {
    const events = [
      { type: 'message', channel_type: 'im', user: 'U0BOT', bot_id: 'B0BOT', text: 'vodafone', ts: '1700000600.000001', channel: 'D0DM' },
      { type: 'message', channel_type: 'im', subtype: 'bot_message', bot_id: 'B0OTHER', text: 'vodafone', ts: '1700000600.000002', channel: 'D0DM' },
      { type: 'message', channel_type: 'im', subtype: 'message_changed', channel: 'D0DM', ts: '1700000600.000003', message: { user: 'U0ASKER', text: 'vodafone', ts: '1700000600.000001' } },
      { type: 'message', channel_type: 'im', subtype: 'message_deleted', channel: 'D0DM', ts: '1700000600.000004', deleted_ts: '1700000600.000001' },
      { type: 'message', channel_type: 'channel', user: 'U0ASKER', text: 'vodafone without mentioning anyone', ts: '1700000600.000005', channel: 'C0GENERAL' },
      { type: 'app_mention', user: 'U0OTHERBOT', bot_id: 'B0OTHER', text: '<@U0BOT> vodafone', ts: '1700000600.000006', channel: 'C0GENERAL' },
    ];
    for (const event of events) {
      const response = await postEvent(h.eventsUrl, eventCallback(event), signed);
      expect(response.status).toBe(200);
    }
    await settle(300);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.logs.queries).toHaveLength(0);
  });

  test('opening the Home tab publishes sources, fact counts, how to ask and example buttons', async () => {
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0DM', tab: 'home', event_ts: '1700000700.000100' }), signed);
    const [call] = await h.api.waitForCalls('views.publish', 1);
    expect(call!.params.user_id).toBe('U0ASKER');
    const view = call!.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = allText(view.blocks);
    expect(text).toContain('Alibaba opens a server farm in Germany');
    expect(text).toContain('2 facts');
    expect(text).toContain('/alibaba');
    expect(text).toContain(ACTION_IDS.homeExample);
    expect(text).toContain('Vodafone alliance');
  });

  test('opening the Messages tab publishes nothing', async () => {
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0DM', tab: 'messages', event_ts: '1700000700.000200' }), signed);
    await settle();
    expect(h.api.callsTo('views.publish')).toHaveLength(0);
  });

  test('an example button on the Home tab answers in the Home tab', async () => {
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: `${ACTION_IDS.homeExample}_1`, value: 'Vodafone alliance', container: 'home' }), signed);
    const [call] = await h.api.waitForCalls('views.publish', 1);
    const text = allText(call!.params.view);
    expect(text).toContain('Answer to:');
    expect(text).toContain('> Alibaba ha stretto un’alleanza commerciale con Vodafone.');
    expect(h.logs.queries[0]).toMatchObject({ surface: 'home', channelId: null, userId: 'U0ASKER' });
  });

  async function askPrivately(text: string): Promise<{ value: string; blocks: unknown[] }> {
    await postSlashCommand(h.eventsUrl, { text, response_url: h.responses.urlFor('first') }, signed);
    const [post] = await h.responses.waitForPosts(1, 'first');
    const blocks = post!.body.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
    const share = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ACTION_IDS.share);
    return { value: share!.value!, blocks };
  }

  test('Share in channel posts the answer publicly through the click’s response_url, saying who shared it, and replaces the private copy', async () => {
    const { value } = await askPrivately('vodafone <!channel>');
    expect(decodeAnswerRef(value)).toEqual({ q: 'vodafone @channel', f: 'vodafone-alliance', d: 'cloud-news' });
    const responseUrl = h.responses.urlFor('share');
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.share, value, container: 'ephemeral', responseUrl, userId: 'U0SHARER' }), signed);
    const [shared, confirmation] = await h.responses.waitForPosts(2, 'share');
    expect(shared!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(shared!.body).not.toHaveProperty('link_names');
    expect(shared!.body).not.toHaveProperty('parse');
    const blocks = allText(shared!.body.blocks);
    expect(visibleText(shared!.body)).not.toContain('<!channel>');
    expect(blocks).toContain('<@U0SHARER> shared this answer');
    expect(blocks).toContain('alleanza commerciale con Vodafone');
    expect(blocks).not.toContain(ACTION_IDS.share);
    expect(confirmation!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(String(confirmation!.body.text)).toContain('Shared');
    // response_url needs no membership: nothing went through chat.postMessage.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    // Sharing is not a second question.
    expect(h.logs.queries).toHaveLength(1);
  });

  test('Share in channel works in a channel the bot is not in (chat.postMessage would say not_in_channel)', async () => {
    h.api.respond('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const { value } = await askPrivately('vodafone');
    const responseUrl = h.responses.urlFor('share-out');
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.share, value, container: 'ephemeral', responseUrl, channelId: 'C0NOTMEMBER' }), signed);
    const [shared] = await h.responses.waitForPosts(2, 'share-out');
    expect(shared!.body.response_type).toBe('in_channel');
    expect(allText(shared!.body.blocks)).toContain('<@U0ASKER> shared this answer');
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('a double click shares once', async () => {
    const { value } = await askPrivately('vodafone');
    const responseUrl = h.responses.urlFor('twice');
    const click = blockActionPayload({ actionId: ACTION_IDS.share, value, container: 'ephemeral', responseUrl, messageTs: '1700000000.000777' });
    await postInteraction(h.eventsUrl, click, signed);
    await postInteraction(h.eventsUrl, click, signed);
    await h.responses.waitForPosts(2, 'twice');
    await settle(200);
    expect(h.responses.postsTo('twice').filter((p) => p.body.response_type === 'in_channel')).toHaveLength(1);
  });

  test('without a response_url, Share falls back to chat.postMessage; where the bot cannot post, the user is told to invite it', async () => {
    const { value } = await askPrivately('vodafone');
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.share, value, container: 'message', messageTs: '1700000000.000201' }), signed);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.params.channel).toBe('C0GENERAL');
    expect(allText(call!.params.blocks)).toContain('<@U0ASKER> shared this answer');

    h.api.respond('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    // response_url refuses the public post (e.g. expired for in_channel): fall back, then explain.
    h.responses.respondWith((body) => (body.response_type === 'in_channel' ? 404 : 200));
    const responseUrl = h.responses.urlFor('share-fail');
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.share, value, container: 'ephemeral', responseUrl, messageTs: '1700000000.000202' }), signed);
    const posts = await h.responses.waitForPosts(2, 'share-fail');
    expect(String(posts[1]!.body.text)).toContain('/invite @alibaba');
    expect(posts[1]!.body.replace_original).toBe(false);
    expect(h.logger.lines.join('\n')).toMatch(/Could not post the reply.*block_actions:share.*not_in_channel/);
  });

  test('Helpful and Not helpful are recorded and acknowledged privately', async () => {
    const { value } = await askPrivately('germany');
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.helpful, value, container: 'ephemeral', responseUrl: h.responses.urlFor('yes') }), signed);
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.notHelpful, value, container: 'ephemeral', responseUrl: h.responses.urlFor('no'), userId: 'U0CRITIC' }), signed);
    const [yes] = await h.responses.waitForPosts(1, 'yes');
    const [no] = await h.responses.waitForPosts(1, 'no');
    expect(yes!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(yes!.body.text)).toContain('Thanks');
    expect(String(no!.body.text)).toContain('Thanks');
    expect(h.logs.feedback).toEqual([
      expect.objectContaining({ userId: 'U0ASKER', channelId: 'C0GENERAL', query: 'germany', factId: 'germany-server-farm', documentId: 'cloud-news', helpful: true }),
      expect.objectContaining({ userId: 'U0CRITIC', helpful: false }),
    ]);
  });

  test('a 5xx from the Web API is retried a bounded number of times; a failed reply is logged and the app keeps serving', async () => {
    h.api.respond('chat.postMessage', (_params, n) => (n === 1 ? { status: 503, body: 'unavailable' } : { body: { ok: true, channel: 'C0GENERAL', ts: '1.1' } }));
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> vodafone', ts: '1700000800.000100', channel: 'C0GENERAL' }), signed);
    await h.api.waitForCalls('chat.postMessage', 2);

    h.api.respond('chat.postMessage', { status: 500, body: 'boom' });
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> germany', ts: '1700000900.000100', channel: 'C0GENERAL' }), signed);
    await eventually(() => h.logger.lines.some((l) => l.includes('Could not post the reply')), 3000, 'the failure to be logged');
    // 2 calls for the first mention, then 1 + 2 retries for the second: bounded.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(5);
    expect(h.logger.lines.find((l) => l.includes('Could not post the reply'))).toContain('C0GENERAL');

    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  test('rate limits wait for Retry-After, then the reply goes out', async () => {
    h.api.respond('chat.postMessage', (_params, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } } : { body: { ok: true, ts: '1.2' } }));
    const started = Date.now();
    await postEvent(h.eventsUrl, eventCallback({ type: 'message', channel_type: 'im', user: 'U0ASKER', text: 'vodafone', ts: '1700001000.000100', channel: 'D0DM' }), signed);
    await h.api.waitForCalls('chat.postMessage', 2, 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('HTTP mode with a digest handler', () => {
  test('/alibaba digest … is routed to the injected handler with the channel, user and arguments', async () => {
    const requests: DigestCommandRequest[] = [];
    const h = await startSlackAppHarness({
      digest: async (request) => {
        requests.push(request);
        return { text: 'Subscribed', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Subscribed at 08:30 Europe/Rome' } }] };
      },
    });
    try {
      await postSlashCommand(h.eventsUrl, { text: 'digest subscribe 08:30 Europe/Rome', response_url: h.responses.urlFor('d'), channel_id: 'C0TEAM', user_id: 'U0LEAD' }, signed);
      const [post] = await h.responses.waitForPosts(1, 'd');
      expect(requests).toEqual([{ channelId: 'C0TEAM', userId: 'U0LEAD', args: 'subscribe 08:30 Europe/Rome', surface: 'slack' }]);
      expect(post!.body).toMatchObject({ response_type: 'ephemeral', text: 'Subscribed' });
    } finally {
      await h.close();
    }
  });

  test('a digest handler that throws gets a polite reply and a log line, not a crash', async () => {
    const h = await startSlackAppHarness({
      digest: async () => {
        throw new Error('database is locked');
      },
    });
    try {
      await postSlashCommand(h.eventsUrl, { text: 'digest status', response_url: h.responses.urlFor('d') }, signed);
      const [post] = await h.responses.waitForPosts(1, 'd');
      expect(String(post!.body.text)).toContain('digest command failed');
      expect(h.logger.lines.join('\n')).toContain('database is locked');
    } finally {
      await h.close();
    }
  });
});

describe('when answering itself fails', () => {
  test('a throwing ask gets a polite reply on every surface, a log line with context, and the app keeps serving', async () => {
    let broken = true;
    const h = await startSlackAppHarness({
      ask: (question) => {
        if (broken) throw new Error('index corrupted');
        return { query: question, truncated: false, results: [] };
      },
    });
    try {
      await postSlashCommand(h.eventsUrl, { text: 'vodafone', response_url: h.responses.urlFor('cmd') }, signed);
      const [commandReply] = await h.responses.waitForPosts(1, 'cmd');
      expect(String(commandReply!.body.text)).toContain('something went wrong');

      await postEvent(h.eventsUrl, eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> vodafone', ts: '1700005000.000100', channel: 'C0GENERAL' }), signed);
      const [mentionReply] = await h.api.waitForCalls('chat.postMessage', 1);
      expect(String(mentionReply!.params.text)).toContain('something went wrong');

      const value = JSON.stringify({ q: 'vodafone', f: null, d: null });
      await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.share, value, container: 'ephemeral', responseUrl: h.responses.urlFor('share') }), signed);
      const [shareReply] = await h.responses.waitForPosts(1, 'share');
      expect(String(shareReply!.body.text)).toContain('could not share');
      expect(h.logger.lines.filter((l) => l.includes('index corrupted')).length).toBeGreaterThanOrEqual(3);

      broken = false;
      const health = await fetch(`${h.baseUrl}/healthz`);
      expect(health.status).toBe(200);
      await postSlashCommand(h.eventsUrl, { text: 'anything', response_url: h.responses.urlFor('after') }, signed);
      const [after] = await h.responses.waitForPosts(1, 'after');
      expect(String(after!.body.text)).toContain('couldn');
    } finally {
      await h.close();
    }
  });
});

test('the app error handler logs a listener’s error with context and the app keeps serving', async () => {
  const h = await startSlackAppHarness();
  try {
    // A listener outside the app's own (which catch their errors) stands in for an unexpected bug.
    h.slackApp.app.command('/boom', async ({ ack }) => {
      await ack();
      throw new Error('kaboom');
    });
    await postSlashCommand(h.eventsUrl, { command: '/boom', text: '', response_url: h.responses.urlFor('boom'), channel_id: 'C0BOOM' }, signed);
    await eventually(() => h.logger.lines.some((l) => l.includes('Unhandled error in a listener')), 3000, 'the error log');
    const line = h.logger.lines.find((l) => l.includes('Unhandled error in a listener'))!;
    expect(line).toContain('kaboom');
    expect(line).toContain('C0BOOM');
    await postSlashCommand(h.eventsUrl, { text: 'vodafone', response_url: h.responses.urlFor('after') }, signed);
    await h.responses.waitForPosts(1, 'after');
  } finally {
    await h.close();
  }
});
