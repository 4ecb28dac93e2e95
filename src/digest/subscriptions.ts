/** Which channels get a digest, when: Slack subscriptions plus the configuration's DIGEST_CHANNELS. */
import type { DigestConfig } from '../config';
import type { KnowledgeBase } from '../knowledge/types';
import type { Store, Subscription } from '../store/sqlite';

/** The knowledge base, or a getter for the current one when it can be reloaded. */
export type KnowledgeSource = KnowledgeBase | (() => KnowledgeBase);

export function currentKnowledge(source: KnowledgeSource): KnowledgeBase {
  return typeof source === 'function' ? source() : source;
}

const CONFIGURED_ALL_ALONG = new Date(0);

/**
 * Stored subscriptions plus configured channels that are not stored yet (the one-shot command
 * reads the configuration without writing it; the running bot stores it on start). A channel's
 * own Slack subscription wins over the configuration's default time.
 */
export function effectiveSubscriptions(stored: readonly Subscription[], digest: DigestConfig): Subscription[] {
  const configured = new Set(digest.channels);
  // A configuration subscription stored by a bot that ran with another DIGEST_CHANNELS is not
  // this configuration's: the running bot drops it on start, the one-shot command must ignore it.
  const current = stored.filter((s) => s.source === 'slack' || configured.has(s.channelId));
  const byChannel = new Map(current.map((s) => [s.channelId, s]));
  for (const channelId of digest.channels) {
    if (!byChannel.has(channelId)) {
      // Not stored yet, so no moment of subscribing: as if configured all along.
      byChannel.set(channelId, { channelId, time: digest.time, timeZone: digest.timeZone, source: 'config', createdBy: null, createdAt: CONFIGURED_ALL_ALONG, updatedAt: CONFIGURED_ALL_ALONG });
    }
  }
  return [...byChannel.values()].sort((a, b) => a.channelId.localeCompare(b.channelId));
}

/** Whether the channel gets digests right now (asked again just before each post). */
export function isSubscribed(store: Pick<Store, 'getSubscription'>, digest: DigestConfig, channelId: string): boolean {
  const stored = store.getSubscription(channelId);
  if (stored?.source === 'slack') return true;
  return digest.channels.includes(channelId);
}

/**
 * From when a subscription is owed digests: a Slack subscription made after today's time starts
 * tomorrow; configured channels are always owed today's (a first start after the time posts it).
 * It counts from when the channel first subscribed, not from its last change: changing the time,
 * or subscribing again after fixing a permanent error, does not skip a digest still owed today.
 */
export function owedSince(subscription: Subscription): Date | undefined {
  return subscription.source === 'slack' ? subscription.createdAt : undefined;
}

export function newOwnerId(prefix: string): string {
  return `${prefix}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
}
