/**
 * `npm run ask`: answers questions from the knowledge base on the command line, for a person or,
 * with --json / --stdin, for other tools. Only JSON goes to stdout in those modes; warnings go to stderr.
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import dotenv from 'dotenv';
import { DEFAULT_MAX_QUESTION_LENGTH, DEFAULT_RESULT_LIMIT, makeAsk } from '../answers/ask';
import type { Answer, Ask } from '../answers/types';
import { ConfigError, loadConfig } from '../config';
import { loadKnowledgeBase } from '../knowledge/load';
import { createSearchIndex } from '../search/engine';
import { askStrings } from '../strings/cli';
import { knowledgeStrings } from '../strings/knowledge';

const MAX_LIMIT = 50;

export interface AskCommand {
  json: boolean;
  stdin: boolean;
  limit: number;
  knowledgeDir: string | null;
  question: string;
  help: boolean;
}

export class UsageError extends Error {
  readonly code = 'alibaba_bot_usage_error';
}

/** Parses the command line; throws UsageError with a message for the person. */
export function parseAskArguments(args: string[]): AskCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        stdin: { type: 'boolean', default: false },
        limit: { type: 'string' },
        knowledge: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const question = positionals.join(' ');
  let limit = DEFAULT_RESULT_LIMIT;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit.trim()) || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new UsageError(askStrings.badLimit(values.limit));
    }
  }
  const command: AskCommand = {
    json: values.json === true,
    stdin: values.stdin === true,
    limit,
    knowledgeDir: values.knowledge ?? null,
    question,
    help: values.help === true,
  };
  if (command.help) return command;
  if (command.stdin && question.trim()) throw new UsageError(askStrings.questionWithStdin);
  if (!command.stdin && !question.trim()) throw new UsageError(askStrings.missingQuestion);
  return command;
}

/** The stable JSON contract of `ask --json` (see the README): no field more, no field less. */
export function answerToJson(answer: Answer): string {
  return JSON.stringify({
    query: answer.query,
    results: answer.results.map((result) => ({
      quote: result.quote,
      translation: result.translation,
      score: Number(result.score.toFixed(6)),
      source: {
        id: result.source.id,
        title: result.source.title,
        url: result.source.url,
        section: result.source.section,
        paragraph: result.source.paragraph,
      },
    })),
  });
}

export function answerToText(answer: Answer): string {
  const lines: string[] = [];
  if (answer.truncated) lines.push(askStrings.truncated(DEFAULT_MAX_QUESTION_LENGTH));
  if (!answer.query) return [...lines, askStrings.emptyQuestion].join('\n');
  if (answer.results.length === 0) return [...lines, askStrings.noAnswer(answer.query)].join('\n');
  lines.push(askStrings.heading(answer.query, answer.results.length), '');
  answer.results.forEach((result, i) => {
    lines.push(askStrings.quote(i + 1, result.quote));
    lines.push(result.translation ? askStrings.english(result.translation) : askStrings.noEnglish);
    lines.push(askStrings.citation(result.source.title, result.source.section, result.source.paragraph));
    if (result.source.url) lines.push(askStrings.url(result.source.url));
    lines.push('');
  });
  return lines.join('\n').trimEnd();
}

function buildAsk(knowledgeDir: string, warn: (line: string) => void): Ask {
  const knowledge = loadKnowledgeBase(knowledgeDir);
  for (const problem of knowledge.problems) warn(askStrings.knowledgeWarning(knowledgeStrings.problemLine(problem.file, problem.line, problem.message)));
  const index = createSearchIndex(knowledge);
  return makeAsk({ knowledge, index });
}

function resolveKnowledgeDir(command: AskCommand): string {
  if (command.knowledgeDir) return command.knowledgeDir;
  return loadConfig(process.env, { purpose: 'web-api' }).knowledgeDir;
}

async function main(args: string[]): Promise<number> {
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  let command: AskCommand;
  try {
    command = parseAskArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    warn(askStrings.badArguments(error.message));
    warn(askStrings.usage);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${askStrings.usage}\n`);
    return 0;
  }
  let knowledgeDir: string;
  try {
    knowledgeDir = resolveKnowledgeDir(command);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    warn(askStrings.configProblem(error.message));
    return 1;
  }
  const ask = buildAsk(knowledgeDir, warn);

  if (!command.stdin) {
    const answer = ask(command.question, { limit: command.limit });
    process.stdout.write(`${command.json ? answerToJson(answer) : answerToText(answer)}\n`);
    return 0;
  }

  // One JSON line per input line, written as soon as it is answered, so a caller can converse.
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    // Respect back-pressure: a slow reader must not make every answer pile up in memory.
    if (!process.stdout.write(`${answerToJson(ask(line, { limit: command.limit }))}\n`)) await once(process.stdout, 'drain');
  }
  return 0;
}

if (require.main === module) {
  // .env may set KNOWLEDGE_DIR; variables already in the environment win.
  dotenv.config({ quiet: true });
  // A closed pipe (e.g. `| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
