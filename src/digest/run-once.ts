/**
 * One round of digests for one date, for the one-shot command: every subscribed channel that has
 * not had that date's digest gets it; channels already delivered are left alone, so running it
 * again (by cron, or by hand after a failure) delivers only what is missing. The whole round stays
 * within a time budget so the command ends within a minute even when Slack keeps failing.
 */
import { messageToText } from '../console/render-text';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { KnowledgeBase } from '../knowledge/types';
import type { Store, Subscription } from '../store/sqlite';
import { digestStrings, formatWhen } from '../strings/digest';
import { deliverSubscriptionDigest, pendingRetryAfter, prepareDigest, type DigestDeliveryContext } from './channel-digest';
import { realSleep, silentLogger, type DeliveryOutcome, type DigestLogger, type RetryPolicy, type Sleep, type WebClient } from './deliver';
import { effectiveSubscriptions, newOwnerId } from './subscriptions';
import { localDate } from './time';

/**
 * No try starts after this much time. A try is at most a history lookup and a post, each cut off by
 * the client's 10 s request timeout, so even against a Slack that never answers the command ends
 * within about 30 + 20 s, plus start-up: inside the minute.
 */
export const ONE_SHOT_BUDGET_MS = 30_000;
/** How often a channel another process is posting is looked at again, until it finishes or the budget ends. */
export const IN_PROGRESS_POLL_MS = 500;

export interface RunDigestOnceOptions {
  store: Store;
  knowledge: KnowledgeBase;
  config: Pick<Config, 'digest'>;
  /** Needed unless `dryRun`. */
  client: WebClient | null;
  clock: Clock;
  /** Default: today in DIGEST_TZ. */
  date?: string;
  dryRun?: boolean;
  /** Receives each stdout line. */
  write: (text: string) => void;
  logger?: DigestLogger;
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  budgetMs?: number;
}

export interface DigestRunResult {
  date: string;
  outcomes: DeliveryOutcome[];
  /** 0: every channel has its digest (or dry run); 1: some did not (a later run delivers only those). */
  exitCode: 0 | 1;
}

function describeOutcome(outcome: DeliveryOutcome): string {
  const { cli } = digestStrings;
  switch (outcome.status) {
    case 'posted':
      return outcome.recovered ? cli.recovered(outcome.channelId, outcome.ts) : cli.posted(outcome.channelId, outcome.ts);
    case 'already-delivered':
      return cli.alreadyDelivered(outcome.channelId);
    case 'in-progress':
      return cli.inProgress(outcome.channelId);
    case 'not-sent':
      return cli.notSent(outcome.channelId, digestStrings.notSent[outcome.reason]);
    case 'failed':
      return cli.failed(outcome.channelId, outcome.error);
  }
}

/** Prints each channel's digest as text; posts nothing and records nothing. */
function printDryRun(options: RunDigestOnceOptions, subscriptions: Subscription[], date: string): DigestRunResult {
  for (const s of subscriptions) {
    const { message } = prepareDigest(s, date, options.knowledge, options.store);
    options.write(digestStrings.cli.dryRunHeader(s.channelId, date));
    options.write(messageToText(message));
    options.write('');
  }
  return { date, outcomes: [], exitCode: 0 };
}

/** A failed outcome for a channel this run does not try: the budget is spent, or Slack asked us to wait. */
function notAttempted(context: DigestDeliveryContext, subscription: Subscription, date: string): DeliveryOutcome | null {
  const now = context.clock();
  const { channelId } = subscription;
  const delivery = context.store.getDelivery(channelId, date);
  const waitUntil = pendingRetryAfter(delivery, now);
  if (waitUntil) return { status: 'failed', channelId, date, error: digestStrings.failures.waitingForSlack(formatWhen(waitUntil, subscription.timeZone)), permanent: false, retryAfter: waitUntil };
  const spent = context.deadline && now.getTime() >= context.deadline.getTime();
  if (spent && delivery?.state !== 'posted') return { status: 'failed', channelId, date, error: digestStrings.failures.notAttemptedTimeLimit, permanent: false };
  return null;
}

/**
 * Delivers, and when another process (the bot, a second cron job) holds the channel's claim, looks
 * again until it has finished (posted: nothing to do; failed or died: this run takes over) or the
 * budget ends, so that the exit code reflects whether the channel has its digest.
 */
async function deliverOrWaitForOther(context: DigestDeliveryContext, subscription: Subscription, date: string, sleep: Sleep): Promise<DeliveryOutcome> {
  let outcome = notAttempted(context, subscription, date) ?? (await deliverSubscriptionDigest(context, subscription, date));
  while (outcome.status === 'in-progress' && context.deadline && context.clock().getTime() + IN_PROGRESS_POLL_MS < context.deadline.getTime()) {
    await sleep(IN_PROGRESS_POLL_MS);
    outcome = await deliverSubscriptionDigest(context, subscription, date);
  }
  return outcome;
}

export async function runDigestOnce(options: RunDigestOnceOptions): Promise<DigestRunResult> {
  const { store, config, clock, write } = options;
  const started = clock();
  const date = options.date ?? localDate(started, config.digest.timeZone);
  const subscriptions = effectiveSubscriptions(store.listSubscriptions(), config.digest);
  if (subscriptions.length === 0) write(digestStrings.cli.noChannels);
  if (options.dryRun) return printDryRun(options, subscriptions, date);

  if (!options.client) throw new Error('runDigestOnce needs a Web API client unless dryRun is set');
  const context: DigestDeliveryContext = {
    client: options.client,
    store,
    knowledge: options.knowledge,
    config,
    clock,
    owner: newOwnerId('digest-once'),
    logger: options.logger ?? silentLogger,
    deadline: new Date(started.getTime() + (options.budgetMs ?? ONE_SHOT_BUDGET_MS)),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  };
  const outcomes: DeliveryOutcome[] = [];
  for (const subscription of subscriptions) {
    const outcome = await deliverOrWaitForOther(context, subscription, date, options.sleep ?? realSleep);
    outcomes.push(outcome);
    write(describeOutcome(outcome));
  }
  // A channel that unsubscribed during the run is owed nothing.
  const allDelivered = outcomes.every((o) => o.status === 'posted' || o.status === 'already-delivered' || (o.status === 'not-sent' && o.reason === 'unsubscribed'));
  return { date, outcomes, exitCode: allDelivered ? 0 : 1 };
}
