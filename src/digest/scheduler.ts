/**
 * The running bot's digest clock: every ~30 s it posts the digest of each subscribed channel whose
 * time has come today (in the channel's zone) and has not had it. On start the first tick runs at
 * once, which is the catch-up after downtime: today's digest if its time has passed, never
 * yesterday's.
 */
import os from 'node:os';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { renderDigestBlocks } from '../slack/blocks/digest';
import type { Store } from '../store/sqlite';
import { composeDigest, digestContent } from './compose';
import { deliverDigest, silentLogger, type DeliveryOutcome, type DigestLogger, type RetryPolicy, type Sleep, type WebClient } from './deliver';
import { currentKnowledge, effectiveSubscriptions, newOwnerId, owedSince, type KnowledgeSource } from './subscriptions';
import { dueDate } from './time';

export const TICK_MS = 30_000;
/** After a failure that may pass (rate limits, outages), the scheduler tries again this much later. */
export const RETRY_FAILED_AFTER_MS = 5 * 60_000;

/** Schedules `callback` after `ms`; returns a cancel function. */
export type SetTimer = (callback: () => void, ms: number) => () => void;

export const realSetTimer: SetTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
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
}

/** One tick: delivers every digest owed right now; returns what happened to each attempted channel. */
export async function runDueDigests(deps: DigestRunDependencies): Promise<DeliveryOutcome[]> {
  const { store, clock } = deps;
  const owner = deps.owner ?? newOwnerId(`bot@${os.hostname()}`);
  const outcomes: DeliveryOutcome[] = [];
  const now = clock();
  for (const subscription of effectiveSubscriptions(store.listSubscriptions(), deps.config.digest, now)) {
    const date = dueDate({ time: subscription.time, timeZone: subscription.timeZone, since: owedSince(subscription) }, now);
    if (!date) continue;
    const previous = store.getDelivery(subscription.channelId, date);
    if (previous?.state === 'posted') continue;
    if (previous?.state === 'failed' && previous.permanentError) continue;
    if (previous?.state === 'failed' && now.getTime() - previous.updatedAt.getTime() < RETRY_FAILED_AFTER_MS) continue;
    const outcome = await deliverDigest({
      client: deps.client,
      store,
      channelId: subscription.channelId,
      date,
      owner,
      clock,
      logger: deps.logger ?? silentLogger,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.retry ? { retry: deps.retry } : {}),
      prepare: () => {
        const digest = composeDigest({ date, channelId: subscription.channelId, timeZone: subscription.timeZone, knowledge: currentKnowledge(deps.knowledge), store });
        return { message: renderDigestBlocks(digest), content: digestContent(digest) };
      },
    });
    outcomes.push(outcome);
  }
  return outcomes;
}

export interface StartDigestSchedulerOptions extends DigestRunDependencies {
  setTimer?: SetTimer;
  tickMs?: number;
}

export interface DigestScheduler {
  /** Stops ticking and waits for a delivery in progress to finish. */
  stop(): Promise<void>;
  /** Runs a tick now (tests; also what the timer calls). Overlapping calls share the running tick. */
  tick(): Promise<void>;
}

export function startDigestScheduler(options: StartDigestSchedulerOptions): DigestScheduler {
  const logger = options.logger ?? silentLogger;
  const setTimer = options.setTimer ?? realSetTimer;
  const tickMs = options.tickMs ?? TICK_MS;
  const owner = options.owner ?? newOwnerId(`bot@${os.hostname()}`);
  const { digest } = options.config;
  options.store.syncConfigSubscriptions(digest.channels, digest.time, digest.timeZone, options.clock());

  let stopped = false;
  let cancelTimer: (() => void) | null = null;
  let running: Promise<void> | null = null;

  const tick = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        await runDueDigests({ ...options, owner, logger });
      } catch (error) {
        logger.error('digest scheduler tick failed', error);
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = (): void => {
    if (stopped) return;
    cancelTimer = setTimer(() => {
      void tick().then(schedule);
    }, tickMs);
  };

  void tick().then(schedule);

  return {
    tick,
    async stop() {
      stopped = true;
      cancelTimer?.();
      cancelTimer = null;
      await running;
    },
  };
}
