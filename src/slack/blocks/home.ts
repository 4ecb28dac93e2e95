import type { types as slackTypes } from '@slack/bolt';
import type { KnowledgeBase } from '../../knowledge/types';
import { slackStrings } from '../../strings/slack';
import { escapeSlackText } from '../escape';
import { ACTION_IDS } from './action-ids';
import { LIMITS, fitToLimits, truncateText } from './limits';
import type { KnownBlock, SlackMessage } from './message';
import { documentListBlocks, knowledgeSummary } from './sources';

export type HomeView = slackTypes.HomeView;

export interface HomeRenderOptions {
  /** Example questions shown as buttons (the knowledge base's topics). */
  examples: readonly string[];
  /** An answer to show at the top (after an example button was clicked). */
  answer?: { question: string; message: SlackMessage };
}

const h = slackStrings.home;
/** Home views allow 100 blocks; we stay within the 50 of a message so the same blocks print in the console. */
const MAX_HOME_BLOCKS = LIMITS.blocksPerMessage;

export function renderHome(knowledge: KnowledgeBase, options: HomeRenderOptions): HomeView {
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: h.header } }];
  if (options.answer) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: h.answerTitle(escapeSlackText(truncateText(options.answer.question, 300))) } });
    blocks.push(...options.answer.message.blocks.slice(0, 12));
    blocks.push({ type: 'divider' });
  }
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: h.intro } });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: [h.howTitle, ...h.how.map((line) => `• ${line}`)].join('\n') } });
  const examples = options.examples.slice(0, 5);
  if (examples.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: h.examplesTitle } });
    blocks.push({
      type: 'actions',
      block_id: 'home_examples',
      elements: examples.map((question, i) => ({
        type: 'button' as const,
        action_id: `${ACTION_IDS.homeExample}_${i}`,
        text: { type: 'plain_text' as const, text: truncateText(question, LIMITS.buttonText) },
        value: question.slice(0, 500),
      })),
    });
  }
  blocks.push({ type: 'divider' });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${h.knowsTitle}\n${knowledgeSummary(knowledge)}` } });
  const room = MAX_HOME_BLOCKS - blocks.length;
  if (room > 1) blocks.push(...documentListBlocks(knowledge, 25, room));
  const fitted = fitToLimits({ text: h.fallback, blocks }, MAX_HOME_BLOCKS);
  return { type: 'home', blocks: fitted.blocks };
}
