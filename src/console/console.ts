/**
 * The local console: `npm start` without Slack credentials. Reads one command a line (interactive
 * prompt on a TTY, silent with piped input) and prints what the Slack app would reply.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { renderNotice } from '../slack/blocks/notice';
import type { SlackMessage } from '../slack/blocks/message';
import { parseInput, type Replies } from '../slack/replies';
import { COMMAND, slackStrings } from '../strings/slack';
import { messageToText } from './render-text';

export interface ConsoleDeps {
  replies: Replies;
  input: Readable;
  output: Writable;
  /** Banner and hints go here when the input is piped, so stdout carries only replies. */
  errorOutput: Writable;
  /** True on a terminal: prompt and banner on stdout. */
  interactive: boolean;
  /** Counts for the banner. */
  summary: { documents: number; passages: number; facts: number };
}

const ASKER = { channelId: 'console', userId: slackStrings.console.userId };
const MENTION = /^@alibaba\b/i;

/** One console line to the reply Slack would send for it, or null for a blank line. */
export async function replyToLine(line: string, replies: Replies): Promise<SlackMessage | null> {
  const trimmed = line.trim();
  if (!trimmed) return null;
  if (trimmed.toLowerCase() === COMMAND || trimmed.toLowerCase().startsWith(`${COMMAND} `)) {
    return replies.reply(parseInput(trimmed.slice(COMMAND.length)), ASKER, 'console', 'ephemeral');
  }
  if (MENTION.test(trimmed)) {
    const rest = trimmed.replace(MENTION, '').trim();
    if (!rest) return renderNotice(slackStrings.mention.bare);
    return replies.reply(parseInput(rest), ASKER, 'console', 'public');
  }
  // Anything else is what a direct message would be.
  return replies.reply(parseInput(trimmed), ASKER, 'console', 'public');
}

export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const { output, errorOutput, interactive, summary, replies } = deps;
  const info = interactive ? output : errorOutput;
  info.write(`${slackStrings.console.banner(summary.documents, summary.passages, summary.facts)}\n${slackStrings.console.hint}\n\n`);

  const rl = readline.createInterface({ input: deps.input, ...(interactive ? { output, terminal: true } : { terminal: false }), crlfDelay: Infinity });
  if (interactive) {
    // Ctrl-C ends the session like Ctrl-D (readline would otherwise just pause the input).
    rl.on('SIGINT', () => rl.close());
    rl.setPrompt(slackStrings.console.prompt);
    rl.prompt();
  }
  for await (const line of rl) {
    let message: SlackMessage | null;
    try {
      message = await replyToLine(line, replies);
    } catch (error) {
      errorOutput.write(`${error instanceof Error ? error.message : String(error)}\n`);
      message = renderNotice(slackStrings.errors.generic);
    }
    if (message) {
      if (!interactive) output.write(`» ${line.trim()}\n`);
      output.write(`${messageToText(message)}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  if (interactive) output.write('\n');
}
