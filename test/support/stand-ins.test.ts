import { WebClient, ErrorCode } from '@slack/web-api';
import { SocketModeClient } from '@slack/socket-mode';
import { LogLevel } from '@slack/logger';
import { startSlackApiStandIn, type SlackApiStandIn } from './slack-api-stand-in';
import { startResponseUrlStandIn } from './response-url-stand-in';
import { startSocketModeStandIn } from './socket-mode-stand-in';
import { signSlackRequest } from './slack-requests';

describe('Slack Web API stand-in', () => {
  let api: SlackApiStandIn;
  beforeEach(async () => {
    api = await startSlackApiStandIn();
  });
  afterEach(() => api.close());

  const client = (token = 'xoxb-test', retries = 0): WebClient =>
    new WebClient(token, { slackApiUrl: api.url, retryConfig: { retries, minTimeout: 10, maxTimeout: 20 }, logLevel: LogLevel.ERROR });

  test('records form-encoded calls with the bearer token and decodes JSON fields', async () => {
    const result = await client().chat.postMessage({ channel: 'C1', text: 'hi', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] });
    expect(result.ok).toBe(true);
    expect(result.ts).toMatch(/^\d+\.\d+$/);
    const [call] = api.callsTo('chat.postMessage');
    expect(call?.token).toBe('xoxb-test');
    expect(call?.params.channel).toBe('C1');
    expect(call?.params.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }]);
  });

  test('keeps channel history with metadata, and threads for conversations.replies', async () => {
    const web = client();
    const parent = api.addMessage('C1', { text: 'question?', user: 'U1' });
    await web.chat.postMessage({ channel: 'C1', text: 'answer', thread_ts: parent.ts });
    await web.chat.postMessage({ channel: 'C1', text: 'digest', metadata: { event_type: 'digest', event_payload: { date: '2026-12-01' } } });
    const replies = await web.conversations.replies({ channel: 'C1', ts: parent.ts });
    expect(replies.messages?.map((m) => m.text)).toEqual(['question?', 'answer']);
    const withMeta = await web.conversations.history({ channel: 'C1', include_all_metadata: true });
    expect(withMeta.messages?.[0]?.metadata).toEqual({ event_type: 'digest', event_payload: { date: '2026-12-01' } });
    const withoutMeta = await web.conversations.history({ channel: 'C1' });
    expect(withoutMeta.messages?.[0]?.metadata).toBeUndefined();
    expect(withoutMeta.messages?.map((m) => m.text)).toEqual(['digest', 'question?']);
  });

  test('scripted replies see params and call numbers; rate limits are retried by the client', async () => {
    api.respond('chat.postMessage', (_params, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } } : { body: { ok: true, ts: '1.2', channel: 'C1' } }));
    const result = await client('xoxb-test', 2).chat.postMessage({ channel: 'C1', text: 'x' });
    expect(result.ts).toBe('1.2');
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  test('platform errors and missing tokens look like Slack', async () => {
    api.respond('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    await expect(client().chat.postMessage({ channel: 'C9', text: 'x' })).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'channel_not_found' } });
    await expect(new WebClient(undefined, { slackApiUrl: api.url }).auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
  });

  test('waitForCalls resolves on arrival and rejects on timeout', async () => {
    const waiting = api.waitForCalls('users.info', 1, 2000);
    await client().users.info({ user: 'U1' });
    await expect(waiting).resolves.toHaveLength(1);
    await expect(api.waitForCalls('views.publish', 1, 50)).rejects.toThrow(/views.publish/);
  });

  test('Socket Mode stand-in: hello, envelopes and acks', async () => {
    const socket = await startSocketModeStandIn(api);
    const app = new SocketModeClient({ appToken: 'xapp-test', clientOptions: { slackApiUrl: api.url }, logLevel: LogLevel.ERROR });
    app.on('slash_commands', async ({ ack, body }: { ack: (response?: unknown) => Promise<void>; body: { text: string } }) => {
      await ack({ text: `got ${body.text}` });
    });
    try {
      await app.start();
      await socket.connected();
      const ack = await socket.push('slash_commands', { command: '/alibaba', text: 'vodafone' });
      expect(ack.payload).toEqual({ text: 'got vodafone' });
      expect(api.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');
    } finally {
      await app.disconnect();
      await socket.close();
    }
  });
});

test('response_url stand-in records posted JSON per url', async () => {
  const responses = await startResponseUrlStandIn();
  try {
    const url = responses.urlFor('cmd1');
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hello', response_type: 'ephemeral' }) });
    await expect(responses.waitForPosts(1, 'cmd1')).resolves.toEqual([{ path: '/cmd1', body: { text: 'hello', response_type: 'ephemeral' } }]);
  } finally {
    await responses.close();
  }
});

test('signSlackRequest matches Slack’s documented example', () => {
  // Example from Slack's "Verifying requests from Slack" documentation.
  const body =
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
  expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
});
