/**
 * The one delivery routine behind both the running bot's scheduler and the one-shot command:
 * compose a subscription's digest for a date, render it, and deliver it exactly once. The two
 * callers differ only in which (channel, date) pairs they ask for and in their time budget.
 */
import type { Clock } from '../clock';
import type { Config } from '../config';
import { renderDigestBlocks } from '../slack/blocks/digest';
import type { Delivery, Store, Subscription } from '../store/sqlite';
import { digestStrings } from '../strings/digest';
import { composeDigest, digestContent } from './compose';
import { deliverDigest, type DeliveryOutcome, type DigestLogger, type PreparedDigest, type RetryPolicy, type Sleep, type WebClient } from './deliver';
import { currentKnowledge, isSubscribed, type KnowledgeSource } from './subscriptions';

export interface DigestDeliveryContext {
  client: WebClient;
  store: Store;
  knowledge: KnowledgeSource;
  config: Pick<Config, 'digest'>;
  clock: Clock;
  /** Identifies this process's claims. */
  owner: string;
  logger: DigestLogger;
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  /** No new try starts after this instant. */
  deadline?: Date;
  /** Aborted when the bot stops. */
  signal?: AbortSignal;
}

/** The digest a subscription gets for a date, as posted, with what the store records about it. */
export function prepareDigest(subscription: Pick<Subscription, 'channelId' | 'timeZone'>, date: string, knowledge: KnowledgeSource, store: Store): PreparedDigest {
  const digest = composeDigest({ date, channelId: subscription.channelId, timeZone: subscription.timeZone, knowledge: currentKnowledge(knowledge), store });
  return { message: renderDigestBlocks(digest), content: digestContent(digest) };
}

/** Slack's Retry-After for this delivery when it has not passed yet, else null. */
export function pendingRetryAfter(delivery: Delivery | null, now: Date): Date | null {
  if (delivery?.state !== 'failed' || !delivery.retryAfter) return null;
  return delivery.retryAfter.getTime() > now.getTime() ? delivery.retryAfter : null;
}

/**
 * Whether this delivery failed permanently (the bot was removed, the channel archived) since the
 * channel last (re)subscribed: it is not tried again that day unless the channel subscribes again.
 */
export function failedForGood(delivery: Delivery | null, subscription: Pick<Subscription, 'updatedAt'>): boolean {
  return delivery?.state === 'failed' && delivery.permanentError && delivery.updatedAt.getTime() >= subscription.updatedAt.getTime();
}

/**
 * Delivers one subscription's digest for `date`. Never throws: an unexpected error (the database
 * locked, a bug) becomes a failed outcome, logged, so that one channel cannot stop the others.
 */
export async function deliverSubscriptionDigest(context: DigestDeliveryContext, subscription: Subscription, date: string): Promise<DeliveryOutcome> {
  const { store, config } = context;
  const { channelId } = subscription;
  try {
    return await deliverDigest({
      client: context.client,
      store,
      channelId,
      date,
      owner: context.owner,
      clock: context.clock,
      logger: context.logger,
      prepare: () => prepareDigest(subscription, date, context.knowledge, store),
      stillWanted: () => isSubscribed(store, config.digest, channelId),
      ...(context.sleep ? { sleep: context.sleep } : {}),
      ...(context.retry ? { retry: context.retry } : {}),
      ...(context.deadline ? { deadline: context.deadline } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.logger.error(`digest ${date} for ${channelId} failed unexpectedly`, error);
    return { status: 'failed', channelId, date, error: digestStrings.failures.unexpected(message), permanent: false };
  }
}
