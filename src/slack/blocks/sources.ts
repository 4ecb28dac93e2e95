import type { KnowledgeBase, KnowledgeDocument } from '../../knowledge/types';
import { slackStrings } from '../../strings/slack';
import { escapeSlackText, escapeSlackUrl, isLinkableUrl } from '../escape';
import { factCountsByDocument } from '../topics';
import { LIMITS, fitToLimits, truncateText } from './limits';
import type { KnownBlock, SlackMessage } from './message';

const s = slackStrings.sources;

/** One line per document: linked title, publisher and date when known, fact count. */
export function documentLine(document: KnowledgeDocument, facts: number): string {
  const title = escapeSlackText(truncateText(document.title, 200));
  const linked = document.url && isLinkableUrl(document.url) ? `<${escapeSlackUrl(document.url)}|${title}>` : title;
  const details = [document.publisher, document.published].filter((d): d is string => Boolean(d)).map((d) => escapeSlackText(truncateText(d, 80)));
  details.push(s.factCount(facts));
  return `• *${linked}*: ${details.join(' · ')}`;
}

/**
 * The documents as compact lines packed into sections (each within the 3,000-character limit), at most
 * `maxDocuments` of them, then "…and N more".
 */
export function documentListBlocks(knowledge: KnowledgeBase, maxDocuments: number, maxBlocks: number): KnownBlock[] {
  const counts = factCountsByDocument(knowledge);
  const blocks: KnownBlock[] = [];
  let current = '';
  let listed = 0;
  for (const document of knowledge.documents) {
    if (listed >= maxDocuments) break;
    const line = documentLine(document, counts.get(document.id) ?? 0);
    if (current && current.length + 1 + line.length > LIMITS.sectionText) {
      if (blocks.length + 1 >= maxBlocks) break;
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
    listed += 1;
  }
  if (current) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
  const remaining = knowledge.documents.length - listed;
  if (remaining > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: s.more(remaining) }] });
  return blocks;
}

export function knowledgeSummary(knowledge: KnowledgeBase): string {
  return s.summary(knowledge.documents.length, knowledge.passages.length, knowledge.facts.length);
}

/** `/alibaba sources`: the documents the bot knows, with their fact counts. */
export function renderSources(knowledge: KnowledgeBase): SlackMessage {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: s.header } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: knowledgeSummary(knowledge) }] },
  ];
  if (knowledge.documents.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: s.none } });
  else blocks.push(...documentListBlocks(knowledge, 100, LIMITS.blocksPerMessage - 4));
  if (knowledge.problems.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: s.problems(knowledge.problems.length) }] });
  return fitToLimits({ text: s.fallback(knowledge.documents.length, knowledge.facts.length), blocks });
}
