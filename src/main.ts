/**
 * The composition root (`npm start`): configuration, knowledge, search, store, and one front end:
 * Socket Mode, HTTP mode, or the local console when no Slack credentials are set.
 */
import { config as loadDotenv } from 'dotenv';
import { makeAsk } from './answers/ask';
import type { Ask } from './answers/types';
import { systemClock } from './clock';
import { ConfigError, loadConfig, type Config } from './config';
import { runConsole } from './console/console';
import { makeDigestCommandHandler } from './digest/command';
import { createDigestWebClient } from './digest/deliver';
import { startDigestScheduler, type DigestScheduler } from './digest/scheduler';
import type { DigestCommandHandler } from './digest/types';
import { loadKnowledgeBase } from './knowledge/load';
import type { KnowledgeBase } from './knowledge/types';
import { createSearchIndex } from './search/engine';
import { createSlackApp, type SlackApp } from './slack/app';
import { createLogger } from './slack/logger';
import { makeReplies } from './slack/replies';
import { openStore, type Store } from './store/sqlite';
import type { FeedbackLog, QueryLog } from './store/types';
import { knowledgeStrings } from './strings/knowledge';

type Logger = ReturnType<typeof createLogger>;

function loadKnowledge(config: Config, logger: Logger): { knowledge: KnowledgeBase; ask: Ask } {
  const started = Date.now();
  const knowledge = loadKnowledgeBase(config.knowledgeDir);
  // A broken file is reported and skipped: the bot keeps serving every good one.
  for (const problem of knowledge.problems) process.stderr.write(`${knowledgeStrings.problemLine(problem.file, problem.line, problem.message)}\n`);
  const index = createSearchIndex(knowledge);
  // The console's banner already shows the counts; Slack modes log them.
  (config.mode === 'console' ? logger.debug : logger.info)(`Knowledge loaded from ${config.knowledgeDir}: ${knowledge.documents.length} documents, ${knowledge.passages.length} passages, ${knowledge.facts.length} facts (${Date.now() - started} ms)`);
  return { knowledge, ask: makeAsk({ knowledge, index }) };
}

const discardLogs: QueryLog & FeedbackLog = { recordQuery: () => {}, recordFeedback: () => {} };

/** The store is optional at run time: without it the bot still answers (no logs, no digest). */
function tryOpenStore(config: Config, logger: Logger): Store | null {
  try {
    return openStore(config.dataDir);
  } catch (error) {
    logger.error(`Could not open the database in ${config.dataDir}; answering without query logs or the digest`, error);
    return null;
  }
}

async function runConsoleMode(config: Config, logger: Logger): Promise<number> {
  const { knowledge, ask } = loadKnowledge(config, logger);
  const store = tryOpenStore(config, logger);
  const digest = store ? makeDigestCommandHandler({ store, knowledge, client: null, config, clock: systemClock }) : undefined;
  const replies = makeReplies({ ask, knowledge, queryLog: store ?? discardLogs, clock: systemClock, logger, ...(digest ? { digest } : {}) });
  try {
    await runConsole({
      replies,
      input: process.stdin,
      output: process.stdout,
      errorOutput: process.stderr,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      summary: { documents: knowledge.documents.length, passages: knowledge.passages.length, facts: knowledge.facts.length },
    });
  } finally {
    store?.close();
  }
  return 0;
}

async function runSlackMode(config: Config, logger: Logger): Promise<void> {
  const slack = config.slack;
  if (!slack || config.mode === 'console') throw new Error('Slack mode without Slack configuration');
  const { knowledge, ask } = loadKnowledge(config, logger);

  // The store records questions and feedback and holds subscriptions; the digest command handler
  // answers `/alibaba digest …`; the scheduler posts each subscribed channel's digest at its time.
  const store = tryOpenStore(config, logger);
  const digestClient = createDigestWebClient(slack);
  let botUserId: string | null = null;
  const digest: DigestCommandHandler | undefined = store
    ? makeDigestCommandHandler({ store, knowledge, client: digestClient, config, clock: systemClock, botUserId: () => botUserId })
    : undefined;

  const slackApp: SlackApp = createSlackApp({
    mode: config.mode,
    slack,
    knowledge,
    ask,
    queryLog: store ?? discardLogs,
    feedbackLog: store ?? discardLogs,
    clock: systemClock,
    logger,
    ...(digest ? { digest } : {}),
  });

  let started;
  try {
    started = await slackApp.start(config.port);
  } catch (error) {
    // Slack's error code when Slack answered (invalid_auth…), otherwise what went wrong (network, port in use).
    const platformError = (error as { data?: { error?: unknown } } | null)?.data?.error;
    const detail = typeof platformError === 'string' ? `Slack said "${platformError}"` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`Could not start the Slack app: ${detail}. Check SLACK_BOT_TOKEN${config.mode === 'socket' ? ' and SLACK_APP_TOKEN' : ''}${slack.apiUrl ? ' and SLACK_API_URL' : ''}${config.mode === 'http' ? ' and PORT' : ''}.\n`);
    logger.debug('Start failure', error);
    store?.close();
    process.exit(1);
  }
  botUserId = started.identity.botUserId;
  logger.info(config.mode === 'http' ? `alibaba-bot is listening on port ${started.port ?? config.port} (POST /slack/events, GET /healthz)` : 'alibaba-bot is connected in Socket Mode');

  const scheduler: DigestScheduler | null = store ? startDigestScheduler({ client: digestClient, store, knowledge, config, clock: systemClock, logger }) : null;

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`Received ${signal} again: exiting now.\n`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`Received ${signal}: stopping`);
    void (async () => {
      try {
        await scheduler?.stop();
        await slackApp.stop();
      } catch (error) {
        logger.error('Error while stopping', error);
      } finally {
        store?.close();
        process.exit(0);
      }
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

export async function main(): Promise<void> {
  // An existing environment wins over .env; quiet keeps dotenv's banner off stdout.
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  // A listener error is handled by Bolt's error handler; anything that still escapes is logged, never fatal.
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection', reason));

  if (config.mode === 'console') {
    const code = await runConsoleMode(config, logger);
    process.exit(code);
  }
  await runSlackMode(config, logger);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`alibaba-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
