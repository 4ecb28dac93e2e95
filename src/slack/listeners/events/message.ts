import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { eventKey, messageKey } from '../../dedupe';
import type { ListenerDeps } from '../deps';
import { answerInConversation } from './answer-in-conversation';

interface PlainMessage {
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  text?: string;
  subtype?: string;
  bot_id?: string;
}

/**
 * `message` events: direct messages are answered in the DM. A channel message that mentions the bot is
 * the same question as its app_mention (Slack may deliver both): whichever arrives first answers it.
 * Edits, deletions, joins and every other subtype, and anything a bot wrote, are ignored.
 */
export function makeMessageHandler({ replies, deliveries, logger }: Pick<ListenerDeps, 'replies' | 'deliveries' | 'logger'>) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const message = event as unknown as PlainMessage;
    if (message.subtype !== undefined || message.bot_id) return;
    if (!message.user || (context.botUserId && message.user === context.botUserId)) return;
    const isDirect = message.channel_type === 'im';
    const mentionsBot = Boolean(context.botUserId && (message.text ?? '').includes(`<@${context.botUserId}`));
    if (!isDirect && !mentionsBot) return;
    if (!deliveries.claim([eventKey(body.event_id), messageKey(message.channel, message.ts)])) {
      logger.debug('Skipping a repeated delivery', { event_id: body.event_id, channel: message.channel, ts: message.ts });
      return;
    }
    await answerInConversation(
      { channel: message.channel, ts: message.ts, threadTs: message.thread_ts, user: message.user, text: message.text ?? '' },
      { replies, logger, client, botUserId: context.botUserId, surface: isDirect ? 'dm' : 'mention' },
    );
  };
}
