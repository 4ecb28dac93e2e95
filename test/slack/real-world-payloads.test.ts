/**
 * The variety of payloads real Slack sends, through the real Bolt HTTP receiver: where commands come
 * from, Slack's markup in text, message subtypes, thread edge cases, unknown interactions and retries.
 */
import { limitViolations } from '../../src/slack/blocks/limits';
import type { SlackMessage } from '../../src/slack/blocks/message';
import { ACTION_IDS } from '../../src/slack/blocks/action-ids';
import {
  blockActionPayload,
  eventCallback,
  mentionEvent,
  nextMessageTs,
  postEvent,
  postInteraction,
  postSlashCommand,
  settle,
  startSlackAppHarness,
  TEST_SIGNING_SECRET,
  visibleText,
  type SlackAppHarness,
} from '../support';

const signed = { secret: TEST_SIGNING_SECRET };

let h: SlackAppHarness;
beforeEach(async () => {
  h = await startSlackAppHarness();
});
afterEach(() => h.close());

const dm = (extra: Record<string, unknown>) => {
  const at = nextMessageTs();
  return eventCallback({ type: 'message', channel_type: 'im', channel: 'D0DM', ts: at, event_ts: at, ...extra });
};

describe('/alibaba wherever it is typed', () => {
  test.each([
    ['a DM between people', 'D0PEOPLE', 'directmessage'],
    ['a private channel', 'G0PRIVATE', 'privategroup'],
    ['a channel the bot is not in', 'C0NOTMEMBER', 'random'],
  ])('from %s the answer arrives through response_url, with no Web API call needing membership', async (_where, channelId, channelName) => {
    h.api.respond('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    h.api.respond('chat.postEphemeral', { body: { ok: false, error: 'channel_not_found' } });
    await postSlashCommand(h.eventsUrl, { text: 'vodafone', channel_id: channelId, channel_name: channelName, response_url: h.responses.urlFor('where') }, signed);
    const [post] = await h.responses.waitForPosts(1, 'where');
    expect(post!.body.response_type).toBe('ephemeral');
    expect(visibleText(post!.body)).toContain('alleanza commerciale con Vodafone');
    expect(h.api.calls.map((c) => c.method)).toEqual(['auth.test']);
    expect(h.logs.queries[0]).toMatchObject({ channelId, surface: 'command' });
  });

  test('empty or whitespace text is the help; a 5,000-character question with emoji is cut and stays within Block Kit limits', async () => {
    await postSlashCommand(h.eventsUrl, { text: '', response_url: h.responses.urlFor('empty') }, signed);
    await postSlashCommand(h.eventsUrl, { text: ' \t  \n ', response_url: h.responses.urlFor('blank') }, signed);
    await postSlashCommand(h.eventsUrl, { text: `vodafone ${'🙂 datacenter &amp; '.repeat(280)}`.slice(0, 5000), response_url: h.responses.urlFor('huge') }, signed);
    for (const name of ['empty', 'blank']) {
      const [post] = await h.responses.waitForPosts(1, name);
      expect(visibleText(post!.body)).toContain('/alibaba digest subscribe');
    }
    const [huge] = await h.responses.waitForPosts(1, 'huge');
    expect(visibleText(huge!.body)).toContain('longer than 500 characters');
    expect(limitViolations(huge!.body as unknown as SlackMessage)).toEqual([]);
    expect(h.logs.queries[0]!.query.length).toBeLessThanOrEqual(500);
  });
});

describe('Slack markup in message text', () => {
  test('mentions, channels, links, special mentions, emoji and entities are decoded before searching and never ping when echoed', async () => {
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT|alibaba> <@U123|maria> <!here> <#C123|general> <https://example.com|link> :cloud: AT&amp;T &lt;b&gt; vodafone?'), signed);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(h.logs.queries[0]!.query).toBe('@maria @here #general link :cloud: AT&T <b> vodafone?');
    const shown = visibleText(call!.params);
    expect(shown).toContain('You asked: @maria @here #general link :cloud: AT&amp;T &lt;b&gt; vodafone?');
    expect(shown).not.toMatch(/<!here>|<@U123|<#C123|<b>/);
    expect(shown).toContain('alleanza commerciale con Vodafone');
  });

  test('a 5,000-character mention with files, blocks and a thread is answered in the thread within the limits', async () => {
    const parentTs = '1700000001.000001';
    const text = `<@U0BOT> germany ${'ünïcødé 🙂 '.repeat(500)}`.slice(0, 5000);
    await postEvent(
      h.eventsUrl,
      mentionEvent(text, {
        thread_ts: parentTs,
        files: [{ id: 'F1', name: 'chart.png', mimetype: 'image/png' }],
        blocks: [{ type: 'rich_text', block_id: 'b1', elements: [{ type: 'rich_text_section', elements: [{ type: 'user', user_id: 'U0BOT' }, { type: 'text', text: ' germany' }] }] }],
      }),
      signed,
    );
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.params.thread_ts).toBe(parentTs);
    expect(String(call!.params.text)).toContain('Germania');
    expect(limitViolations({ text: String(call!.params.text), blocks: call!.params.blocks as SlackMessage['blocks'] })).toEqual([]);
  });
});

describe('a bare mention in a thread', () => {
  test('whose parent is the bot’s own message explains how to ask instead of answering itself', async () => {
    const parent = h.api.addMessage('C0GENERAL', { user: 'U0BOT', bot_id: 'B0BOT', text: 'Answer to “vodafone”: Alibaba ha stretto…' });
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT>', { thread_ts: parent.ts }), signed);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.params.thread_ts).toBe(parent.ts);
    expect(String(call!.params.text)).toContain('Mention me with a question');
    expect(h.logs.queries).toHaveLength(0);
  });

  test('whose parent was deleted (a tombstone, or thread_not_found) says so; another error says the thread was unreadable', async () => {
    const tombstone = h.api.addMessage('C0GENERAL', { subtype: 'tombstone', user: 'USLACKBOT', text: 'This message was deleted.', hidden: true });
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT>', { thread_ts: tombstone.ts }), signed);
    const [first] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(String(first!.params.text)).toContain('was deleted');

    h.api.respond('conversations.replies', { body: { ok: false, error: 'thread_not_found' } });
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT>', { thread_ts: '1600000000.000001' }), signed);
    const [, second] = await h.api.waitForCalls('chat.postMessage', 2);
    expect(String(second!.params.text)).toContain('was deleted');
    expect(second!.params.thread_ts).toBe('1600000000.000001');

    h.api.respond('conversations.replies', { body: { ok: false, error: 'missing_scope' } });
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT|alibaba>', { thread_ts: '1600000000.000002' }), signed);
    const [, , third] = await h.api.waitForCalls('chat.postMessage', 3);
    expect(String(third!.params.text)).toContain('could not read');
    expect(h.logger.lines.join('\n')).toMatch(/first message.*app_mention.*C0GENERAL.*missing_scope/);
    expect(h.logs.queries).toHaveLength(0);
  });

  test('whose parent has Slack markup answers the decoded parent text', async () => {
    const parent = h.api.addMessage('C0GENERAL', { user: 'U0OTHER', text: '<!here> what about <https://vodafone.com|Vodafone> &amp; Alibaba?' });
    await postEvent(h.eventsUrl, mentionEvent('<@U0BOT>', { thread_ts: parent.ts }), signed);
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(String(call!.params.text)).toContain('Vodafone');
    expect(h.logs.queries[0]!.query).toBe('@here what about Vodafone & Alibaba?');
  });
});

describe('message.im', () => {
  test('a file shared with a question and a thread broadcast are answered (in their thread); other subtypes, hidden, bot and own messages are not', async () => {
    const ignored = [
      dm({ subtype: 'message_changed', hidden: true, message: { user: 'U0ASKER', text: 'vodafone', ts: '1.1' }, previous_message: { text: 'x' } }),
      dm({ subtype: 'message_deleted', hidden: true, deleted_ts: '1.1', previous_message: { user: 'U0ASKER', text: 'vodafone' } }),
      dm({ subtype: 'bot_message', bot_id: 'B0OTHER', username: 'other', text: 'vodafone' }),
      dm({ subtype: 'channel_join', user: 'U0ASKER', text: '<@U0ASKER> has joined the channel' }),
      dm({ subtype: 'file_share', user: 'U0ASKER', text: '', files: [{ id: 'F1' }] }),
      dm({ user: 'U0ASKER', text: 'vodafone', hidden: true }),
      dm({ user: 'U0APPUSER', bot_id: 'B0APP', bot_profile: { id: 'B0APP' }, text: 'vodafone' }),
      dm({ user: 'U0BOT', text: 'vodafone' }),
      dm({ text: 'vodafone' }),
    ];
    for (const event of ignored) expect((await postEvent(h.eventsUrl, event, signed)).status).toBe(200);
    await settle(200);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);

    await postEvent(h.eventsUrl, dm({ subtype: 'file_share', user: 'U0ASKER', text: 'what about vodafone?', files: [{ id: 'F2', name: 'notes.pdf' }] }), signed);
    await postEvent(h.eventsUrl, dm({ subtype: 'thread_broadcast', user: 'U0ASKER', text: 'and germany?', thread_ts: '1700000000.000300', root: { ts: '1700000000.000300' } }), signed);
    const calls = await h.api.waitForCalls('chat.postMessage', 2);
    const byText = (needle: string) => calls.find((c) => String(c.params.text).includes(needle));
    expect(byText('Vodafone')!.params).toMatchObject({ channel: 'D0DM' });
    expect(byText('Vodafone')!.params.thread_ts).toBeUndefined();
    expect(byText('Germania')!.params).toMatchObject({ channel: 'D0DM', thread_ts: '1700000000.000300' });
    expect(h.logs.queries.map((q) => q.surface)).toEqual(['dm', 'dm']);
  });
});

