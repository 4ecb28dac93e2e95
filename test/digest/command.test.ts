import { makeDigestCommandHandler, parseSubscribeArguments } from '../../src/digest/command';
import { createDigestWebClient } from '../../src/digest/deliver';
import { runDigestOnce } from '../../src/digest/run-once';
import type { DigestCommandRequest } from '../../src/digest/types';
import { openStore, type Store } from '../../src/store';
import { visibleText } from '../support/knowledge-fixture';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in';
import { fakeTime, makeKnowledge } from './fixtures';

describe('parseSubscribeArguments', () => {
  const defaults = { time: '09:00', timeZone: 'UTC' };
  it('accepts a time, a zone, both in either order, or neither', () => {
    expect(parseSubscribeArguments([], defaults)).toEqual({ ok: true, time: '09:00', timeZone: 'UTC' });
    expect(parseSubscribeArguments(['8:30'], defaults)).toEqual({ ok: true, time: '08:30', timeZone: 'UTC' });
    expect(parseSubscribeArguments(['europe/rome', '17:45'], defaults)).toEqual({ ok: true, time: '17:45', timeZone: 'Europe/Rome' });
    expect(parseSubscribeArguments(['America/New_York'], defaults)).toEqual({ ok: true, time: '09:00', timeZone: 'America/New_York' });
    expect(parseSubscribeArguments(['8.05', 'UTC'], defaults)).toEqual({ ok: true, time: '08:05', timeZone: 'UTC' });
  });
  it('rejects bad times, unknown zones and extra words, echoing them escaped', () => {
    expect(parseSubscribeArguments(['25:00'], defaults)).toMatchObject({ ok: false, message: expect.stringContaining('"25:00" is not a time') });
    expect(parseSubscribeArguments(['9:75'], defaults)).toMatchObject({ ok: false });
    expect(parseSubscribeArguments(['Mars/Olympus'], defaults)).toMatchObject({ ok: false, message: expect.stringContaining('not a time zone') });
    expect(parseSubscribeArguments(['<!channel>'], defaults)).toMatchObject({ ok: false, message: expect.stringContaining('&lt;!channel&gt;') });
    expect(parseSubscribeArguments(['09:00', '10:00'], defaults)).toMatchObject({ ok: false });
    expect(parseSubscribeArguments(['UTC', 'Europe/Rome'], defaults)).toMatchObject({ ok: false });
  });
});

