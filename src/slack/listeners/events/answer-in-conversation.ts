import type { Logger, webApi } from '@slack/bolt';
import type { Surface } from '../../../store/types';
import { slackStrings } from '../../../strings/slack';
import type { SlackMessage } from '../../blocks/message';
import { renderNotice } from '../../blocks/notice';
import { slackErrorCode, type Delivery, type DeliveryContext } from '../../delivery';
import { slackTextToPlain, stripBotMention } from '../../escape';
import { parseInput, type Replies } from '../../replies';

export interface ConversationMessage {
  channel: string;
  ts: string;
  threadTs?: string | undefined;
  user?: string | undefined;
  text: string;
}

export interface ConversationDeps {
  replies: Replies;
  logger: Logger;
  delivery: Delivery;
  client: webApi.WebClient;
  botUserId: string | undefined;
  botId: string | undefined;
  surface: Extract<Surface, 'mention' | 'dm'>;
  /** The Slack event type, for log lines. */
  event: string;
}

/** A thread's parent as conversations.replies returns it. */
interface ThreadParent {
  ts?: string;
  text?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
}

/** The question a bare mention in a thread stands for: the parent's text, or why there is none. */
async function threadQuestion(message: ConversationMessage & { threadTs: string }, deps: ConversationDeps, context: DeliveryContext): Promise<{ question: string } | { reply: SlackMessage }> {
  const { client, delivery, logger, botUserId, botId } = deps;
  try {
    const thread = await delivery.call('conversations.replies', context, () => client.conversations.replies({ channel: message.channel, ts: message.threadTs, limit: 1, inclusive: true }));
    const parent = (thread.messages as ThreadParent[] | undefined)?.find((m) => m.ts === message.threadTs);
    // A deleted parent with replies stays as a "tombstone" ("This message was deleted.").
    if (!parent || parent.subtype === 'tombstone' || parent.subtype === 'message_deleted') return { reply: renderNotice(slackStrings.mention.threadParentGone) };
    // Answering our own answer would only repeat it.
    if ((botUserId && parent.user === botUserId) || (botId && parent.bot_id === botId)) return { reply: renderNotice(slackStrings.mention.bare) };
    const question = slackTextToPlain(stripBotMention(parent.text ?? '', botUserId));
    return question === '' ? { reply: renderNotice(slackStrings.mention.bare) } : { question };
  } catch (error) {
    const code = slackErrorCode(error);
    logger.error('Could not read the thread’s first message', { ...context, error: code }, error);
    return { reply: renderNotice(code === 'thread_not_found' || code === 'message_not_found' ? slackStrings.mention.threadParentGone : slackStrings.mention.threadUnreadable) };
  }
}

/**
 * Answers a mention or a DM in its conversation: in the thread of the message (or the thread it is in).
 * A bare mention inside a thread answers the thread's first message, read with conversations.replies.
 */
export async function answerInConversation(message: ConversationMessage, deps: ConversationDeps): Promise<void> {
  const { replies, logger, client, delivery, botUserId, surface } = deps;
  const threadTs = surface === 'mention' ? (message.threadTs ?? message.ts) : message.threadTs;
  const context: DeliveryContext = { event: deps.event, channel: message.channel, user: message.user ?? null, thread_ts: threadTs };
  // Slack sends its markup (<@U…|name>, <#C…|x>, <https://…|label>, &amp;): the question is the plain text.
  let question = slackTextToPlain(stripBotMention(message.text, botUserId));
  let reply: SlackMessage | null = null;

  if (question === '' && surface === 'mention' && message.threadTs && message.threadTs !== message.ts) {
    const found = await threadQuestion({ ...message, threadTs: message.threadTs }, deps, context);
    if ('reply' in found) reply = found.reply;
    else question = found.question;
  } else if (question === '' && surface === 'mention') {
    reply = renderNotice(slackStrings.mention.bare);
  }

  if (!reply) {
    try {
      reply = await replies.reply(parseInput(question), { channelId: message.channel, userId: message.user ?? null }, surface, 'public');
    } catch (error) {
      logger.error('Answering failed', context, error);
      reply = renderNotice(slackStrings.errors.generic);
    }
  }

  // Never throws: failures (not_in_channel, is_archived, 5xx after retries…) are logged with this context.
  await delivery.postMessage(client, { channel: message.channel, text: reply.text, blocks: reply.blocks, thread_ts: threadTs }, context);
}
