import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slackStrings } from '../../../strings/slack';
import type { SlackMessage } from '../../blocks/message';
import { renderNotice } from '../../blocks/notice';
import { unescapeSlackText } from '../../escape';
import { parseInput } from '../../replies';
import type { ListenerDeps } from '../deps';

type CommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'>;

/**
 * `/alibaba …`: acknowledged at once (Slack allows 3 seconds), then answered privately through the
 * command's response_url.
 */
export function makeAlibabaCommandHandler({ replies, logger }: Pick<ListenerDeps, 'replies' | 'logger'>) {
  return async ({ command, ack, respond }: CommandArgs & Partial<AllMiddlewareArgs>): Promise<void> => {
    await ack();
    const asker = { channelId: command.channel_id, userId: command.user_id };
    let message: SlackMessage;
    try {
      // Slack sends &, < and > as entities; the question is what the user typed.
      message = await replies.reply(parseInput(unescapeSlackText(command.text ?? '')), asker, 'command', 'ephemeral');
    } catch (error) {
      logger.error('Answering /alibaba failed', { channel: command.channel_id, user: command.user_id }, error);
      message = renderNotice(slackStrings.errors.generic);
    }
    try {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    } catch (error) {
      logger.error('Could not send the /alibaba reply through response_url', { channel: command.channel_id, user: command.user_id }, error);
    }
  };
}
