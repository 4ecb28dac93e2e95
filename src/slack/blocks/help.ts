import { slackStrings } from '../../strings/slack';
import { fitToLimits } from './limits';
import type { SlackMessage } from './message';

/** `/alibaba`, `/alibaba help`: how to ask, including the digest commands. */
export function renderHelp(): SlackMessage {
  const h = slackStrings.help;
  return fitToLimits({
    text: h.fallback,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: h.header } },
      { type: 'section', text: { type: 'mrkdwn', text: h.intro } },
      { type: 'section', text: { type: 'mrkdwn', text: [h.usageTitle, ...h.usage.map((u) => `• ${u}`)].join('\n') } },
      { type: 'section', text: { type: 'mrkdwn', text: [h.digestTitle, ...h.digest.map((u) => `• ${u}`)].join('\n') } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: h.tip }] },
    ],
  });
}
