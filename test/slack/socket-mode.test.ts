/**
 * Socket Mode against the loopback WebSocket stand-in: apps.connections.open, hello, envelopes, acks.
 */
import { ACTION_IDS } from '../../src/slack/blocks/action-ids';
import { blockActionPayload, eventCallback, startSlackAppHarness, TEST_APP_TOKEN, type SlackAppHarness } from '../support';

describe('Socket Mode', () => {
  let h: SlackAppHarness;
  beforeEach(async () => {
    h = await startSlackAppHarness({ mode: 'socket' });
  });
  afterEach(async () => {
    // Disconnect the Socket Mode client first, or its reconnect timers keep jest alive.
    await h.close();
  });

  test('connects with the app-level token and answers a slash command through response_url', async () => {
    expect(h.api.callsTo('apps.connections.open')[0]?.token).toBe(TEST_APP_TOKEN);
    await h.socket!.connected();
    const responseUrl = h.responses.urlFor('socket-cmd');
    const ack = await h.socket!.push('slash_commands', {
      token: 'unused',
      team_id: 'T0STANDIN',
      channel_id: 'C0GENERAL',
      user_id: 'U0ASKER',
      command: '/alibaba',
      text: 'vodafone',
      response_url: responseUrl,
      trigger_id: '1.2.3',
      api_app_id: 'A0STANDIN',
    });
    expect(ack.envelope_id).toMatch(/^env-/);
    const [post] = await h.responses.waitForPosts(1, 'socket-cmd');
    expect(post!.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(post!.body.blocks)).toContain('alleanza commerciale con Vodafone');
  });

  test('answers a mention delivered as an events_api envelope, once even when redelivered', async () => {
    await h.socket!.connected();
    const envelope = eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> germany', ts: '1700002000.000100', channel: 'C0GENERAL' });
    await h.socket!.push('events_api', envelope);
    await h.socket!.push('events_api', envelope, { retryAttempt: 1, retryReason: 'timeout' });
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700002000.000100' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  test('acks interactions it does not handle, and shares an answer through the click’s response_url', async () => {
    await h.socket!.connected();
    const unknown = await h.socket!.push('interactive', blockActionPayload({ actionId: 'from_an_older_version', value: 'x' }));
    expect(unknown.envelope_id).toMatch(/^env-/);
    const view = await h.socket!.push('interactive', { type: 'view_submission', user: { id: 'U0ASKER' }, team: { id: 'T0STANDIN' }, view: { id: 'V1', type: 'modal', callback_id: 'gone', state: { values: {} } } });
    expect(view.envelope_id).toMatch(/^env-/);

    const responseUrl = h.responses.urlFor('socket-share');
    const value = JSON.stringify({ q: 'vodafone', f: 'vodafone-alliance', d: 'cloud-news' });
    await h.socket!.push('interactive', blockActionPayload({ actionId: ACTION_IDS.share, value, container: 'ephemeral', responseUrl, channelId: 'C0NOTMEMBER' }));
    const [shared, confirmation] = await h.responses.waitForPosts(2, 'socket-share');
    expect(shared!.body.response_type).toBe('in_channel');
    expect(JSON.stringify(shared!.body.blocks)).toContain('<@U0ASKER> shared this answer');
    expect(confirmation!.body).toMatchObject({ replace_original: true });
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
