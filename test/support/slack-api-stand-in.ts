/**
 * A loopback stand-in for Slack's Web API: `POST /api/<method>` with form-encoded or JSON bodies and
 * `Authorization: Bearer <token>`, answering Slack-shaped JSON. Point `SLACK_API_URL` (or
 * `clientOptions.slackApiUrl`) at `standIn.url`.
 *
 * It keeps a small in-memory message history per channel so that `chat.postMessage` followed by
 * `conversations.history` / `conversations.replies` behaves like Slack (metadata included), and
 * tests can seed messages with `addMessage`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createArrivals } from './arrivals';

export interface RecordedCall {
  method: string;
  /**
   * Parameters as sent. Form fields holding JSON (`blocks`, `attachments`, `metadata`, `view`, …) are
   * decoded back into objects, so tests read `params.blocks` the same whichever encoding the client used.
   */
  params: Record<string, unknown>;
  token: string | null;
}

export type StandInReply = { status?: number; headers?: Record<string, string>; body?: unknown };
export type StandInResponder = StandInReply | ((params: Record<string, unknown>, callNumber: number) => StandInReply);

/** A message as the stand-in stores it (and returns it from history/replies). */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text?: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  blocks?: unknown;
  metadata?: unknown;
  [key: string]: unknown;
}

export interface SlackApiStandIn {
  /** `http://127.0.0.1:PORT/api/`: pass as SLACK_API_URL / clientOptions.slackApiUrl. */
  url: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /**
   * Replace the reply for a method; a function sees the params and the call count for that method
   * (1-based). Pass `null` to restore the default reply.
   */
  respond(method: string, reply: StandInResponder | null): void;
  /** Resolves once `count` calls to method have arrived (for async flows); rejects after timeoutMs (default 5000). */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Seed a message into a channel's history (a thread reply when `thread_ts` is set). */
  addMessage(channel: string, message: Partial<StoredMessage> & { ts?: string }): StoredMessage;
  /** Messages of a channel, oldest first (thread replies included). */
  messagesIn(channel: string): StoredMessage[];
  /** The ids the default replies use. */
  readonly ids: { teamId: string; botUserId: string; botId: string; appId: string };
  close(): Promise<void>;
}

export interface SlackApiStandInOptions {
  /** When given, calls with any other token get `invalid_auth` (calls without one always get `not_authed`). */
  acceptedTokens?: string[];
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'unfurls', 'user_auth_blocks']);

