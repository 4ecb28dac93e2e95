/**
 * `/alibaba digest …`: subscribe, unsubscribe, status, now (a private preview), help. The Slack
 * listener and the local console route the text after `digest` here and show the reply privately.
 */
import type { Clock } from '../clock';
import { isValidTime, isValidTimeZone, type Config } from '../config';
import type { SlackMessage } from '../slack/blocks/message';
import { renderDigestBlocks } from '../slack/blocks/digest';
import { renderNotice } from '../slack/blocks/notice';
import { escapeSlackText } from '../slack/escape';
import type { Store, Subscription } from '../store/sqlite';
import { digestStrings, formatWhen } from '../strings/digest';
import { failedForGood, pendingRetryAfter } from './channel-digest';
import { composeDigest } from './compose';
import { classifyError, type WebClient } from './deliver';
import { currentKnowledge, effectiveSubscriptions, owedSince, type KnowledgeSource } from './subscriptions';
import { localDate, nextRunAt } from './time';
import type { DigestCommandHandler, DigestCommandRequest } from './types';

export interface DigestCommandDependencies {
  store: Store;
  knowledge: KnowledgeSource;
  /** Null in the console (no Slack): subscriptions are then refused, previews still work. */
  client: WebClient | null;
  config: Pick<Config, 'digest'>;
  clock: Clock;
  /** For the "invite me" hint (`/invite @bot`); the bot's user id is only known once the app has started. */
  botUserId?: () => string | null;
}

function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

type ParsedSchedule = { ok: true; time: string; timeZone: string } | { ok: false; message: string };

export function parseSubscribeArguments(words: string[], defaults: { time: string; timeZone: string }): ParsedSchedule {
  let time: string | null = null;
  let zone: string | null = null;
  for (const word of words) {
    // Anything starting with a digit is meant as a time (9am, 8.30, 25:00): say what is wrong with it as a time.
    if (/^\d/.test(word)) {
      if (time !== null) return { ok: false, message: digestStrings.tooManyArguments };
      const [hours = '', minutes = ''] = word.split(/[:.h]/);
      const candidate = `${hours.padStart(2, '0')}:${minutes}`;
      if (!isValidTime(candidate)) return { ok: false, message: digestStrings.badTime(escapeSlackText(word)) };
      time = candidate;
    } else {
      if (zone !== null) return { ok: false, message: digestStrings.tooManyArguments };
      if (!/^[A-Za-z_+\-/0-9]+$/.test(word) || !isValidTimeZone(word)) return { ok: false, message: digestStrings.badZone(escapeSlackText(word)) };
      zone = canonicalZone(word);
    }
  }
  return { ok: true, time: time ?? defaults.time, timeZone: zone ?? defaults.timeZone };
}

type Membership = { ok: true; joined: boolean } | { ok: false; message: string };

/** Makes sure the bot can post in the channel: a member already, joins a public channel, or asks to be invited. */
async function ensureMember(client: WebClient, channelId: string, botUserId: string | null): Promise<Membership> {
  try {
    const info = await client.conversations.info({ channel: channelId });
    const channel = info.channel;
    if (channel?.is_member || channel?.is_im || channel?.is_mpim) return { ok: true, joined: false };
    if (channel?.is_channel && !channel.is_private && !channel.is_archived) {
      await client.conversations.join({ channel: channelId });
      return { ok: true, joined: true };
    }
    return { ok: false, message: digestStrings.inviteFirst(botUserId) };
  } catch (error) {
    const failure = classifyError(error);
    // A private channel the bot is not in looks like a channel that does not exist.
    if (failure.kind === 'permanent' && ['channel_not_found', 'not_in_channel', 'method_not_supported_for_channel_type'].includes(failure.code)) {
      return { ok: false, message: digestStrings.inviteFirst(botUserId) };
    }
    return { ok: false, message: digestStrings.cannotCheckChannel(failure.description) };
  }
}

