/**
 * The running bot's digest clock: every ~30 s it posts the digest of each subscribed channel whose
 * time has come today (in the channel's zone) and has not had it. On start the first tick runs at
 * once, which is the catch-up after downtime: today's digest if its time has passed, never
 * yesterday's.
 */
import os from 'node:os';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Delivery, Store, Subscription } from '../store/sqlite';
import { deliverSubscriptionDigest, failedForGood, pendingRetryAfter, type DigestDeliveryContext } from './channel-digest';
import { silentLogger, type DeliveryOutcome, type DigestLogger, type RetryPolicy, type Sleep, type WebClient } from './deliver';
import { effectiveSubscriptions, newOwnerId, owedSince, type KnowledgeSource } from './subscriptions';
import { dueDate } from './time';

export const TICK_MS = 30_000;
/** After a failure that may pass (an outage), the scheduler tries again this much later (a rate limit waits its Retry-After). */
export const RETRY_FAILED_AFTER_MS = 5 * 60_000;

/** Schedules `callback` after `ms`; returns a cancel function. */
export type SetTimer = (callback: () => void, ms: number) => () => void;

export const realSetTimer: SetTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  // The bot's connection keeps the process alive, not the digest clock.
  timer.unref();
  return () => clearTimeout(timer);
};

export interface DigestRunDependencies {
  client: WebClient;
  store: Store;
  knowledge: KnowledgeSource;
  config: Pick<Config, 'digest'>;
  clock: Clock;
  logger?: DigestLogger;
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  /** Identifies this process's claims (default: host, pid and a random part). */
  owner?: string;
  /** Aborted when the bot stops: the tick ends without starting another post. */
  signal?: AbortSignal;
}

/**
 * Whether the scheduler should try (again) now. A permanent error (the bot was removed, the
 * channel archived) waits for the next day, or for the channel to subscribe again once fixed.
 */
function worthTryingNow(previous: Delivery | null, subscription: Subscription, now: Date): boolean {
  if (!previous) return true;
  if (previous.state === 'posted') return false;
  if (previous.state === 'claimed') return true;
  // Subscribing again after a permanent failure is the fix: try at once.
  if (previous.permanentError) return !failedForGood(previous, subscription);
  if (pendingRetryAfter(previous, now)) return false;
  return previous.retryAfter !== null || now.getTime() - previous.updatedAt.getTime() >= RETRY_FAILED_AFTER_MS;
}

/** The (subscription, date) pairs owed a digest at `now`. */
function owedDeliveries(deps: Pick<DigestRunDependencies, 'store' | 'config'>, now: Date): Array<{ subscription: Subscription; date: string }> {
  const owed: Array<{ subscription: Subscription; date: string }> = [];
  for (const subscription of effectiveSubscriptions(deps.store.listSubscriptions(), deps.config.digest)) {
    const date = dueDate({ time: subscription.time, timeZone: subscription.timeZone, since: owedSince(subscription) }, now);
    if (date && worthTryingNow(deps.store.getDelivery(subscription.channelId, date), subscription, now)) owed.push({ subscription, date });
  }
  return owed;
}

/** One tick: delivers every digest owed right now; returns what happened to each attempted channel. */
export async function runDueDigests(deps: DigestRunDependencies): Promise<DeliveryOutcome[]> {
  const context: DigestDeliveryContext = {
    ...deps,
    owner: deps.owner ?? newOwnerId(`bot@${os.hostname()}`),
    logger: deps.logger ?? silentLogger,
  };
  const outcomes: DeliveryOutcome[] = [];
  for (const { subscription, date } of owedDeliveries(deps, deps.clock())) {
    if (deps.signal?.aborted) break;
    outcomes.push(await deliverSubscriptionDigest(context, subscription, date));
  }
  return outcomes;
}

export interface StartDigestSchedulerOptions extends Omit<DigestRunDependencies, 'signal'> {
  setTimer?: SetTimer;
  tickMs?: number;
}

export interface DigestScheduler {
  /**
   * Stops ticking: no post starts after this is called (a wait for Slack ends at once; a request
   * already on the wire is awaited). Resolves once the tick in progress, if any, has ended.
   */
  stop(): Promise<void>;
  /** Runs a tick now (tests; also what the timer calls). Overlapping calls share the running tick; after stop() it does nothing. */
  tick(): Promise<void>;
}

export function startDigestScheduler(options: StartDigestSchedulerOptions): DigestScheduler {
  const logger = options.logger ?? silentLogger;
  const setTimer = options.setTimer ?? realSetTimer;
  const tickMs = options.tickMs ?? TICK_MS;
  const owner = options.owner ?? newOwnerId(`bot@${os.hostname()}`);
  const stopping = new AbortController();
  const { digest } = options.config;

  let cancelTimer: (() => void) | null = null;
  let running: Promise<void> | null = null;
  // Stored on the first tick that can write, not when starting: a database locked at that moment
  // must not make the bot fail to start (deliveries read the configuration meanwhile).
  let configStored = false;

  const tick = (): Promise<void> => {
    if (stopping.signal.aborted) return Promise.resolve();
    if (running) return running;
    running = (async () => {
      try {
        if (!configStored) {
          options.store.syncConfigSubscriptions(digest.channels, digest.time, digest.timeZone, options.clock());
          configStored = true;
        }
        await runDueDigests({ ...options, owner, logger, signal: stopping.signal });
      } catch (error) {
        // Logged, never fatal: the next tick tries again.
        logger.error('digest scheduler tick failed', error);
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  // The next tick is scheduled only once this one has ended, so ticks never overlap.
  const tickThenScheduleNext = (): void => {
    void tick().then(() => {
      if (stopping.signal.aborted) return;
      cancelTimer = setTimer(tickThenScheduleNext, tickMs);
    });
  };
  tickThenScheduleNext();

  return {
    tick,
    async stop() {
      stopping.abort();
      cancelTimer?.();
      cancelTimer = null;
      await running;
    },
  };
}
