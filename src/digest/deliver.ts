/**
 * Posting one channel's digest for one date, exactly once.
 *
 * Retry policy: our own, around a WebClient whose built-in retries are off (`retries: 0`,
 * `rejectRateLimitedCalls: true`). The built-in policy (p-retry, ten tries over up to half an hour,
 * sleeping on 429 inside the client) can neither be bounded by a deadline nor tell us whether a
 * failed attempt may have reached Slack, and both matter here: the one-shot command must finish
 * within a minute, and a post that may have gone through (5xx, network error, timeout) is looked
 * for in the channel's history before it is sent again.
 */
import { webApi } from '@slack/bolt';
import type { Clock } from '../clock';
import type { SlackConfig } from '../config';
import type { SlackMessage } from '../slack/blocks/message';
import type { DeliveryContent, Store } from '../store/sqlite';

export type WebClient = webApi.WebClient;

export const DIGEST_EVENT_TYPE = 'alibaba_digest';

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loggers of Bolt, console, or a test: anything with these methods. */
export interface DigestLogger {
  info(...message: unknown[]): void;
  warn(...message: unknown[]): void;
  error(...message: unknown[]): void;
}
export const silentLogger: DigestLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface RetryPolicy {
  /** Tries per delivery (each a history check when needed, then a post). */
  maxAttempts: number;
  /** Longest a delivery may take, waits included. */
  maxTotalMs: number;
  /** Wait before try n+1 after a 5xx or network error (a 429 waits its Retry-After instead). */
  backoffMs: (failedAttempt: number) => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxTotalMs: 40_000,
  backoffMs: (failedAttempt) => 1000 * 2 ** (failedAttempt - 1),
};

/** A claim older than this (without renewal) belongs to a deliverer that died: another may take over. */
export const CLAIM_LEASE_MS = 120_000;
/** How far before the first attempt the history is searched for an earlier post. */
const HISTORY_MARGIN_MS = 15 * 60_000;
const HISTORY_PAGES = 5;

/** Errors that say something is wrong with the channel or the app, not with the moment: no retry. */
const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** A Web API client for digests: Slack's URL or `SLACK_API_URL`, no built-in retries, a request timeout. */
export function createDigestWebClient(slack: Pick<SlackConfig, 'botToken' | 'apiUrl'>, options: { timeoutMs?: number; logLevel?: webApi.LogLevel } = {}): WebClient {
  return new webApi.WebClient(slack.botToken, {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    logLevel: options.logLevel ?? webApi.LogLevel.ERROR,
  });
}

export type FailureKind =
  | { kind: 'rate-limited'; retryAfterMs: number; description: string }
  /** `mayHavePosted`: Slack might have acted on the request (5xx, timeout, dropped connection). */
  | { kind: 'transient'; mayHavePosted: boolean; description: string }
  | { kind: 'permanent'; code: string; description: string };

