/**
 * Signed requests as Slack sends them to an app's Request URL (v0 signing: HMAC-SHA256 over
 * `v0:timestamp:body` with the app's signing secret).
 */
import crypto from 'node:crypto';

export function signSlackRequest(secret: string, body: string, timestamp: number | string): string {
  return `v0=${crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface SlackHttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface PostOptions {
  /** Signing secret; `null` sends no signature headers at all. */
  secret: string | null;
  /** Unix seconds (default: now). */
  timestamp?: number;
  /** Overrides the computed signature (to send a wrong one). */
  signature?: string;
  headers?: Record<string, string>;
}

export async function postSignedRaw(url: string, body: string, contentType: string, options: PostOptions): Promise<SlackHttpResponse> {
  const timestamp = options.timestamp ?? nowInSeconds();
  const headers: Record<string, string> = { 'content-type': contentType, ...(options.headers ?? {}) };
  if (options.secret !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.signature ?? signSlackRequest(options.secret, body, timestamp);
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface SlashCommandFields {
  command?: string;
  text?: string;
  response_url: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  trigger_id?: string;
  [key: string]: string | undefined;
}

/** The form-encoded body Slack POSTs for a slash command. */
export function slashCommandBody(fields: SlashCommandFields): string {
  const all: Record<string, string> = {
    token: 'verification-token-unused',
    team_id: 'T0STANDIN',
    team_domain: 'standin',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/alibaba',
    text: '',
    api_app_id: 'A0STANDIN',
    is_enterprise_install: 'false',
    trigger_id: '1.2.3',
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) all[key] = value;
  return new URLSearchParams(all).toString();
}

export function postSlashCommand(url: string, fields: SlashCommandFields, options: PostOptions): Promise<SlackHttpResponse> {
  return postSignedRaw(url, slashCommandBody(fields), 'application/x-www-form-urlencoded', options);
}

let eventCounter = 0;

export interface EventEnvelopeOptions {
  eventId?: string;
  teamId?: string;
  apiAppId?: string;
  /** The bot user id Slack lists in `authorizations` (default the stand-in's U0BOT). */
  botUserId?: string;
}

/** An Events API `event_callback` envelope around `event`. */
export function eventCallback(event: Record<string, unknown>, options: EventEnvelopeOptions = {}): Record<string, unknown> {
  eventCounter += 1;
  const teamId = options.teamId ?? 'T0STANDIN';
  return {
    token: 'verification-token-unused',
    team_id: teamId,
    api_app_id: options.apiAppId ?? 'A0STANDIN',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${String(Date.now())}${String(eventCounter).padStart(4, '0')}`,
    event_time: nowInSeconds(),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: options.botUserId ?? 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventCounter}`,
  };
}

let messageCounter = 0;

/** A fresh Slack-style message ts, different for every event a test sends. */
export function nextMessageTs(): string {
  messageCounter += 1;
  return `17000${String(10000 + messageCounter)}.000100`;
}

/** An `app_mention` from U0ASKER in C0GENERAL with a fresh ts, in its envelope; `extra` adds or overrides event fields. */
export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextMessageTs();
  return eventCallback({ type: 'app_mention', user: 'U0ASKER', text, ts, channel: 'C0GENERAL', event_ts: ts, ...extra });
}

export interface EventPostOptions extends PostOptions {
  /** Sent as X-Slack-Retry-Num (Slack's redelivery of an event it thinks timed out). */
  retryNum?: number;
  retryReason?: string;
}

export function postEvent(url: string, envelope: Record<string, unknown>, options: EventPostOptions): Promise<SlackHttpResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return postSignedRaw(url, JSON.stringify(envelope), 'application/json', { ...options, headers });
}

export interface BlockActionOptions {
  actionId: string;
  value?: string;
  blockId?: string;
  userId?: string;
  channelId?: string;
  responseUrl?: string;
  /** `message` (default, with channel and message), `ephemeral` or `home` (the App Home view). */
  container?: 'message' | 'ephemeral' | 'home';
  messageTs?: string;
  viewId?: string;
}

/** A `block_actions` interaction payload as Slack sends it for a button click. */
export function blockActionPayload(options: BlockActionOptions): Record<string, unknown> {
  const userId = options.userId ?? 'U0ASKER';
  const channelId = options.channelId ?? 'C0GENERAL';
  const container = options.container ?? 'message';
  const action = {
    type: 'button',
    action_id: options.actionId,
    block_id: options.blockId ?? 'actions',
    text: { type: 'plain_text', text: 'button', emoji: true },
    value: options.value ?? '',
    action_ts: `${nowInSeconds()}.000100`,
  };
  const base: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0STANDIN' },
    api_app_id: 'A0STANDIN',
    token: 'verification-token-unused',
    trigger_id: '1.2.3',
    team: { id: 'T0STANDIN', domain: 'standin' },
    enterprise: null,
    is_enterprise_install: false,
    actions: [action],
  };
  if (container === 'home') {
    return {
      ...base,
      container: { type: 'view', view_id: options.viewId ?? 'V0STANDIN' },
      view: { id: options.viewId ?? 'V0STANDIN', type: 'home', team_id: 'T0STANDIN', blocks: [], hash: 'h1', app_id: 'A0STANDIN', bot_id: 'B0BOT' },
    };
  }
  const messageTs = options.messageTs ?? '1700000000.000100';
  return {
    ...base,
    container:
      container === 'ephemeral'
        ? { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: true }
        : { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: 'general' },
    ...(container === 'message' ? { message: { type: 'message', ts: messageTs, text: '', user: 'U0BOT', bot_id: 'B0BOT' } } : {}),
    ...(options.responseUrl ? { response_url: options.responseUrl } : {}),
    state: { values: {} },
  };
}

export function postInteraction(url: string, payload: Record<string, unknown>, options: PostOptions): Promise<SlackHttpResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSignedRaw(url, body, 'application/x-www-form-urlencoded', options);
}