export function makeDigestCommandHandler(deps: DigestCommandDependencies): DigestCommandHandler {
  const { store, config, clock } = deps;
  const defaults = { time: config.digest.time, timeZone: config.digest.timeZone };

  const subscriptionOf = (channelId: string) => effectiveSubscriptions(store.listSubscriptions(), config.digest).find((s) => s.channelId === channelId) ?? null;

  /**
   * When the channel's next digest goes out, as the scheduler will decide it: a schedule set after
   * today's time starts tomorrow (see dueDate's `since`); today's is done once posted, or once it
   * failed permanently (until the channel subscribes again); a rate-limited one waits its Retry-After.
   */
  const nextDigestAt = (subscription: Subscription, now: Date): Date => {
    const today = store.getDelivery(subscription.channelId, localDate(now, subscription.timeZone));
    const doneToday = today?.state === 'posted' || failedForGood(today, subscription);
    const slackAskedToWaitUntil = pendingRetryAfter(today, now);
    if (slackAskedToWaitUntil && !doneToday) return slackAskedToWaitUntil;
    return nextRunAt({ ...subscription, since: owedSince(subscription) }, now, doneToday);
  };

  const subscribe = async (request: DigestCommandRequest, words: string[]): Promise<SlackMessage> => {
    if (request.surface === 'console' || !deps.client) return renderNotice(digestStrings.consoleNoSubscribe);
    const parsed = parseSubscribeArguments(words, defaults);
    if (!parsed.ok) return renderNotice(parsed.message);
    const membership = await ensureMember(deps.client, request.channelId, deps.botUserId?.() ?? null);
    if (!membership.ok) return renderNotice(membership.message);
    const now = clock();
    const subscription = store.subscribe({ channelId: request.channelId, time: parsed.time, timeZone: parsed.timeZone, createdBy: request.userId }, now);
    const when = formatWhen(nextDigestAt(subscription, now), parsed.timeZone);
    return renderNotice(membership.joined ? digestStrings.joinedAndSubscribed(parsed.time, parsed.timeZone, when) : digestStrings.subscribed(parsed.time, parsed.timeZone, when));
  };

  const unsubscribe = (request: DigestCommandRequest): SlackMessage => {
    if (request.surface === 'console') return renderNotice(digestStrings.consoleNoSubscribe);
    const configured = config.digest.channels.includes(request.channelId);
    const stored = store.getSubscription(request.channelId);
    if (stored?.source === 'slack') {
      store.unsubscribe(request.channelId);
      if (configured) {
        store.syncConfigSubscriptions(config.digest.channels, config.digest.time, config.digest.timeZone, clock());
        return renderNotice(digestStrings.unsubscribedButConfigured);
      }
      return renderNotice(digestStrings.unsubscribed);
    }
    if (configured) return renderNotice(digestStrings.configuredCannotUnsubscribe);
    // A configuration subscription left by an earlier DIGEST_CHANNELS gets nothing: not subscribed.
    return renderNotice(digestStrings.notSubscribed);
  };

  const channelStatus = (channelId: string): SlackMessage => {
    const subscription = subscriptionOf(channelId);
    const lines: string[] = [`*${digestStrings.statusTitle}*`];
    if (!subscription) {
      lines.push(digestStrings.notSubscribed);
    } else {
      const now = clock();
      lines.push(digestStrings.statusSchedule(subscription.time, subscription.timeZone, subscription.source, subscription.createdBy));
      lines.push(digestStrings.statusNext(formatWhen(nextDigestAt(subscription, now), subscription.timeZone)));
    }
    const last = store.lastDelivery(channelId);
    lines.push(last ? digestStrings.statusLast(last.date, digestStrings.deliveryStates[last.state] ?? last.state, last.state === 'failed' ? last.error : null) : digestStrings.statusNoDelivery);
    const flag = store.getFlag(channelId);
    if (flag) lines.push(digestStrings.statusFlag(flag.error, formatWhen(flag.flaggedAt, subscription?.timeZone ?? defaults.timeZone)));
    return renderNotice(lines.join('\n'));
  };

  const consoleStatus = (): SlackMessage => {
    const subscriptions = effectiveSubscriptions(store.listSubscriptions(), config.digest);
    const lines = [`*${digestStrings.statusTitle}*`, digestStrings.statusAll(subscriptions.length)];
    for (const s of subscriptions) {
      const flag = store.getFlag(s.channelId);
      lines.push(`${digestStrings.statusAllLine(s.channelId, s.time, s.timeZone, s.source)}${flag ? ` · ${flag.error}` : ''}`);
    }
    return renderNotice(lines.join('\n'));
  };

  const preview = (request: DigestCommandRequest): SlackMessage => {
    const zone = subscriptionOf(request.channelId)?.timeZone ?? defaults.timeZone;
    const date = localDate(clock(), zone);
    const digest = composeDigest({ date, channelId: request.channelId, timeZone: zone, knowledge: currentKnowledge(deps.knowledge), store });
    return renderDigestBlocks(digest, { preview: true });
  };

  /** The digest commands, after saying which word was not one of them. */
  const help = (unknown?: string): SlackMessage => {
    const text = unknown ? `${digestStrings.unknownSubcommand(escapeSlackText(unknown))}\n${digestStrings.help}` : digestStrings.help;
    return { text: digestStrings.helpFallback, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  };

  return async (request) => {
    const [subcommand = '', ...words] = request.args.trim().split(/\s+/).filter(Boolean);
    switch (subcommand.toLowerCase()) {
      case 'subscribe':
        return subscribe(request, words);
      case 'unsubscribe':
        return unsubscribe(request);
      case 'status':
        return request.surface === 'console' ? consoleStatus() : channelStatus(request.channelId);
      case 'now':
      case 'preview':
        return preview(request);
      case '':
      case 'help':
        return help();
      default:
        return help(subcommand);
    }
  };
}