describe('interactions the app does not handle, and stale buttons', () => {
  test('are acknowledged at once (200, not a 3-second timeout) and change nothing', async () => {
    const base = { user: { id: 'U0ASKER', team_id: 'T0STANDIN' }, team: { id: 'T0STANDIN', domain: 'standin' }, api_app_id: 'A0STANDIN', token: 'unused', trigger_id: '1.2.3' };
    const payloads = [
      blockActionPayload({ actionId: 'mystery_button', value: 'x' }),
      blockActionPayload({ actionId: `${ACTION_IDS.share}_v0`, value: 'x' }),
      { ...base, type: 'view_submission', view: { id: 'V1', type: 'modal', callback_id: 'old_modal', state: { values: {} }, hash: 'h' } },
      { ...base, type: 'view_closed', is_cleared: false, view: { id: 'V1', type: 'modal', callback_id: 'old_modal', state: { values: {} } } },
      { ...base, type: 'shortcut', callback_id: 'global_shortcut' },
      { ...base, type: 'message_action', callback_id: 'message_shortcut', channel: { id: 'C0GENERAL' }, message: { ts: '1.1', text: 'x' }, response_url: h.responses.urlFor('msgaction') },
      { ...base, type: 'block_suggestion', action_id: 'picker', block_id: 'b', value: 'vo' },
      { ...base, type: 'interactive_message', callback_id: 'legacy', actions: [{ name: 'x', type: 'button', value: 'y' }], channel: { id: 'C0GENERAL' } },
    ];
    const started = Date.now();
    const statuses = await Promise.all(payloads.map((p) => postInteraction(h.eventsUrl, p, signed).then((r) => r.status)));
    expect(statuses).toEqual(payloads.map(() => 200));
    expect(Date.now() - started).toBeLessThan(2500);
    // An event type the app never subscribed to is acknowledged too.
    expect((await postEvent(h.eventsUrl, eventCallback({ type: 'member_joined_channel', user: 'U0ASKER', channel: 'C0GENERAL' }), signed)).status).toBe(200);
    await settle(100);
    expect(h.api.calls.map((c) => c.method)).toEqual(['auth.test']);
    expect(h.responses.posts).toHaveLength(0);
    expect(h.logger.lines.join('\n')).not.toMatch(/not acknowledged|ERROR/);
  });

  test('a Share or feedback click with an unreadable value tells the user privately and records nothing', async () => {
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.share, value: '{"not":"ours"', container: 'ephemeral', responseUrl: h.responses.urlFor('stale-share') }), signed);
    await postInteraction(h.eventsUrl, blockActionPayload({ actionId: ACTION_IDS.helpful, value: '', container: 'ephemeral', responseUrl: h.responses.urlFor('stale-fb') }), signed);
    const [share] = await h.responses.waitForPosts(1, 'stale-share');
    const [feedback] = await h.responses.waitForPosts(1, 'stale-fb');
    expect(share!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(share!.body.text)).toContain('Ask again');
    expect(String(feedback!.body.text)).toContain('older answer');
    expect(h.logs.feedback).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('redeliveries', () => {
  test('X-Slack-Retry-Num 1, 2 and 3 of a mention, and its message twin arriving first, give one reply', async () => {
    const at = nextMessageTs();
    const asMessage = eventCallback({ type: 'message', channel_type: 'channel', user: 'U0ASKER', text: '<@U0BOT> vodafone', ts: at, channel: 'C0GENERAL', event_ts: at });
    const asMention = eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> vodafone', ts: at, channel: 'C0GENERAL', event_ts: at });
    expect((await postEvent(h.eventsUrl, asMessage, signed)).status).toBe(200);
    expect((await postEvent(h.eventsUrl, asMention, signed)).status).toBe(200);
    for (const retryNum of [1, 2, 3]) expect((await postEvent(h.eventsUrl, asMention, { ...signed, retryNum, retryReason: 'http_timeout' })).status).toBe(200);
    await h.api.waitForCalls('chat.postMessage', 1);
    await settle(250);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.logs.queries).toHaveLength(1);
  });

  test('a redelivered DM (same event_id) is answered once', async () => {
    const event = dm({ user: 'U0ASKER', text: 'germany' });
    await postEvent(h.eventsUrl, event, signed);
    await postEvent(h.eventsUrl, event, { ...signed, retryNum: 1, retryReason: 'http_error' });
    await h.api.waitForCalls('chat.postMessage', 1);
    await settle(200);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