describe('makeDigestCommandHandler', () => {
  let api: SlackApiStandIn;
  let store: Store;
  let time: ReturnType<typeof fakeTime>;
  const config = { digest: { channels: ['CCONF'], time: '09:00', timeZone: 'Europe/Rome' } };

  beforeEach(async () => {
    api = await startSlackApiStandIn();
    store = openStore(':memory:');
    time = fakeTime('2026-12-01T07:00:00Z'); // 08:00 in Rome
  });
  afterEach(async () => {
    store.close();
    await api.close();
  });

  const client = () => createDigestWebClient({ botToken: 'xoxb-test', apiUrl: api.url });
  const handler = (withClient = true) => makeDigestCommandHandler({ store, knowledge: makeKnowledge(4), client: withClient ? client() : null, config, clock: time.clock, botUserId: () => 'U0BOT' });
  /** The one-shot round for 1 December, as cron would run it: it fills in the deliveries that status reports. */
  const deliverDigestsOfFirstDecember = () =>
    runDigestOnce({ store, knowledge: makeKnowledge(2), config: { digest: { channels: [], time: '09:00', timeZone: 'UTC' } }, client: client(), clock: time.clock, sleep: time.sleep, date: '2026-12-01', write: () => {} });
  const slack = (args: string, channelId = 'C1'): DigestCommandRequest => ({ channelId, userId: 'U1', args, surface: 'slack' });

  it('subscribes a channel the bot is in, with the default time and zone, and says when the next digest comes', async () => {
    const reply = await handler()(slack('subscribe'));
    expect(visibleText(reply)).toContain('Subscribed: this channel gets the digest every day at 09:00 (Europe/Rome). Next one: Tue, 1 Dec 2026, 09:00 (Europe/Rome)');
    expect(store.getSubscription('C1')).toMatchObject({ time: '09:00', timeZone: 'Europe/Rome', source: 'slack', createdBy: 'U1' });
    expect(api.callsTo('conversations.join')).toHaveLength(0);
  });

  it('subscribes with its own time and zone; a time already passed today starts tomorrow', async () => {
    const reply = await handler()(slack('subscribe 07:30 America/New_York'));
    // 02:00 in New York now: today's 07:30 is ahead.
    expect(visibleText(reply)).toContain('Next one: Tue, 1 Dec 2026, 07:30 (America/New_York)');
    const late = await handler()(slack('subscribe 06:00 Europe/Rome', 'C2'));
    expect(visibleText(late)).toContain('Next one: Wed, 2 Dec 2026, 06:00 (Europe/Rome)');
  });

  it('joins a public channel it is not in', async () => {
    api.respond('conversations.info', { body: { ok: true, channel: { id: 'C1', is_channel: true, is_private: false, is_member: false } } });
    const reply = await handler()(slack('subscribe 10:00 UTC'));
    expect(api.callsTo('conversations.join')[0]!.params).toMatchObject({ channel: 'C1' });
    expect(visibleText(reply)).toContain('I joined this channel');
    expect(store.getSubscription('C1')).not.toBeNull();
  });

  it('asks to be invited to a private channel, and does not subscribe it', async () => {
    api.respond('conversations.info', { body: { ok: false, error: 'channel_not_found' } });
    const reply = await handler()(slack('subscribe'));
    expect(visibleText(reply)).toContain('Invite me first with `/invite <@U0BOT>`');
    expect(store.getSubscription('C1')).toBeNull();
    api.respond('conversations.info', { body: { ok: true, channel: { id: 'G1', is_channel: false, is_group: true, is_private: true, is_member: false } } });
    expect(visibleText(await handler()(slack('subscribe', 'G1')))).toContain('Invite me first');
    expect(api.callsTo('conversations.join')).toHaveLength(0);
  });

  it('rejects bad arguments without subscribing', async () => {
    expect(visibleText(await handler()(slack('subscribe 9am')))).toContain('"9am" is not a time: write it as HH:MM');
    expect(visibleText(await handler()(slack('subscribe Rome')))).toContain('"Rome" is not a time zone I know');
    expect(visibleText(await handler()(slack('subscribe 24:10')))).toContain('not a time');
    expect(store.listSubscriptions()).toEqual([]);
  });

  it('unsubscribes, and explains channels subscribed by configuration', async () => {
    await handler()(slack('subscribe'));
    expect(visibleText(await handler()(slack('unsubscribe')))).toContain('Unsubscribed');
    expect(store.getSubscription('C1')).toBeNull();
    expect(visibleText(await handler()(slack('unsubscribe')))).toContain('not subscribed');
    expect(visibleText(await handler()(slack('unsubscribe', 'CCONF')))).toContain('DIGEST_CHANNELS');
    // A configured channel with its own Slack schedule goes back to the configured one.
    await handler()(slack('subscribe 11:00 UTC', 'CCONF'));
    expect(visibleText(await handler()(slack('unsubscribe', 'CCONF')))).toContain('still subscribed by the bot\'s configuration');
    expect(store.getSubscription('CCONF')).toMatchObject({ source: 'config', time: '09:00', timeZone: 'Europe/Rome' });
    // Left over from an earlier DIGEST_CHANNELS: not subscribed any more, whatever the table says.
    store.syncConfigSubscriptions(['CCONF', 'COLD'], '09:00', 'Europe/Rome', time.clock());
    expect(visibleText(await handler()(slack('unsubscribe', 'COLD')))).toContain('not subscribed');
    expect(visibleText(await handler()(slack('status', 'COLD')))).toContain('not subscribed');
  });

  it('shows status: schedule, next run, last delivery and a flagged problem', async () => {
    expect(visibleText(await handler()(slack('status')))).toContain('not subscribed');
    await handler()(slack('subscribe 08:30 Europe/Rome'));
    store.claimDelivery('C1', '2026-11-30', 'x', new Date('2026-11-30T07:30:00Z'), 1000);
    store.markFailed('C1', '2026-11-30', 'x', { error: 'not_in_channel', permanent: true }, new Date('2026-11-30T07:30:00Z'));
    store.flagChannel('C1', 'not_in_channel', new Date('2026-11-30T07:30:00Z'));
    const status = visibleText(await handler()(slack('status')));
    expect(status).toContain('Every day at *08:30* (Europe/Rome), subscribed by <@U1>');
    expect(status).toContain('Next digest: Tue, 1 Dec 2026, 08:30 (Europe/Rome)');
    expect(status).toContain('Last digest: 2026-11-30, failed (not_in_channel)');
    expect(status).toContain('failed with `not_in_channel`');
    const configured = visibleText(await handler()(slack('status', 'CCONF')));
    expect(configured).toContain("from the bot's configuration");
    expect(configured).toContain('No digest posted here yet');
  });

  it('previews today\'s digest privately without recording anything', async () => {
    const reply = await handler()(slack('now'));
    const text = visibleText(reply);
    expect(text).toContain('Alibaba cloud digest · Tuesday 1 December 2026');
    expect(text).toContain('Preview of the digest for 2026-12-01');
    expect(text).toMatch(/Fact of the day: Topic fact-0\d/);
    expect(store.getDelivery('C1', '2026-12-01')).toBeNull();
    expect(store.factsShown('C1')).toEqual([]);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
    // Previewing again shows the same fact: nothing moved on.
    expect(visibleText(await handler()(slack('now')))).toBe(text);
  });

  it('answers help for an empty or help subcommand, and names an unknown one (escaped) before the help', async () => {
    for (const args of ['', 'help']) {
      const text = visibleText(await handler()(slack(args)));
      expect(text).toContain('/alibaba digest subscribe [HH:MM] [time zone]');
      expect(text).not.toContain('I do not know');
    }
    const unknown = visibleText(await handler()(slack('<!here> subscribe')));
    expect(unknown).toContain('I do not know `digest &lt;!here&gt;`. These are the digest commands:');
    expect(unknown).toContain('/alibaba digest subscribe [HH:MM] [time zone]');
    expect(unknown).not.toContain('<!here>');
    expect(visibleText(await handler()(slack('subscribeme')))).toContain('I do not know `digest subscribeme`');
    expect(store.listSubscriptions()).toEqual([]);
  });

  it('status shows when a rate-limited digest will be tried again (Slack\'s Retry-After)', async () => {
    await handler()(slack('subscribe 07:30 UTC', 'CBUSY'));
    time.set('2026-12-01T07:30:00Z');
    api.respond('chat.postMessage', { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } });
    await deliverDigestsOfFirstDecember();
    expect(visibleText(await handler()(slack('status', 'CBUSY')))).toContain('Next digest: Tue, 1 Dec 2026, 08:30 (UTC)');
  });

  it('subscribes with only a zone (the default time) or only a time (the default zone)', async () => {
    expect(visibleText(await handler()(slack('subscribe America/New_York', 'CZONE')))).toContain('every day at 09:00 (America/New_York)');
    expect(store.getSubscription('CZONE')).toMatchObject({ time: '09:00', timeZone: 'America/New_York' });
    expect(visibleText(await handler()(slack('subscribe 7:15', 'CTIME')))).toContain('every day at 07:15 (Europe/Rome)');
    expect(store.getSubscription('CTIME')).toMatchObject({ time: '07:15', timeZone: 'Europe/Rome' });
  });

  it('flags a channel whose post failed permanently in its status, until it subscribes again', async () => {
    await handler()(slack('subscribe 08:30 UTC', 'CGONE'));
    api.respond('chat.postMessage', { body: { ok: false, error: 'is_archived' } });
    time.set('2026-12-01T08:30:00Z');
    const result = await deliverDigestsOfFirstDecember();
    expect(result.exitCode).toBe(1);
    const status = visibleText(await handler()(slack('status', 'CGONE')));
    expect(status).toContain('Last digest: 2026-12-01, failed (is_archived)');
    // Today's will not be tried again unless the channel subscribes again: the next one is tomorrow's.
    expect(status).toContain('Next digest: Wed, 2 Dec 2026, 08:30 (UTC)');
    expect(status).toContain(':warning: The last attempt to post here failed with `is_archived`');
    api.respond('chat.postMessage', null);
    await handler()(slack('subscribe 08:30 UTC', 'CGONE'));
    expect(visibleText(await handler()(slack('status', 'CGONE')))).not.toContain(':warning:');
  });

  it('in the console: previews and lists subscriptions, but does not subscribe', async () => {
    const h = handler(false);
    const consoleRequest = (args: string): DigestCommandRequest => ({ channelId: 'console', userId: 'console', args, surface: 'console' });
    expect(visibleText(await h(consoleRequest('subscribe')))).toContain('run this command in the channel');
    expect(store.listSubscriptions()).toEqual([]);
    expect(visibleText(await h(consoleRequest('now')))).toContain('Alibaba cloud digest · Tuesday 1 December 2026');
    expect(visibleText(await h(consoleRequest('status')))).toContain('• CCONF at 09:00 (Europe/Rome), config');
  });
});
