import type { Logger, webApi } from '@slack/bolt';
import type { Surface } from '../../../store/types';
import { slackStrings } from '../../../strings/slack';
import type { SlackMessage } from '../../blocks/message';
import { renderNotice } from '../../blocks/notice';
import { stripBotMention, unescapeSlackText } from '../../escape';
import { parseInput, type Replies } from '../../replies';
import { slackErrorCode } from '../deps';

export interface ConversationMessage {
  channel: string;
  ts: string;
  threadTs?: string | undefined;
  user?: string | undefined;
  text: string;
}

/**
 * Answers a mention or a DM in its conversation: in the thread of the message (or the thread it is in).
 * A bare mention inside a thread answers the thread's first message, read with conversations.replies.
 */
export async function answerInConversation(
  message: ConversationMessage,
  deps: { replies: Replies; logger: Logger; client: webApi.WebClient; botUserId: string | undefined; surface: Extract<Surface, 'mention' | 'dm'> },
): Promise<void> {
  const { replies, logger, client, botUserId, surface } = deps;
  const threadTs = surface === 'mention' ? (message.threadTs ?? message.ts) : message.threadTs;
  let question = unescapeSlackText(stripBotMention(message.text, botUserId));
  let reply: SlackMessage | null = null;

  if (question === '' && surface === 'mention' && message.threadTs && message.threadTs !== message.ts) {
    try {
      const thread = await client.conversations.replies({ channel: message.channel, ts: message.threadTs, limit: 1, inclusive: true });
      const first = thread.messages?.find((m) => m.ts === message.threadTs) ?? thread.messages?.[0];
      question = unescapeSlackText(stripBotMention(first?.text ?? '', botUserId));
      if (question === '') reply = renderNotice(slackStrings.mention.bare);
    } catch (error) {
      logger.error('Could not read the thread’s first message', { channel: message.channel, thread_ts: message.threadTs, error: slackErrorCode(error) }, error);
      reply = renderNotice(slackStrings.mention.threadUnreadable);
    }
  } else if (question === '' && surface === 'mention') {
    reply = renderNotice(slackStrings.mention.bare);
  }

  if (!reply) {
    try {
      reply = await replies.reply(parseInput(question), { channelId: message.channel, userId: message.user ?? null }, surface, 'public');
    } catch (error) {
      logger.error('Answering failed', { surface, channel: message.channel, ts: message.ts }, error);
      reply = renderNotice(slackStrings.errors.generic);
    }
  }

  try {
    await client.chat.postMessage({ channel: message.channel, text: reply.text, blocks: reply.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
  } catch (error) {
    logger.error('Could not post the reply', { surface, channel: message.channel, thread_ts: threadTs, error: slackErrorCode(error) }, error);
  }
}
