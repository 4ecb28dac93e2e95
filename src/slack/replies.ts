/**
 * What the bot says, independent of how it arrives: Slack listeners and the local console both turn
 * input into one of these replies, so the console shows exactly what Slack would send.
 */
import type { Logger } from '@slack/bolt';
import type { Ask } from '../answers/types';
import type { Clock } from '../clock';
import type { DigestCommandHandler } from '../digest/types';
import type { KnowledgeBase } from '../knowledge/types';
import type { QueryLog, Surface } from '../store/types';
import { slackStrings } from '../strings/slack';
import { RESULTS_SHOWN, renderAnswer, type AnswerSurface } from './blocks/answer';
import { renderHelp } from './blocks/help';
import type { SlackMessage } from './blocks/message';
import { renderNotice } from './blocks/notice';
import { renderSources } from './blocks/sources';
import { coveredTopics } from './topics';

export type ParsedInput =
  | { kind: 'help' }
  | { kind: 'sources' }
  | { kind: 'digest'; args: string }
  | { kind: 'question'; question: string };

/** `/alibaba` text (and the text of a mention or DM): help, sources, digest …, or a question. */
export function parseInput(text: string): ParsedInput {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const lower = trimmed.toLowerCase();
  if (lower === '' || lower === 'help' || lower === '?' || lower === 'aiuto') return { kind: 'help' };
  if (lower === 'sources' || lower === 'fonti') return { kind: 'sources' };
  const digest = /^digest(?:\s+(.*))?$/i.exec(trimmed);
  if (digest) return { kind: 'digest', args: (digest[1] ?? '').trim() };
  return { kind: 'question', question: trimmed };
}

export interface Asker {
  channelId: string | null;
  userId: string | null;
}

export interface RepliesDeps {
  ask: Ask;
  knowledge: KnowledgeBase;
  queryLog: QueryLog;
  clock: Clock;
  logger: Logger;
  /** Optional: without it, `/alibaba digest …` says the digest is not available. */
  digest?: DigestCommandHandler;
}

export interface Replies {
  /** Searches, records the question (unless `record` is false), and renders the answer for a surface. */
  answer(question: string, asker: Asker, surface: Surface, render: AnswerSurface, options?: { sharedBy?: string; record?: boolean }): SlackMessage;
  /** Any parsed input to its reply (help, sources, digest, or an answer). */
  reply(input: ParsedInput, asker: Asker, surface: Surface, render: AnswerSurface): Promise<SlackMessage>;
  topics: readonly string[];
}

const SUGGESTED_TOPICS = 10;

export function makeReplies(deps: RepliesDeps): Replies {
  const topics = coveredTopics(deps.knowledge, SUGGESTED_TOPICS);

  const answer: Replies['answer'] = (question, asker, surface, render, options = {}) => {
    const result = deps.ask(question, { limit: RESULTS_SHOWN });
    if (options.record !== false) recordQuery(result.query, result.results.length, asker, surface);
    return renderAnswer(result, { surface: render, topics, ...(options.sharedBy ? { sharedBy: options.sharedBy } : {}) });
  };

  const recordQuery = (query: string, found: number, asker: Asker, surface: Surface): void => {
    try {
      deps.queryLog.recordQuery({ at: deps.clock(), channelId: asker.channelId, userId: asker.userId, surface, query, resultCount: Math.min(found, RESULTS_SHOWN) });
    } catch (error) {
      // Losing a log line must never cost the user their answer.
      deps.logger.error('Could not record a query', { surface, channelId: asker.channelId }, error);
    }
  };

  const reply: Replies['reply'] = async (input, asker, surface, render) => {
    switch (input.kind) {
      case 'help':
        return renderHelp();
      case 'sources':
        return renderSources(deps.knowledge);
      case 'digest': {
        if (!deps.digest) return renderNotice(slackStrings.digest.unavailable);
        try {
          return await deps.digest({
            channelId: asker.channelId ?? 'console',
            userId: asker.userId ?? slackStrings.console.userId,
            args: input.args,
            surface: surface === 'console' ? 'console' : 'slack',
          });
        } catch (error) {
          deps.logger.error('The digest command failed', { args: input.args, channelId: asker.channelId }, error);
          return renderNotice(slackStrings.digest.failed);
        }
      }
      case 'question':
        return answer(input.question, asker, surface, render);
    }
  };

  return { answer, reply, topics };
}
