/**
 * The digest as Block Kit: pure, within Slack's limits (≤ 50 blocks, section text ≤ 3,000
 * characters, header ≤ 150), with fallback text. Questions are user text and knowledge text may hold
 * anything, so both are escaped (&, <, >) before they reach mrkdwn.
 */
import { citationFor } from '../../answers/citation';
import type { Digest, QuestionCount } from '../../digest/compose';
import { digestStrings } from '../../strings/digest';
import { escapeSlackText, escapeSlackUrl, isLinkableUrl } from '../escape';
import { renderCitation } from './answer';
import { LIMITS, truncateText } from './limits';
import type { KnownBlock, SlackMessage } from './message';

const MAX_LISTED_DOCUMENTS = 10;
const MAX_QUESTION_CHARS = 280;

/** A link only for plain http(s) URLs that cannot break out of `<url|label>`. */
function link(url: string | null, label: string): string {
  const safeLabel = escapeSlackText(label).replace(/\|/g, '¦');
  if (url && isLinkableUrl(url)) return `<${escapeSlackUrl(url)}|${safeLabel}>`;
  return safeLabel;
}

function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateText(text, LIMITS.sectionText) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateText(text, LIMITS.contextText) }] };
}

function questionList(questions: QuestionCount[]): string {
  return questions.map((q) => digestStrings.questionLine(escapeSlackText(truncateText(q.text.replace(/\s+/g, ' ').trim(), MAX_QUESTION_CHARS)), q.count)).join('\n');
}

/** Fits a title and list lines into one section, dropping the lines that do not fit. */
function listSection(title: string, lines: string[]): KnownBlock {
  let text = title;
  for (const line of lines) {
    if (text.length + 1 + line.length > LIMITS.sectionText) break;
    text += `\n${line}`;
  }
  return section(text);
}

export function renderDigestBlocks(digest: Digest, options: { preview?: boolean } = {}): SlackMessage {
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncateText(digestStrings.header(digest.date), LIMITS.headerText), emoji: true } }];
  if (options.preview) blocks.push(context(digestStrings.previewNote(digest.date)));

  if (digest.fact) {
    const { fact, document } = digest.fact;
    const title = `*${escapeSlackText(fact.topic ? digestStrings.factTopic(fact.topic) : digestStrings.factTitle)}*`;
    const translation = `_${escapeSlackText(fact.translation)}_`;
    // The quote is what gets cut when a curated fact is very long: title and rendering stay whole.
    const room = LIMITS.sectionText - title.length - Math.min(translation.length, 1000) - 4;
    const quote = blockQuote(truncateText(escapeSlackText(fact.quote), Math.max(200, room)));
    blocks.push(section(`${title}\n${quote}\n${truncateText(translation, 1000)}`));
    blocks.push(context(`${renderCitation(citationFor(document, fact))} · ${digestStrings.factPosition(digest.fact.position, digest.fact.cycleLength)}`));
  } else {
    blocks.push(section(escapeSlackText(digestStrings.noFacts)));
  }

  if (digest.newDocuments.length > 0) {
    const count = digest.newDocuments.length;
    const title = `*${digest.firstDigest ? digestStrings.firstDigestDocumentsTitle(count) : digestStrings.newDocumentsTitle(count)}*`;
    const listed = digest.newDocuments.slice(0, MAX_LISTED_DOCUMENTS).map((d) => `• ${link(d.url, truncateText(d.title, 200))}${d.publisher ? ` (${escapeSlackText(truncateText(d.publisher, 80))})` : ''}`);
    if (count > MAX_LISTED_DOCUMENTS) listed.push(digestStrings.moreDocuments(count - MAX_LISTED_DOCUMENTS));
    blocks.push({ type: 'divider' }, listSection(title, listed));
  }

  if (digest.questions) {
    const { questions } = digest;
    blocks.push({ type: 'divider' }, section(`*${escapeSlackText(digestStrings.questionsTitle(questions.date, questions.total))}*`));
    if (questions.mostAsked.length > 0) blocks.push(listSection(`*${digestStrings.mostAskedTitle}*`, questionList(questions.mostAsked).split('\n')));
    if (questions.unanswered.length > 0) blocks.push(listSection(`*${escapeSlackText(digestStrings.unansweredTitle)}*`, questionList(questions.unanswered).split('\n')));
  }

  blocks.push(context(digestStrings.footer));

  const factLine = digest.fact ? digest.fact.fact.translation : null;
  return { text: truncateText(escapeSlackText(digestStrings.fallback(digest.date, factLine)), LIMITS.fallbackText), blocks: blocks.slice(0, LIMITS.blocksPerMessage) };
}
