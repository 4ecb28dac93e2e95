/**
 * Builds the Bolt app for Socket Mode or HTTP mode. Receivers are transport only; everything the bot
 * says comes from the listeners and renderers.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Logger } from '@slack/bolt';
import type { Ask } from '../answers/types';
import type { Clock } from '../clock';
import type { SlackConfig } from '../config';
import type { DigestCommandHandler } from '../digest/types';
import type { KnowledgeBase } from '../knowledge/types';
import type { FeedbackLog, QueryLog } from '../store/types';
import { createRecentDeliveries } from './dedupe';
import { makeDelivery, slackErrorCode } from './delivery';
import { registerListeners } from './listeners';
import { makeReplies } from './replies';

/**
 * A few quick retries for 5xx and network errors (rate limits are handled in delivery.ts, capped).
 * (Slack's default retries for about 30 minutes, far too long for a reply someone is waiting for.)
 */
export const DEFAULT_RETRY_CONFIG: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true };
/** How long stop() waits for Slack to complete the Socket Mode close handshake. */
const SOCKET_CLOSE_WAIT_MS = 3_000;
/** Per-request timeout of Web API calls. */
export const WEB_API_TIMEOUT_MS = 15_000;

export interface SlackAppDeps {
  mode: 'socket' | 'http';
  slack: SlackConfig;
  knowledge: KnowledgeBase;
  ask: Ask;
  queryLog: QueryLog;
  feedbackLog: FeedbackLog;
  clock: Clock;
  logger: Logger;
  /** Optional: when absent, `/alibaba digest …` answers that the digest is not available. */
  digest?: DigestCommandHandler;
  /** Web API retries (tests make them fast). */
  retryConfig?: webApi.RetryOptions;
  /** Socket Mode: reconnect automatically after a dropped connection (default true). */
  autoReconnectEnabled?: boolean;
  /** The longest Retry-After a reply waits for (default 30 s); a longer rate limit fails the reply at once. */
  maxRetryAfterMs?: number;
  /** Pause before retrying a response_url post after a 5xx (tests make it short). */
  respondBackoffMs?: number;
}

export interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId?: string;
}

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  /** The Web API client start() verifies the token with. Rate limits reject (WebAPIRateLimitedError) instead of sleeping: wrap calls in a capped wait (delivery.ts). */
  client: webApi.WebClient;
  /**
   * Verifies the bot token (one auth.test with bounded retries; rejects with Slack's error, e.g.
   * invalid_auth), then starts listening. `port` is HTTP mode's (0 for any free port).
   */
  start(port?: number): Promise<{ port: number | null; identity: BotIdentity }>;
  stop(): Promise<void>;
}

