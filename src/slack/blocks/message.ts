import type { types as slackTypes } from '@slack/bolt';

export type KnownBlock = slackTypes.KnownBlock;

/** A rendered reply: Block Kit blocks plus the fallback text Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
