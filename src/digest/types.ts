import type { SlackMessage } from '../slack/blocks/message';

/** `/alibaba digest …` as typed by a user, routed here by the Slack listener and the console. */
export interface DigestCommandRequest {
  /** Channel the command was typed in (`console` in the local console). */
  channelId: string;
  userId: string;
  /** Everything after `digest`, trimmed: `subscribe 08:30 Europe/Rome`, `now`, `status`, `unsubscribe`, or ``. */
  args: string;
  surface: 'slack' | 'console';
}

/** Replies privately to the user who typed the command. */
export type DigestCommandHandler = (request: DigestCommandRequest) => Promise<SlackMessage>;