export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { logger } = deps;
  let ready = false;
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: deps.retryConfig ?? DEFAULT_RETRY_CONFIG,
    timeout: WEB_API_TIMEOUT_MS,
    // Rate limits come back as errors so delivery.ts can cap the wait (the client would sleep any Retry-After).
    rejectRateLimitedCalls: true,
    ...(deps.slack.apiUrl ? { slackApiUrl: deps.slack.apiUrl } : {}),
  };

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (deps.mode === 'http') {
    if (!deps.slack.signingSecret) throw new Error('HTTP mode needs a signing secret');
    const { documents, passages, facts } = deps.knowledge;
    receiver = new HTTPReceiver({
      signingSecret: deps.slack.signingSecret,
      endpoints: '/slack/events',
      // Acknowledge before the listener finishes: right for a long-running server (FaaS would need true).
      processBeforeResponse: false,
      logger,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            const body = ready ? { ok: true, documents: documents.length, passages: passages.length, facts: facts.length } : { ok: false, starting: true };
            res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
            res.end(JSON.stringify(body));
          },
        },
      ],
    });
  } else {
    if (!deps.slack.appToken) throw new Error('Socket Mode needs an app-level token');
    receiver = new SocketModeReceiver({
      appToken: deps.slack.appToken,
      logger,
      autoReconnectEnabled: deps.autoReconnectEnabled ?? true,
      // Only the API URL: the Socket Mode client keeps its own (long) reconnect policy for apps.connections.open.
      installerOptions: { clientOptions: deps.slack.apiUrl ? { slackApiUrl: deps.slack.apiUrl } : {} },
    });
  }

  // The bot's identity comes from one auth.test in start(), with the bounded retries above (Bolt's
  // own check runs in the constructor with a 30-minute retry policy). Listeners get it via authorize.
  const client = new webApi.WebClient(deps.slack.botToken, { ...clientOptions, logger });
  let identity: BotIdentity | null = null;
  const app = new App({
    receiver,
    logger,
    logLevel: logger.getLevel() ?? LogLevel.INFO,
    clientOptions,
    authorize: async () => {
      if (!identity) throw new Error('The Slack app received a request before start() verified its token');
      return { botToken: deps.slack.botToken, botId: identity.botId, botUserId: identity.botUserId, teamId: identity.teamId };
    },
    extendedErrorHandler: true,
  });

  app.error(async ({ error, body, context }: { error: Error; body: unknown; context: { teamId?: string } | undefined }) => {
    // Never rethrow: one failed request must not take the bot down.
    const bodyRecord = (body ?? {}) as Record<string, unknown>;
    const event = bodyRecord.event as Record<string, unknown> | undefined;
    logger.error('Unhandled error in a listener', {
      code: (error as { code?: unknown }).code,
      slackError: slackErrorCode((error as { original?: unknown }).original ?? error),
      type: bodyRecord.type ?? bodyRecord.command,
      event: event?.type,
      channel: event?.channel ?? (bodyRecord.channel_id as unknown),
      team: context?.teamId,
    }, error);
  });

  const delivery = makeDelivery({
    logger,
    ...(deps.maxRetryAfterMs !== undefined ? { maxRetryAfterMs: deps.maxRetryAfterMs } : {}),
    ...(deps.respondBackoffMs !== undefined ? { respondBackoffMs: deps.respondBackoffMs } : {}),
  });
  const replies = makeReplies({ ask: deps.ask, knowledge: deps.knowledge, queryLog: deps.queryLog, clock: deps.clock, logger, ...(deps.digest ? { digest: deps.digest } : {}) });
  registerListeners(app, {
    replies,
    knowledge: deps.knowledge,
    feedbackLog: deps.feedbackLog,
    deliveries: createRecentDeliveries(deps.clock),
    delivery,
    clock: deps.clock,
    logger,
  });

  return {
    app,
    receiver,
    client,
    async start(port = 3000) {
      const auth = await delivery.call('auth.test', { event: 'start' }, () => client.auth.test());
      if (!auth.user_id || !auth.bot_id) throw new Error('auth.test did not return a bot user: is SLACK_BOT_TOKEN a bot token (xoxb-)?');
      identity = { botUserId: auth.user_id, botId: auth.bot_id, ...(auth.team_id ? { teamId: auth.team_id } : {}) };
      if (receiver instanceof HTTPReceiver) {
        const server = (await receiver.start(port)) as Server;
        ready = true;
        return { port: (server.address() as AddressInfo).port, identity };
      }
      await receiver.start();
      ready = true;
      return { port: null, identity };
    },
    async stop() {
      ready = false;
      if (receiver instanceof SocketModeReceiver) {
        // receiver.stop() does not wait for the WebSocket close handshake, whose 30-second timer would
        // outlive us: wait for the client to report it disconnected (bounded, for a peer that never answers).
        let timer: NodeJS.Timeout | undefined;
        const giveUp = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SOCKET_CLOSE_WAIT_MS);
        });
        await Promise.race([receiver.client.disconnect(), giveUp]);
        clearTimeout(timer);
        return;
      }
      await receiver.stop();
    },
  };
}
