/** Which channels get a digest, when: Slack subscriptions plus the configuration's DIGEST_CHANNELS. */
import type { DigestConfig } from '../config';
import type { KnowledgeBase } from '../knowledge/types';
import type { Subscription } from '../store/sqlite';

/** The knowledge base, or a getter for the current one when it can be reloaded. */
export type KnowledgeSource = KnowledgeBase | (() => KnowledgeBase);

export function currentKnowledge(source: KnowledgeSource): KnowledgeBase {
  return typeof source === 'function' ? source() : source;
}

/**
 * Stored subscriptions plus configured channels that are not stored yet (the one-shot command
 * reads the configuration without writing it; the running bot stores it on start). A channel's
 * own Slack subscription wins over the configuration's default time.
 */
export function effectiveSubscriptions(stored: readonly Subscription[], digest: DigestConfig, now: Date): Subscription[] {
  const byChannel = new Map(stored.map((s) => [s.channelId, s]));
  for (const channelId of digest.channels) {
    if (!byChannel.has(channelId)) {
      byChannel.set(channelId, { channelId, time: digest.time, timeZone: digest.timeZone, source: 'config', createdBy: null, createdAt: now, updatedAt: now });
    }
  }
  return [...byChannel.values()].sort((a, b) => a.channelId.localeCompare(b.channelId));
}

/**
 * From when a subscription is owed digests: a Slack subscription made after today's time starts
 * tomorrow; configured channels are always owed today's (a first start after the time posts it).
 */
export function owedSince(subscription: Subscription): Date | undefined {
  return subscription.source === 'slack' ? subscription.updatedAt : undefined;
}

export function newOwnerId(prefix: string): string {
  return `${prefix}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
}
