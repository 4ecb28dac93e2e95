/**
 * Getting a reply to Slack, whatever Slack answers: rate limits wait for Retry-After (capped, so a
 * handler never hangs for minutes), blocks Slack rejects are resent as plain text, response_url posts
 * are retried on 5xx, and every failure is logged with its context (never a token).
 */
import type { Logger, RespondArguments, RespondFn, webApi } from '@slack/bolt';

/** The longest single Retry-After the bot waits for; a longer one fails the call at once. */
export const MAX_RETRY_AFTER_MS = 30_000;
/** How many rate-limit waits one call may take before giving up. */
const RATE_LIMIT_ATTEMPTS = 2;
/** How many times a response_url post is retried after a 5xx, 429 or network error. */
const RESPOND_RETRIES = 2;
/** Slack's errors that mean the blocks (not the conversation) were the problem: resend as plain text. */
const PLAIN_TEXT_RETRY = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'invalid_attachments', 'too_many_attachments', 'block_mismatch']);
/** Slack's errors that mean the bot cannot post in the conversation at all. */
export const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cant_post_in_channel', 'restricted_action_read_only_channel', 'restricted_action_thread_only_channel', 'ekm_access_denied', 'team_access_not_granted']);

/** Where a reply was going, for log lines: event type, channel, user, thread. Never a token. */
export interface DeliveryContext {
  event: string;
  channel?: string | null | undefined;
  user?: string | null | undefined;
  thread_ts?: string | undefined;
}

export interface DeliveryOptions {
  logger: Logger;
  /** Cap on one Retry-After wait (default MAX_RETRY_AFTER_MS). */
  maxRetryAfterMs?: number;
  /** Pause between response_url attempts after a 5xx or a network error (default 500 ms, doubled each time). */
  respondBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type PostResult = { ok: true; ts: string | undefined } | { ok: false; error: string };

export interface Delivery {
  /** A Web API call with capped rate-limit waits; throws what the call throws. */
  call<T>(what: string, context: DeliveryContext, fn: () => Promise<T>): Promise<T>;
  /** chat.postMessage that never throws: retries rate limits, falls back to plain text, logs failures. */
  postMessage(client: webApi.WebClient, message: { channel: string; text: string; blocks?: unknown[]; thread_ts?: string | undefined }, context: DeliveryContext): Promise<PostResult>;
  /** A response_url post that never throws: retried on 5xx/429/network errors, plain text when the blocks are refused. */
  respond(respond: RespondFn, message: RespondArguments, context: DeliveryContext): Promise<PostResult>;
}

/** Slack's error code for a failed Web API call (`not_in_channel`, `ratelimited`…), if any. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  if (data && typeof data.error === 'string') return data.error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterSeconds(error: unknown): number | null {
  const e = error as { code?: unknown; retryAfter?: unknown } | null;
  if (e?.code !== 'slack_webapi_rate_limited_error') return null;
  return typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? Math.max(0, e.retryAfter) : 1;
}

function respondStatus(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

export function makeDelivery(options: DeliveryOptions): Delivery {
  const { logger } = options;
  const cap = options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
  const sleep = options.sleep ?? defaultSleep;
  const backoff = options.respondBackoffMs ?? 500;

  const call: Delivery['call'] = async (what, context, fn) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await fn();
      } catch (error) {
        const seconds = retryAfterSeconds(error);
        if (seconds === null) throw error;
        const waitMs = seconds * 1000;
        if (waitMs > cap || attempt > RATE_LIMIT_ATTEMPTS) {
          logger.warn(`Rate limited on ${what}; not waiting`, { ...context, retry_after_s: seconds, attempt });
          throw error;
        }
        logger.info(`Rate limited on ${what}; retrying in ${seconds} s`, { ...context, attempt });
        await sleep(waitMs);
      }
    }
  };

  const postMessage: Delivery['postMessage'] = async (client, message, context) => {
    const base = { channel: message.channel, text: message.text, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) };
    try {
      const result = await call('chat.postMessage', context, () => client.chat.postMessage({ ...base, ...(message.blocks ? { blocks: message.blocks as never } : {}) }));
      return { ok: true, ts: result.ts };
    } catch (error) {
      const code = slackErrorCode(error) ?? 'unknown_error';
      if (message.blocks && PLAIN_TEXT_RETRY.has(code)) {
        logger.warn('Slack refused the reply’s blocks; sending plain text', { ...context, error: code });
        try {
          const result = await call('chat.postMessage', context, () => client.chat.postMessage({ ...base, text: message.text.slice(0, 3000) }));
          return { ok: true, ts: result.ts };
        } catch (plainError) {
          const plainCode = slackErrorCode(plainError) ?? 'unknown_error';
          logger.error('Could not post the reply', { ...context, error: plainCode }, plainError);
          return { ok: false, error: plainCode };
        }
      }
      logger.error('Could not post the reply', { ...context, error: code }, error);
      return { ok: false, error: code };
    }
  };

  const respondReliably: Delivery['respond'] = async (respond, message, context) => {
    let current = message;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await respond(current);
        return { ok: true, ts: undefined };
      } catch (error) {
        const status = respondStatus(error);
        // 400: Slack refused the content (invalid_blocks, msg_too_long): once more, as plain text.
        const withBlocks = current as RespondArguments & { blocks?: unknown };
        if (status === 400 && withBlocks.blocks) {
          logger.warn('Slack refused the response_url blocks; sending plain text', { ...context, status });
          const { blocks: _dropped, ...plain } = withBlocks;
          current = { ...plain, text: String(current.text ?? '').slice(0, 3000) } as RespondArguments;
          continue;
        }
        const transient = status === null || status === 429 || status >= 500;
        if (!transient || attempt >= RESPOND_RETRIES) {
          // 404 is response_url's expired_url / used_url: the 30 minutes or the 5 uses are over.
          logger.error('Could not post to response_url', { ...context, status: status ?? 'network error' }, error);
          return { ok: false, error: status === null ? 'network_error' : `http_${status}` };
        }
        await sleep(Math.min(backoff * 2 ** attempt, cap));
      }
    }
  };

  return { call, postMessage, respond: respondReliably };
}
