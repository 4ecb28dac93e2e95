/** The digest as plain text, for `npm run digest -- --dry-run` (no Slack markup). */
import { digestStrings } from '../strings/digest';
import type { Digest } from './compose';

export function renderDigestText(digest: Digest): string {
  const lines: string[] = [digestStrings.header(digest.date), ''];
  if (digest.fact) {
    const { fact, document, position, cycleLength } = digest.fact;
    lines.push(fact.topic ? digestStrings.factTopic(fact.topic) : digestStrings.factTitle);
    lines.push(`  “${fact.quote}”`);
    lines.push(`  ${fact.translation}`);
    lines.push(`  — ${digestStrings.citation(document?.title ?? fact.documentId, fact.section, fact.paragraph)}${document?.url ? ` <${document.url}>` : ''} (${digestStrings.factPosition(position, cycleLength)})`);
  } else {
    lines.push(digestStrings.noFacts);
  }
  if (digest.newDocuments.length > 0) {
    const count = digest.newDocuments.length;
    lines.push('', digest.firstDigest ? digestStrings.firstDigestDocumentsTitle(count) : digestStrings.newDocumentsTitle(count));
    for (const d of digest.newDocuments.slice(0, 10)) lines.push(`  • ${d.title}${d.url ? ` <${d.url}>` : ''}`);
    if (count > 10) lines.push(`  ${digestStrings.moreDocuments(count - 10)}`);
  }
  if (digest.questions) {
    const q = digest.questions;
    lines.push('', digestStrings.questionsTitle(q.date, q.total));
    if (q.mostAsked.length > 0) lines.push(`  ${digestStrings.mostAskedTitle}:`, ...q.mostAsked.map((x) => `    ${digestStrings.questionLine(x.text, x.count)}`));
    if (q.unanswered.length > 0) lines.push(`  ${digestStrings.unansweredTitle}:`, ...q.unanswered.map((x) => `    ${digestStrings.questionLine(x.text, x.count)}`));
  }
  return lines.join('\n');
}
