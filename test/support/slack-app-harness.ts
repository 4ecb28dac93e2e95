/**
 * Starts the real Bolt app (createSlackApp) against loopback stand-ins: the Web API, response_url,
 * and in Socket Mode the WebSocket. Tests then send signed requests and read what the bot sent.
 */
import type { Ask } from '../../src/answers/types';
import type { DigestCommandHandler } from '../../src/digest/types';
import type { KnowledgeBase } from '../../src/knowledge/types';
import { createSlackApp, type SlackApp } from '../../src/slack/app';
import { createMemoryLogger } from '../../src/slack/logger';
import { fixtureKnowledge, keywordAsk, MemoryLogs } from './knowledge-fixture';
import { startResponseUrlStandIn, type ResponseUrlStandIn } from './response-url-stand-in';
import { startSlackApiStandIn, type SlackApiStandIn } from './slack-api-stand-in';
import { startSocketModeStandIn, type SocketModeStandIn } from './socket-mode-stand-in';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEST_BOT_TOKEN = 'xoxb-test-bot-token';
export const TEST_APP_TOKEN = 'xapp-test-app-token';

export interface HarnessOptions {
  mode?: 'http' | 'socket';
  knowledge?: KnowledgeBase;
  ask?: Ask;
  digest?: DigestCommandHandler;
}

export interface SlackAppHarness {
  slackApp: SlackApp;
  api: SlackApiStandIn;
  responses: ResponseUrlStandIn;
  socket: SocketModeStandIn | null;
  logs: MemoryLogs;
  logger: ReturnType<typeof createMemoryLogger>;
  /** `http://127.0.0.1:PORT` (HTTP mode). */
  baseUrl: string;
  /** `…/slack/events` (HTTP mode). */
  eventsUrl: string;
  close(): Promise<void>;
}

export async function startSlackAppHarness(options: HarnessOptions = {}): Promise<SlackAppHarness> {
  const mode = options.mode ?? 'http';
  const api = await startSlackApiStandIn({ acceptedTokens: [TEST_BOT_TOKEN, TEST_APP_TOKEN] });
  const responses = await startResponseUrlStandIn();
  const socket = mode === 'socket' ? await startSocketModeStandIn(api) : null;
  const knowledge = options.knowledge ?? fixtureKnowledge();
  const logs = new MemoryLogs();
  const logger = createMemoryLogger('debug');
  const slackApp = createSlackApp({
    mode,
    slack: { botToken: TEST_BOT_TOKEN, appToken: mode === 'socket' ? TEST_APP_TOKEN : null, signingSecret: mode === 'http' ? TEST_SIGNING_SECRET : null, apiUrl: api.url },
    knowledge,
    ask: options.ask ?? keywordAsk(knowledge),
    queryLog: logs,
    feedbackLog: logs,
    clock: () => new Date(),
    logger,
    ...(options.digest ? { digest: options.digest } : {}),
    retryConfig: { retries: 2, minTimeout: 5, maxTimeout: 20, factor: 1 },
    autoReconnectEnabled: false,
    respondBackoffMs: 5,
  });
  const { port } = await slackApp.start(0);
  const baseUrl = `http://127.0.0.1:${port ?? 0}`;
  return {
    slackApp,
    api,
    responses,
    socket,
    logs,
    logger,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    async close() {
      await slackApp.stop();
      await socket?.close();
      await responses.close();
      await api.close();
    },
  };
}

/** Waits until `predicate` holds (for flows that end without a Web API call to wait for). */
export async function eventually(predicate: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves after `ms`: used only to prove that nothing more arrives (a second reply). */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
