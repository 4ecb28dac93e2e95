import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slackStrings } from '../../../strings/slack';
import type { SlackMessage } from '../../blocks/message';
import { renderNotice } from '../../blocks/notice';
import { slackTextToPlain } from '../../escape';
import { parseInput } from '../../replies';
import type { ListenerDeps } from '../deps';
import { slackErrorCode } from '../../delivery';

type CommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'>;

/**
 * `/alibaba …`: acknowledged at once (Slack allows 3 seconds), then answered privately through the
 * command's response_url, which works in any conversation (DMs, private channels, channels the bot is
 * not in). Only when response_url fails does it try chat.postEphemeral (which needs membership).
 */
export function makeAlibabaCommandHandler({ replies, delivery, logger }: Pick<ListenerDeps, 'replies' | 'delivery' | 'logger'>) {
  return async ({ command, ack, respond, client }: CommandArgs & Partial<AllMiddlewareArgs>): Promise<void> => {
    await ack();
    const asker = { channelId: command.channel_id, userId: command.user_id };
    const context = { event: 'slash_command', channel: command.channel_id, user: command.user_id };
    let message: SlackMessage;
    try {
      // Slack sends its markup and &, < and > as entities; the question is what the user typed.
      message = await replies.reply(parseInput(slackTextToPlain(typeof command.text === 'string' ? command.text : '')), asker, 'command', 'ephemeral');
    } catch (error) {
      logger.error('Answering /alibaba failed', context, error);
      message = renderNotice(slackStrings.errors.generic);
    }
    const sent = await delivery.respond(respond, { response_type: 'ephemeral', text: message.text, blocks: message.blocks }, context);
    if (sent.ok || !client) return;
    try {
      await delivery.call('chat.postEphemeral', context, () => client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: message.text, blocks: message.blocks }));
    } catch (error) {
      logger.error('Could not send the /alibaba reply at all', { ...context, error: slackErrorCode(error) }, error);
    }
  };
}
