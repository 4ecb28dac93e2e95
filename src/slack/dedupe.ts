/**
 * Remembers recently handled deliveries so each question is answered once: Slack redelivers events it
 * thinks timed out (same event_id, X-Slack-Retry-Num) and a channel mention can arrive both as
 * app_mention and as message (same channel and ts).
 */
import type { Clock } from '../clock';

export interface RecentDeliveries {
  /** True the first time any of these keys is seen (and records them all); false for a repeat. */
  claim(keys: ReadonlyArray<string | null | undefined>): boolean;
}

export function createRecentDeliveries(clock: Clock, options: { ttlMs?: number; maxEntries?: number } = {}): RecentDeliveries {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 20_000;
  // Map iteration order is insertion order, so the oldest entries come first when pruning.
  const seenAt = new Map<string, number>();
  const prune = (now: number): void => {
    for (const [key, at] of seenAt) {
      if (now - at <= ttlMs && seenAt.size <= maxEntries) break;
      seenAt.delete(key);
    }
  };
  return {
    claim(keys) {
      const now = clock().getTime();
      prune(now);
      const present = keys.filter((k): k is string => typeof k === 'string' && k.length > 0);
      if (present.some((k) => seenAt.has(k))) return false;
      for (const key of present) seenAt.set(key, now);
      return true;
    },
  };
}

export function eventKey(eventId: unknown): string | null {
  return typeof eventId === 'string' && eventId ? `event:${eventId}` : null;
}

export function messageKey(channel: unknown, ts: unknown): string | null {
  return typeof channel === 'string' && typeof ts === 'string' && channel && ts ? `message:${channel}:${ts}` : null;
}
