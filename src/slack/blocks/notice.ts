import { fitToLimits } from './limits';
import type { SlackMessage } from './message';

/** A one-paragraph reply (acknowledgements, errors). `mrkdwn` must already be escaped where it echoes input. */
export function renderNotice(mrkdwn: string): SlackMessage {
  return fitToLimits({ text: mrkdwn, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } }] });
}
