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
import { digestStrings } from '../strings/digest';

export type WebClient = webApi.WebClient;

export const DIGEST_EVENT_TYPE = 'alibaba_digest';

/** Waits `ms`; a sleep that honours `signal` may end early when it aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

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

/**
 * Platform errors that pass with time, so they are retried. Every other one (channel_not_found,
 * not_in_channel, is_archived, invalid_auth…) says something is wrong with the channel or the app:
 * retrying cannot help, so it fails the delivery at once and flags the channel.
 */
const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** A Web API client for digests: Slack's URL or `SLACK_API_URL`, no built-in retries, a request timeout. */
export function createDigestWebClient(slack: Pick<SlackConfig, 'botToken' | 'apiUrl'>, options: { timeoutMs?: number } = {}): WebClient {
  return new webApi.WebClient(slack.botToken, {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    logLevel: webApi.LogLevel.ERROR,
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
      return { kind: 'rate-limited', retryAfterMs: Math.max(0, Number(coded.retryAfter ?? 1)) * 1000, description: digestStrings.failures.rateLimited(coded.retryAfter ?? null) };
    case webApi.ErrorCode.HTTPError:
      return { kind: 'transient', mayHavePosted: true, description: digestStrings.failures.http(coded.statusCode ?? null) };
    case webApi.ErrorCode.RequestError:
      return { kind: 'transient', mayHavePosted: true, description: digestStrings.failures.network(coded.message ?? null) };
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

/** Thrown when the history could not be read to the end in time: whether it holds the digest is unknown, so do not post. */
export class HistoryLookupIncomplete extends Error {
  constructor() {
    super(digestStrings.failures.historyIncomplete);
    this.name = 'HistoryLookupIncomplete';
  }
}

function isTaggedDigest(message: HistoryMessage, channelId: string, date: string): boolean {
  const payload = message.metadata?.event_payload;
  return message.metadata?.event_type === DIGEST_EVENT_TYPE && payload?.date === date && payload?.channel === channelId && Boolean(message.ts);
}

/**
 * The ts of this date's digest in the channel's recent history, if an earlier attempt did post it.
 * `mayContinue` is asked before each further page (the one-shot command's time budget).
 */
export async function findPostedDigest(client: WebClient, channelId: string, date: string, oldest: Date, mayContinue: () => boolean = () => true): Promise<string | null> {
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page += 1) {
    if (page > 0 && !mayContinue()) throw new HistoryLookupIncomplete();
    const response = await client.conversations.history({
      channel: channelId,
      oldest: (oldest.getTime() / 1000).toFixed(6),
      limit: 200,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    const found = ((response.messages ?? []) as HistoryMessage[]).find((message) => isTaggedDigest(message, channelId, date));
    if (found?.ts) return found.ts;
    cursor = response.response_metadata?.next_cursor || undefined;
    // Past HISTORY_PAGES pages (1,000 messages since the first attempt) the digest is taken as not posted.
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
  /**
   * Asked before every try: false when the channel unsubscribed meanwhile (the delivery may have
   * been claimed before, and waited out a rate limit since). Default: always wanted.
   */
  stillWanted?: () => boolean;
  /** Aborted when the bot stops: no new try starts and a wait ends at once. */
  signal?: AbortSignal;
}

export type NotSentReason = 'unsubscribed' | 'stopped';

export type DeliveryOutcome =
  | { status: 'posted'; channelId: string; date: string; ts: string; /** Found already posted in history after an unconfirmed attempt. */ recovered: boolean }
  | { status: 'already-delivered'; channelId: string; date: string; ts: string | null }
  | { status: 'in-progress'; channelId: string; date: string }
  /** Given up without posting, on purpose: nothing is owed any more (unsubscribed) or the bot is stopping. */
  | { status: 'not-sent'; channelId: string; date: string; reason: NotSentReason }
  | { status: 'failed'; channelId: string; date: string; error: string; permanent: boolean; retryAfter?: Date };

/** Resolves after `ms`, or as soon as `signal` aborts, whichever comes first. */
function sleepUnlessAborted(sleep: Sleep, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    sleep(ms, signal).then(done, done);
  });
}

/** Posts the digest tagged with metadata (event type and date), which is what the history lookup finds. */
async function postTaggedDigest(client: WebClient, channelId: string, date: string, message: SlackMessage): Promise<string> {
  const response = await client.chat.postMessage({
    channel: channelId,
    text: message.text,
    blocks: message.blocks,
    metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { date, channel: channelId } },
    unfurl_links: false,
    unfurl_media: false,
  });
  return response.ts ?? '';
}

type RetryDecision = { retry: true; waitMs: number } | { retry: false; error: string; retryAfter?: Date };

/** After a failed try that may pass: wait and try again, or give up for this run. */
function decideRetry(failure: Exclude<FailureKind, { kind: 'permanent' }>, attempt: number, policy: RetryPolicy, nowMs: number, deadlineMs: number): RetryDecision {
  const waitMs = failure.kind === 'rate-limited' ? failure.retryAfterMs : policy.backoffMs(attempt);
  // Slack's Retry-After is remembered when giving up, so that no later run tries before it.
  const retryAfter = failure.kind === 'rate-limited' ? { retryAfter: new Date(nowMs + waitMs) } : {};
  if (attempt >= policy.maxAttempts) return { retry: false, error: digestStrings.failures.gaveUpAfterAttempts(failure.description, attempt), ...retryAfter };
  // A wait longer than what is left of the budget (Retry-After: 3600) is not waited at all:
  // this run gives up now and a later one delivers.
  if (nowMs + waitMs > deadlineMs) return { retry: false, error: digestStrings.failures.gaveUpTimeLimit(failure.description), ...retryAfter };
  return { retry: true, waitMs };
}

export async function deliverDigest(options: DeliverDigestOptions): Promise<DeliveryOutcome> {
  const { client, store, channelId, date, owner, clock, signal } = options;
  const sleep = options.sleep ?? realSleep;
  const logger = options.logger ?? silentLogger;
  const stillWanted = options.stillWanted ?? (() => true);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const started = clock();
  const deadline = Math.min(started.getTime() + policy.maxTotalMs, options.deadline?.getTime() ?? Infinity);

  if (signal?.aborted) return { status: 'not-sent', channelId, date, reason: 'stopped' };
  const claim = store.claimDelivery(channelId, date, owner, started, options.leaseMs ?? CLAIM_LEASE_MS);
  if (claim.kind === 'already-posted') return { status: 'already-delivered', channelId, date, ts: claim.delivery.messageTs };
  if (claim.kind === 'busy') return { status: 'in-progress', channelId, date };

  const fail = (error: string, permanent: boolean, retryAfter?: Date): DeliveryOutcome => {
    store.markFailed(channelId, date, owner, { error, permanent, retryAfter: retryAfter ?? null }, clock());
    if (permanent) store.flagChannel(channelId, error, clock());
    logger[permanent ? 'error' : 'warn'](`digest ${date} for ${channelId} failed: ${error}`);
    return { status: 'failed', channelId, date, error, permanent, ...(retryAfter ? { retryAfter } : {}) };
  };
  const giveUp = (reason: NotSentReason): DeliveryOutcome => {
    store.abandonClaim(channelId, date, owner, digestStrings.notSent[reason], clock());
    logger.info(`digest ${date} for ${channelId} not sent: ${reason}`);
    return { status: 'not-sent', channelId, date, reason };
  };
  const recordPosted = (ts: string, recovered: boolean): DeliveryOutcome => {
    store.markPosted(channelId, date, ts, clock());
    logger.info(recovered ? `digest ${date} for ${channelId} was already posted (${ts}); recorded it` : `digest ${date} posted to ${channelId} (${ts})`);
    return { status: 'posted', channelId, date, ts, recovered };
  };

  let prepared: PreparedDigest;
  try {
    prepared = options.prepare();
  } catch (error) {
    return fail(digestStrings.failures.composeFailed(error instanceof Error ? error.message : String(error)), false);
  }

  // An earlier holder's attempt may have reached Slack without being recorded (a crash or an
  // ambiguous failure): look before posting.
  let mustCheckHistory = claim.delivery.attempts > 0;
  const historyFrom = new Date((claim.delivery.firstAttemptAt ?? started).getTime() - HISTORY_MARGIN_MS);
  const withinDeadline = () => clock().getTime() < deadline;

  for (let attempt = 1; ; attempt += 1) {
    if (signal?.aborted) return giveUp('stopped');
    if (!stillWanted()) return giveUp('unsubscribed');
    let posting = false;
    try {
      if (mustCheckHistory) {
        const ts = await findPostedDigest(client, channelId, date, historyFrom, withinDeadline);
        if (ts) return recordPosted(ts, true);
        mustCheckHistory = false;
      }
      // Lost the claim while waiting (the lease ran out and another deliverer took over): it posts, not us.
      if (!store.recordAttempt(channelId, date, owner, prepared.content, clock())) return { status: 'in-progress', channelId, date };
      posting = true;
      return recordPosted(await postTaggedDigest(client, channelId, date, prepared.message), false);
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind === 'permanent') return fail(failure.description, true);
      if (posting) mustCheckHistory = failure.kind === 'transient' && failure.mayHavePosted;
      const decision = decideRetry(failure, attempt, policy, clock().getTime(), deadline);
      if (!decision.retry) return fail(decision.error, false, decision.retryAfter);
      logger.warn(`digest ${date} for ${channelId}: ${failure.description}; retrying in ${decision.waitMs} ms`);
      store.renewClaim(channelId, date, owner, clock());
      await sleepUnlessAborted(sleep, decision.waitMs, signal);
    }
  }
}
