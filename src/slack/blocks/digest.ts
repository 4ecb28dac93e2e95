/**
 * The digest as Block Kit: pure, within Slack's limits (≤ 50 blocks, section text ≤ 3,000
 * characters, header ≤ 150), with fallback text. Questions are user text and knowledge text may hold
 * anything, so both are escaped (&, <, >) before they reach mrkdwn.
 */
import type { Digest, QuestionCount } from '../../digest/compose';
import { digestStrings } from '../../strings/digest';
import type { KnownBlock, SlackMessage } from './message';

export const BLOCK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150, contextElementText: 2000, fallbackText: 3000 } as const;
const MAX_LISTED_DOCUMENTS = 10;
const MAX_QUESTION_CHARS = 280;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** A link only for plain http(s) URLs that cannot break out of `<url|label>`. */
function link(url: string | null, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (url && /^https?:\/\/[^\s<>|]+$/.test(url)) return `<${url}|${safeLabel}>`;
  return safeLabel;
}

function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, BLOCK_LIMITS.sectionText) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, BLOCK_LIMITS.contextElementText) }] };
}

function questionList(questions: QuestionCount[]): string {
  return questions.map((q) => digestStrings.questionLine(escapeMrkdwn(truncate(q.text.replace(/\s+/g, ' ').trim(), MAX_QUESTION_CHARS)), q.count)).join('\n');
}

/** Fits a title and list lines into one section, dropping the lines that do not fit. */
function listSection(title: string, lines: string[]): KnownBlock {
  let text = title;
  for (const line of lines) {
    if (text.length + 1 + line.length > BLOCK_LIMITS.sectionText) break;
    text += `\n${line}`;
  }
  return section(text);
}

export function renderDigestBlocks(digest: Digest, options: { preview?: boolean } = {}): SlackMessage {
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncate(digestStrings.header(digest.date), BLOCK_LIMITS.headerText), emoji: true } }];
  if (options.preview) blocks.push(context(digestStrings.previewNote(digest.date)));

  if (digest.fact) {
    const { fact, document } = digest.fact;
    const title = `*${escapeMrkdwn(fact.topic ? digestStrings.factTopic(fact.topic) : digestStrings.factTitle)}*`;
    const translation = `_${escapeMrkdwn(fact.translation)}_`;
    // The quote is what gets cut when a curated fact is very long: title and rendering stay whole.
    const room = BLOCK_LIMITS.sectionText - title.length - Math.min(translation.length, 1000) - 4;
    const quote = blockQuote(truncate(escapeMrkdwn(fact.quote), Math.max(200, room)));
    blocks.push(section(`${title}\n${quote}\n${truncate(translation, 1000)}`));
    const citation = digestStrings.citation(document?.title ?? fact.documentId, fact.section, fact.paragraph);
    blocks.push(context(`${link(document?.url ?? null, citation)} · ${digestStrings.factPosition(digest.fact.position, digest.fact.cycleLength)}`));
  } else {
    blocks.push(section(escapeMrkdwn(digestStrings.noFacts)));
  }

  if (digest.newDocuments.length > 0) {
    const count = digest.newDocuments.length;
    const title = `*${digest.firstDigest ? digestStrings.firstDigestDocumentsTitle(count) : digestStrings.newDocumentsTitle(count)}*`;
    const listed = digest.newDocuments.slice(0, MAX_LISTED_DOCUMENTS).map((d) => `• ${link(d.url, truncate(d.title, 200))}${d.publisher ? ` (${escapeMrkdwn(truncate(d.publisher, 80))})` : ''}`);
    if (count > MAX_LISTED_DOCUMENTS) listed.push(digestStrings.moreDocuments(count - MAX_LISTED_DOCUMENTS));
    blocks.push({ type: 'divider' }, listSection(title, listed));
  }

  if (digest.questions) {
    const { questions } = digest;
    blocks.push({ type: 'divider' }, section(`*${escapeMrkdwn(digestStrings.questionsTitle(questions.date, questions.total))}*`));
    if (questions.mostAsked.length > 0) blocks.push(listSection(`*${digestStrings.mostAskedTitle}*`, questionList(questions.mostAsked).split('\n')));
    if (questions.unanswered.length > 0) blocks.push(listSection(`*${escapeMrkdwn(digestStrings.unansweredTitle)}*`, questionList(questions.unanswered).split('\n')));
  }

  blocks.push(context(digestStrings.footer));

  const factLine = digest.fact ? digest.fact.fact.translation : null;
  return { text: truncate(escapeMrkdwn(digestStrings.fallback(digest.date, factLine)), BLOCK_LIMITS.fallbackText), blocks: blocks.slice(0, BLOCK_LIMITS.blocks) };
}
