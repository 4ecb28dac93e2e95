/**
 * One round of digests for one date, for the one-shot command: every subscribed channel that has
 * not had that date's digest gets it; channels already delivered are left alone, so running it
 * again (by cron, or by hand after a failure) delivers only what is missing. The whole round stays
 * within a time budget so the command ends within a minute even when Slack keeps failing.
 */
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { KnowledgeBase } from '../knowledge/types';
import { renderDigestBlocks } from '../slack/blocks/digest';
import type { Store } from '../store/sqlite';
import { digestStrings } from '../strings/digest';
import { composeDigest, digestContent } from './compose';
import { deliverDigest, silentLogger, type DeliveryOutcome, type DigestLogger, type RetryPolicy, type Sleep, type WebClient } from './deliver';
import { effectiveSubscriptions, newOwnerId } from './subscriptions';
import { renderDigestText } from './text';
import { localDate } from './time';

/**
 * No try starts after this much time. A try is at most a history lookup and a post, each cut off by
 * the client's 10 s request timeout, so even against a Slack that never answers the command ends
 * within about 30 + 20 s, plus start-up: inside the minute.
 */
export const ONE_SHOT_BUDGET_MS = 30_000;

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

export async function runDigestOnce(options: RunDigestOnceOptions): Promise<DigestRunResult> {
  const { store, config, clock, write } = options;
  const started = clock();
  const date = options.date ?? localDate(started, config.digest.timeZone);
  const subscriptions = effectiveSubscriptions(store.listSubscriptions(), config.digest, started);
  if (subscriptions.length === 0) write(digestStrings.cli.noChannels);

  if (options.dryRun) {
    for (const s of subscriptions) {
      const digest = composeDigest({ date, channelId: s.channelId, timeZone: s.timeZone, knowledge: options.knowledge, store });
      write(digestStrings.cli.dryRunHeader(s.channelId, date));
      write(renderDigestText(digest));
      write('');
    }
    return { date, outcomes: [], exitCode: 0 };
  }

  const client = options.client;
  if (!client) throw new Error('runDigestOnce needs a Web API client unless dryRun is set');
  const deadline = new Date(started.getTime() + (options.budgetMs ?? ONE_SHOT_BUDGET_MS));
  const owner = newOwnerId('digest-once');
  const outcomes: DeliveryOutcome[] = [];
  for (const s of subscriptions) {
    if (clock().getTime() >= deadline.getTime() && store.getDelivery(s.channelId, date)?.state !== 'posted') {
      write(digestStrings.cli.skipped(s.channelId));
      outcomes.push({ status: 'failed', channelId: s.channelId, date, error: 'time limit reached', permanent: false });
      continue;
    }
    const outcome = await deliverDigest({
      client,
      store,
      channelId: s.channelId,
      date,
      owner,
      clock,
      deadline,
      logger: options.logger ?? silentLogger,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      prepare: () => {
        const digest = composeDigest({ date, channelId: s.channelId, timeZone: s.timeZone, knowledge: options.knowledge, store });
        return { message: renderDigestBlocks(digest), content: digestContent(digest) };
      },
    });
    outcomes.push(outcome);
    switch (outcome.status) {
      case 'posted':
        write(outcome.recovered ? digestStrings.cli.recovered(s.channelId, outcome.ts) : digestStrings.cli.posted(s.channelId, outcome.ts));
        break;
      case 'already-delivered':
        write(digestStrings.cli.alreadyDelivered(s.channelId));
        break;
      case 'in-progress':
        write(digestStrings.cli.inProgress(s.channelId));
        break;
      case 'failed':
        write(digestStrings.cli.failed(s.channelId, outcome.error));
        break;
    }
  }
  const allDelivered = outcomes.every((o) => o.status === 'posted' || o.status === 'already-delivered');
  return { date, outcomes, exitCode: allDelivered ? 0 : 1 };
}
