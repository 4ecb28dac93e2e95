import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { eventKey, messageKey } from '../../dedupe';
import { slackTextToPlain, stripBotMention } from '../../escape';
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
  bot_profile?: unknown;
  hidden?: boolean;
}

/**
 * Subtypes that are still a person writing to the bot: a file shared with a question, and a thread
 * reply also sent to the conversation. Every other subtype (edits, deletions, joins, bot messages…)
 * is ignored.
 */
const ANSWERED_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/**
 * `message` events: direct messages are answered in the DM. A channel message that mentions the bot is
 * the same question as its app_mention (Slack may deliver both): whichever arrives first answers it.
 * Edits, deletions, joins and every other subtype, hidden messages, and anything a bot wrote are ignored.
 */
export function makeMessageHandler({ replies, deliveries, delivery, logger }: Pick<ListenerDeps, 'replies' | 'deliveries' | 'delivery' | 'logger'>) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const message = event as unknown as PlainMessage;
    if (message.subtype !== undefined && !ANSWERED_SUBTYPES.has(message.subtype)) return;
    if (message.hidden || message.bot_id || message.bot_profile) return;
    if (typeof message.user !== 'string' || !message.user || (context.botUserId && message.user === context.botUserId)) return;
    const text = typeof message.text === 'string' ? message.text : '';
    const isDirect = message.channel_type === 'im';
    const mentionsBot = Boolean(context.botUserId && text.includes(`<@${context.botUserId}`));
    if (!isDirect && !mentionsBot) return;
    // A file sent without a word is not a question (a plain empty DM still gets the help).
    if (message.subtype === 'file_share' && slackTextToPlain(stripBotMention(text, context.botUserId)) === '') return;
    if (!deliveries.claim([eventKey(body.event_id), messageKey(message.channel, message.ts)])) {
      logger.debug('Skipping a repeated delivery', { event_id: body.event_id, channel: message.channel, ts: message.ts });
      return;
    }
    await answerInConversation(
      { channel: message.channel, ts: message.ts, threadTs: message.thread_ts, user: message.user, text },
      { replies, logger, client, delivery, botUserId: context.botUserId, botId: context.botId, surface: isDirect ? 'dm' : 'mention', event: isDirect ? 'message.im' : 'message' },
    );
  };
}
