import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackStrings } from '../../../strings/slack';
import { decodeAnswerRef } from '../../blocks/action-ids';
import type { ListenerDeps } from '../deps';
import { slackErrorCode } from '../deps';

const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cant_post_in_channel']);

/**
 * "Share in channel" under a private answer: posts the same answer publicly, saying who shared it, and
 * replaces the private copy with a confirmation.
 */
export function makeShareAnswerHandler({ replies, logger }: Pick<ListenerDeps, 'replies' | 'logger'>) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const user = body.user.id;
    if (!ref || typeof channel !== 'string') {
      logger.warn('Ignoring a share click without a channel or a readable value', { user });
      return;
    }
    try {
      // Re-asked rather than copied from the click, so nobody can share text the bot never said.
      const message = replies.answer(ref.q, { channelId: channel, userId: user }, 'command', 'public', { sharedBy: user, record: false });
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
      await respond({ response_type: 'ephemeral', replace_original: true, text: slackStrings.share.done });
    } catch (error) {
      const code = slackErrorCode(error);
      logger.error('Could not share an answer', { channel, user, error: code }, error);
      const notice = code && CANNOT_POST.has(code) ? slackStrings.share.notInChannel : slackStrings.share.failed;
      await respond({ response_type: 'ephemeral', replace_original: false, text: notice }).catch((respondError: unknown) =>
        logger.error('Could not tell the user the share failed', { channel, user }, respondError),
      );
    }
  };
}
