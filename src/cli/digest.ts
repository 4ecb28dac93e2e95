/**
 * `npm run digest -- --once [--date YYYY-MM-DD] [--dry-run]`: one round of daily digests, for cron.
 * Same variables and database as the bot, and safe alongside it (deliveries are claimed in SQLite).
 * Exit 0: every subscribed channel has the date's digest; 1: some failed (run again to deliver
 * those only); 2: it could not run (bad arguments, configuration, or a damaged or locked database).
 */
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { systemClock } from '../clock';
import { ConfigError, loadConfig } from '../config';
import { createDigestWebClient, type DigestLogger } from '../digest/deliver';
import { runDigestOnce } from '../digest/run-once';
import { isValidDate } from '../digest/time';
import { loadKnowledgeBase } from '../knowledge/load';
import { openStore, StoreOpenError } from '../store/sqlite';
import { digestStrings } from '../strings/digest';
import { knowledgeStrings } from '../strings/knowledge';

const stderrLogger: DigestLogger = {
  info: () => {},
  warn: (...message) => process.stderr.write(`${message.map(String).join(' ')}\n`),
  error: (...message) => process.stderr.write(`${message.map(String).join(' ')}\n`),
};

function usageError(message: string): number {
  process.stderr.write(`${message}\n${digestStrings.cli.usage}\n`);
  return 2;
}

export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  let values: { once?: boolean; date?: string; 'dry-run'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { once: { type: 'boolean' }, date: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${digestStrings.cli.usage}\n`);
    return 0;
  }
  if (!values.once) return usageError(digestStrings.cli.needOnce);
  if (values.date !== undefined && !isValidDate(values.date)) return usageError(digestStrings.cli.badDate(values.date));
  const dryRun = values['dry-run'] === true;

  let config;
  try {
    config = loadConfig(env, { purpose: 'web-api' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (!dryRun && !config.slack) {
    process.stderr.write(`${digestStrings.cli.missingToken}\n`);
    return 2;
  }

  const knowledge = loadKnowledgeBase(config.knowledgeDir);
  for (const problem of knowledge.problems) process.stderr.write(`${knowledgeStrings.problemLine(problem.file, problem.line, problem.message)}\n`);
  let store;
  try {
    store = openStore(config.dataDir);
  } catch (error) {
    // A damaged or locked database is reported once, clearly; cron runs again later.
    if (error instanceof StoreOpenError) {
      process.stderr.write(`${digestStrings.cli.cannotRun(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  try {
    const result = await runDigestOnce({
      store,
      knowledge,
      config,
      client: config.slack && !dryRun ? createDigestWebClient(config.slack) : null,
      clock: systemClock,
      ...(values.date ? { date: values.date } : {}),
      dryRun,
      write: (line) => process.stdout.write(`${line}\n`),
      logger: stderrLogger,
    });
    return result.exitCode;
  } finally {
    store.close();
  }
}

if (require.main === module) {
  dotenv.config({ quiet: true });
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${digestStrings.cli.cannotRun(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 1;
    },
  );
}