export function classifyError(error: unknown): FailureKind {
  const coded = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  switch (coded?.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { kind: 'rate-limited', retryAfterMs: Math.max(0, Number(coded.retryAfter ?? 1)) * 1000, description: `rate limited (Retry-After ${coded.retryAfter ?? '?'} s)` };
    case webApi.ErrorCode.HTTPError:
      return { kind: 'transient', mayHavePosted: true, description: `HTTP ${coded.statusCode ?? '?'}` };
    case webApi.ErrorCode.RequestError:
      return { kind: 'transient', mayHavePosted: true, description: `network error: ${coded.message ?? 'request failed'}` };
    case webApi.ErrorCode.PlatformError: {
      const code = coded.data?.error ?? 'unknown_error';
      if (TRANSIENT_PLATFORM_ERRORS.has(code)) return { kind: 'transient', mayHavePosted: code !== 'ratelimited', description: code };
      return { kind: 'permanent', code, description: code };
    }
    default:
      return { kind: 'transient', mayHavePosted: true, description: coded?.message ?? String(error) };
  }
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The ts of this date's digest in the channel's recent history, if an earlier attempt did post it. */
export async function findPostedDigest(client: WebClient, channelId: string, date: string, oldest: Date): Promise<string | null> {
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page += 1) {
    const response = await client.conversations.history({
      channel: channelId,
      oldest: (oldest.getTime() / 1000).toFixed(6),
      limit: 200,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of (response.messages ?? []) as HistoryMessage[]) {
      const payload = message.metadata?.event_payload;
      if (message.metadata?.event_type === DIGEST_EVENT_TYPE && payload?.date === date && payload?.channel === channelId && message.ts) return message.ts;
    }
    cursor = response.response_metadata?.next_cursor || undefined;
    if (!response.has_more || !cursor) break;
  }
  return null;
}

export interface PreparedDigest {
  message: SlackMessage;
  content: DeliveryContent;
}

export interface DeliverDigestOptions {
  client: WebClient;
  store: Store;
  channelId: string;
  date: string;
  /** Composes the digest; called only once the claim is held, so delivered channels cost nothing. */
  prepare: () => PreparedDigest;
  /** Who holds the claim (unique per process and run). */
  owner: string;
  clock: Clock;
  sleep?: Sleep;
  logger?: DigestLogger;
  retry?: Partial<RetryPolicy>;
  /** No new try starts after this instant (the one-shot command's overall budget). */
  deadline?: Date;
  leaseMs?: number;
}

export type DeliveryOutcome =
  | { status: 'posted'; channelId: string; date: string; ts: string; /** Found already posted in history after an unconfirmed attempt. */ recovered: boolean }
  | { status: 'already-delivered'; channelId: string; date: string; ts: string | null }
  | { status: 'in-progress'; channelId: string; date: string }
  | { status: 'failed'; channelId: string; date: string; error: string; permanent: boolean };

export async function deliverDigest(options: DeliverDigestOptions): Promise<DeliveryOutcome> {
  const { client, store, channelId, date, owner, clock } = options;
  const sleep = options.sleep ?? realSleep;
  const logger = options.logger ?? silentLogger;
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const started = clock();
  const deadline = Math.min(started.getTime() + policy.maxTotalMs, options.deadline?.getTime() ?? Infinity);

  const claim = store.claimDelivery(channelId, date, owner, started, options.leaseMs ?? CLAIM_LEASE_MS);
  if (claim.kind === 'already-posted') return { status: 'already-delivered', channelId, date, ts: claim.delivery.messageTs };
  if (claim.kind === 'busy') return { status: 'in-progress', channelId, date };

  const fail = (error: string, permanent: boolean): DeliveryOutcome => {
    store.markFailed(channelId, date, owner, error, permanent, clock());
    if (permanent) store.flagChannel(channelId, error, clock());
    logger[permanent ? 'error' : 'warn'](`digest ${date} for ${channelId} failed: ${error}`);
    return { status: 'failed', channelId, date, error, permanent };
  };

  let prepared: PreparedDigest;
  try {
    prepared = options.prepare();
  } catch (error) {
    return fail(`could not compose the digest: ${error instanceof Error ? error.message : String(error)}`, false);
  }

  // An earlier holder's attempt may have reached Slack without being recorded (a crash or an
  // ambiguous failure): look before posting.
  let mustCheckHistory = claim.delivery.attempts > 0;
  const historyFrom = new Date((claim.delivery.firstAttemptAt ?? started).getTime() - HISTORY_MARGIN_MS);

  for (let attempt = 1; ; attempt += 1) {
    let posting = false;
    try {
      if (mustCheckHistory) {
        const ts = await findPostedDigest(client, channelId, date, historyFrom);
        if (ts) {
          store.markPosted(channelId, date, ts, clock());
          logger.info(`digest ${date} for ${channelId} was already posted (${ts}); recorded it`);
          return { status: 'posted', channelId, date, ts, recovered: true };
        }
        mustCheckHistory = false;
      }
      // Lost the claim while waiting (the lease ran out and another deliverer took over): it posts, not us.
      if (!store.recordAttempt(channelId, date, owner, prepared.content, clock())) return { status: 'in-progress', channelId, date };
      posting = true;
      const response = await client.chat.postMessage({
        channel: channelId,
        text: prepared.message.text,
        blocks: prepared.message.blocks,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { date, channel: channelId } },
        unfurl_links: false,
        unfurl_media: false,
      });
      const ts = response.ts ?? '';
      store.markPosted(channelId, date, ts, clock());
      logger.info(`digest ${date} posted to ${channelId} (${ts})`);
      return { status: 'posted', channelId, date, ts, recovered: false };
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind === 'permanent') return fail(failure.description, true);
      if (posting) mustCheckHistory = failure.kind === 'transient' && failure.mayHavePosted;
      if (attempt >= policy.maxAttempts) return fail(`${failure.description} (gave up after ${attempt} attempts)`, false);
      const wait = failure.kind === 'rate-limited' ? failure.retryAfterMs : policy.backoffMs(attempt);
      if (clock().getTime() + wait > deadline) return fail(`${failure.description} (gave up: retrying would pass the time limit)`, false);
      logger.warn(`digest ${date} for ${channelId}: ${failure.description}; retrying in ${wait} ms`);
      store.renewClaim(channelId, date, owner, clock());
      await sleep(wait);
    }
  }
}
