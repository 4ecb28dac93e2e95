/**
 * Answers as Block Kit: pure functions from the transport-neutral Answer to a SlackMessage.
 */
import { DEFAULT_MAX_QUESTION_LENGTH } from '../../answers/ask';
import type { Answer, AnswerResult, Citation } from '../../answers/types';
import { slackStrings } from '../../strings/slack';
import { escapeSlackText, escapeSlackUrl, isLinkableUrl } from '../escape';
import { ACTION_IDS, encodeAnswerRef } from './action-ids';
import { fitToLimits, truncateText } from './limits';
import type { KnownBlock, SlackMessage } from './message';

/** The question length makeAsk cuts at (its `truncated` flag tells us it did). */
export const MAX_QUESTION_LENGTH = DEFAULT_MAX_QUESTION_LENGTH;

/** How many results a reply shows: the best one and up to two more, compact. */
export const RESULTS_SHOWN = 3;

export type AnswerSurface =
  /** A private reply to `/alibaba`: Share in channel + Helpful / Not helpful. */
  | 'ephemeral'
  /** A public reply (mention, DM, shared answer): Helpful / Not helpful only. */
  | 'public'
  /** Inside the App Home view: no buttons. */
  | 'home';

export interface AnswerRenderOptions {
  surface: AnswerSurface;
  /** User id of who shared the answer publicly. */
  sharedBy?: string;
  /** Topics to suggest when nothing relevant was found. */
  topics?: readonly string[];
}

const s = slackStrings.answer;
const BEST_QUOTE_MAX = 1800;
const BEST_TRANSLATION_MAX = 1000;
const MORE_QUOTE_MAX = 500;
const MORE_TRANSLATION_MAX = 400;
const QUESTION_ECHO_MAX = 300;

function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

/** `*Title* · section “X” · paragraph 3 · <link|Open the source>` with every knowledge value escaped. */
export function renderCitation(source: Citation): string {
  const parts = [`*${escapeSlackText(truncateText(source.title, 300))}*`];
  if (source.section) parts.push(`${s.sectionLabel} “${escapeSlackText(truncateText(source.section, 200))}”`);
  if (source.paragraph !== null) parts.push(s.paragraphLabel(source.paragraph));
  if (source.url && isLinkableUrl(source.url)) parts.push(`<${escapeSlackUrl(source.url)}|${s.openSource}>`);
  return parts.join(' · ');
}

function resultText(result: AnswerResult, quoteMax: number, translationMax: number, heading?: string): string {
  const lines: string[] = [];
  if (heading) lines.push(heading);
  lines.push(blockQuote(escapeSlackText(truncateText(result.quote, quoteMax))));
  if (result.translation) lines.push(`*${s.englishLabel}:* ${escapeSlackText(truncateText(result.translation, translationMax))}`);
  return lines.join('\n');
}

function echoQuestion(query: string): string {
  return escapeSlackText(truncateText(query.replace(/\s+/g, ' ').trim(), QUESTION_ECHO_MAX));
}

function answerButtons(answer: Answer, best: AnswerResult, surface: AnswerSurface): KnownBlock | null {
  if (surface === 'home') return null;
  const ref = encodeAnswerRef({ q: answer.query, f: best.factId, d: best.source.id });
  const elements: Array<Extract<KnownBlock, { type: 'actions' }>['elements'][number]> = [];
  if (surface === 'ephemeral') elements.push({ type: 'button', action_id: ACTION_IDS.share, text: { type: 'plain_text', text: slackStrings.buttons.share }, style: 'primary', value: ref });
  elements.push({ type: 'button', action_id: ACTION_IDS.helpful, text: { type: 'plain_text', text: slackStrings.buttons.helpful }, value: ref });
  elements.push({ type: 'button', action_id: ACTION_IDS.notHelpful, text: { type: 'plain_text', text: slackStrings.buttons.notHelpful }, value: ref });
  return { type: 'actions', block_id: 'answer_actions', elements };
}

/** The reply to a question: the best answer, up to two more, buttons; or an honest "no answer" with suggestions. */
export function renderAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  const blocks: KnownBlock[] = [];
  const question = echoQuestion(answer.query);

  if (options.sharedBy) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: s.sharedBy(options.sharedBy, question) }] });
  else if (question) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: s.youAsked(question) }] });
  if (answer.truncated) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: s.truncated(MAX_QUESTION_LENGTH) }] });

  const [best, ...rest] = answer.results;
  if (!best) return fitToLimits(renderNoAnswerInto(blocks, question, options.topics ?? []));

  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: resultText(best, BEST_QUOTE_MAX, BEST_TRANSLATION_MAX, s.bestHeading) } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: renderCitation(best.source) }] });

  const more = rest.slice(0, RESULTS_SHOWN - 1);
  if (more.length > 0) {
    blocks.push({ type: 'divider' });
    more.forEach((result, i) => {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: resultText(result, MORE_QUOTE_MAX, MORE_TRANSLATION_MAX, i === 0 ? s.moreHeading : undefined) } });
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: renderCitation(result.source) }] });
    });
  }
  const buttons = answerButtons(answer, best, options.surface);
  if (buttons) blocks.push(buttons);

  const text = s.fallback(
    question || '…',
    escapeSlackText(truncateText(best.quote, 1200)),
    escapeSlackText(truncateText(best.source.title, 300)),
  );
  return fitToLimits({ text, blocks });
}

function renderNoAnswerInto(blocks: KnownBlock[], escapedQuestion: string, topics: readonly string[]): SlackMessage {
  const n = slackStrings.noAnswer;
  if (!escapedQuestion) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: n.emptyQuestion } });
    return { text: n.emptyQuestion, blocks };
  }
  const intro = n.text(escapedQuestion);
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: intro } });
  if (topics.length > 0) {
    const list = topics.slice(0, 12).map((t) => `• ${escapeSlackText(truncateText(t, 120))}`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${n.suggestIntro}\n${list.join('\n')}` } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: n.tryHelp }] });
  return { text: intro, blocks };
}