function decodeFormValue(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key) && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw.length === 0) return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) params[key] = decodeFormValue(key, value);
  return params;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function startSlackApiStandIn(options: SlackApiStandInOptions = {}): Promise<SlackApiStandIn> {
  const ids = { teamId: 'T0STANDIN', botUserId: 'U0BOT', botId: 'B0BOT', appId: 'A0STANDIN' };
  const calls: RecordedCall[] = [];
  const overrides = new Map<string, StandInResponder>();
  const callCounts = new Map<string, number>();
  const arrivals = createArrivals();
  const history = new Map<string, StoredMessage[]>();
  let tsCounter = 0;
  // Slack timestamps are unique per channel and increasing: seconds.micro.
  const nextTs = (): string => {
    tsCounter += 1;
    return `${1700000000 + tsCounter}.${String(tsCounter).padStart(6, '0')}`;
  };

  const addMessage = (channel: string, message: Partial<StoredMessage> & { ts?: string }): StoredMessage => {
    const stored: StoredMessage = { ...message, type: 'message', ts: message.ts ?? nextTs() };
    const list = history.get(channel) ?? [];
    list.push(stored);
    list.sort((a, b) => Number(a.ts) - Number(b.ts));
    history.set(channel, list);
    return stored;
  };

  const withMetadataFilter = (messages: StoredMessage[], params: Record<string, unknown>): StoredMessage[] => {
    const includeMetadata = String(params.include_all_metadata) === 'true';
    return messages.map((m) => {
      if (includeMetadata || m.metadata === undefined) return m;
      const { metadata: _omitted, ...rest } = m;
      return rest as StoredMessage;
    });
  };

  const defaultReply = (method: string, params: Record<string, unknown>): StandInReply => {
    const channel = str(params.channel) ?? 'C0STANDIN';
    switch (method) {
      case 'api.test':
        return { body: { ok: true, args: params } };
      case 'auth.test':
        return {
          body: { ok: true, url: 'https://standin.slack.com/', team: 'Stand-in', user: 'alibaba', team_id: ids.teamId, user_id: ids.botUserId, bot_id: ids.botId, is_enterprise_install: false },
        };
      case 'chat.postMessage': {
        const message = addMessage(channel, {
          text: str(params.text) ?? '',
          user: ids.botUserId,
          bot_id: ids.botId,
          app_id: ids.appId,
          ...(params.blocks !== undefined ? { blocks: params.blocks } : {}),
          ...(params.metadata !== undefined ? { metadata: params.metadata } : {}),
          ...(str(params.thread_ts) ? { thread_ts: str(params.thread_ts) } : {}),
        });
        return { body: { ok: true, channel, ts: message.ts, message } };
      }
      case 'chat.postEphemeral':
        return { body: { ok: true, message_ts: nextTs() } };
      case 'chat.update':
        return { body: { ok: true, channel, ts: str(params.ts) ?? nextTs(), text: str(params.text) ?? '', message: { text: str(params.text) ?? '', blocks: params.blocks } } };
      case 'chat.delete':
        return { body: { ok: true, channel, ts: str(params.ts) } };
      case 'views.publish':
        return {
          body: { ok: true, view: { id: 'V0STANDIN', type: 'home', team_id: ids.teamId, app_id: ids.appId, bot_id: ids.botId, ...(typeof params.view === 'object' ? params.view : {}) } },
        };
      case 'conversations.replies': {
        const threadTs = str(params.ts);
        const messages = (history.get(channel) ?? []).filter((m) => m.ts === threadTs || m.thread_ts === threadTs);
        return { body: { ok: true, messages: withMetadataFilter(messages, params), has_more: false } };
      }
      case 'conversations.history': {
        const oldest = Number(str(params.oldest) ?? '0');
        const latest = Number(str(params.latest) ?? 'Infinity');
        const limit = Number(str(params.limit) ?? '100');
        const messages = (history.get(channel) ?? [])
          .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
          .filter((m) => Number(m.ts) >= oldest && Number(m.ts) <= latest)
          .reverse()
          .slice(0, limit);
        return { body: { ok: true, messages: withMetadataFilter(messages, params), has_more: false, pin_count: 0 } };
      }
      case 'conversations.join':
        return { body: { ok: true, channel: { id: channel, name: 'general', is_channel: true, is_member: true, is_private: false } } };
      case 'conversations.info':
        return { body: { ok: true, channel: { id: channel, name: 'general', is_channel: true, is_im: channel.startsWith('D'), is_member: true, is_private: false, is_archived: false } } };
      case 'conversations.open':
        return { body: { ok: true, channel: { id: `D${str(params.users)?.split(',')[0] ?? 'USER'}` } } };
      case 'users.info': {
        const user = str(params.user) ?? 'U0USER';
        return { body: { ok: true, user: { id: user, name: user.toLowerCase(), real_name: `User ${user}`, tz: 'UTC', profile: { display_name: user.toLowerCase(), real_name: `User ${user}` } } } };
      }
      case 'apps.connections.open':
        return { body: { ok: false, error: 'not_allowed_token_type' } };
      default:
        return { body: { ok: false, error: 'unknown_method', req_method: method } };
    }
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const match = /^\/api\/([\w.]+)$/.exec(url.pathname);
      if (req.method !== 'POST' || !match?.[1]) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'unknown_method' }));
        return;
      }
      const method = match[1];
      const raw = await readBody(req);
      let params: Record<string, unknown>;
      try {
        params = { ...Object.fromEntries(url.searchParams), ...parseBody(raw, String(req.headers['content-type'] ?? '')) };
      } catch {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'invalid_json' }));
        return;
      }
      const authorization = String(req.headers.authorization ?? '');
      const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1] ?? null;
      const token = bearer ?? str(params.token) ?? null;
      delete params.token;
      calls.push({ method, params, token });
      const callNumber = (callCounts.get(method) ?? 0) + 1;
      callCounts.set(method, callNumber);

      let reply: StandInReply;
      const override = overrides.get(method);
      if (override) reply = typeof override === 'function' ? override(params, callNumber) : override;
      else if (!token) reply = { body: { ok: false, error: 'not_authed' } };
      else if (options.acceptedTokens && !options.acceptedTokens.includes(token)) reply = { body: { ok: false, error: 'invalid_auth' } };
      else reply = defaultReply(method, params);

      const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...(reply.headers ?? {}) });
      res.end(body);
      arrivals.arrived();
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  const callsTo = (method: string): RecordedCall[] => calls.filter((c) => c.method === method);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/api/`,
        calls,
        callsTo,
        ids,
        respond(method, reply) {
          if (reply === null) overrides.delete(method);
          else overrides.set(method, reply);
        },
        waitForCalls(method, count, timeoutMs = 5000) {
          return arrivals.waitFor(
            () => callsTo(method),
            count,
            timeoutMs,
            () => `Timed out after ${timeoutMs} ms waiting for ${count} call(s) to ${method}; got ${callsTo(method).length}. Calls so far: ${calls.map((c) => c.method).join(', ') || 'none'}`,
          );
        },
        addMessage,
        messagesIn: (channel) => [...(history.get(channel) ?? [])],
        close() {
          return new Promise((resolveClose) => {
            server.closeAllConnections();
            server.close(() => resolveClose());
          });
        },
      });
    });
  });
}
