import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackStrings } from '../../../strings/slack';
import { decodeAnswerRef } from '../../blocks/action-ids';
import type { SlackMessage } from '../../blocks/message';
import { renderNotice } from '../../blocks/notice';
import { CANNOT_POST, slackErrorCode } from '../../delivery';
import type { ListenerDeps } from '../deps';

/**
 * "Share in channel" under a private answer: posts the same answer publicly, saying who shared it, and
 * replaces the private copy with a confirmation. The public post goes through the click's response_url
 * (`in_channel`), which works where the bot is not a member and in DMs between people;
 * chat.postMessage is the fallback when there is no response_url or it failed.
 */
export function makeShareAnswerHandler({ replies, deliveries, delivery, logger }: Pick<ListenerDeps, 'replies' | 'deliveries' | 'delivery' | 'logger'>) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    const user = body.user.id;
    const context = { event: 'block_actions:share', channel: typeof channel === 'string' ? channel : null, user };
    const hasResponseUrl = typeof body.response_url === 'string' && body.response_url.length > 0;
    const tellUser = async (text: string): Promise<void> => {
      if (hasResponseUrl) await delivery.respond(respond, { response_type: 'ephemeral', replace_original: false, text }, context);
    };

    const ref = decodeAnswerRef(action.value);
    if (!ref) {
      logger.warn('A share click without a readable value', context);
      await tellUser(slackStrings.share.stale);
      return;
    }
    // A double click (or Slack redelivering the click) shares once.
    const messageTs = body.container?.message_ts;
    if (typeof messageTs === 'string' && !deliveries.claim([`share:${String(channel)}:${messageTs}:${user}`])) return;

    let message: SlackMessage;
    try {
      // Re-asked rather than copied from the click, so nobody can share text the bot never said.
      message = replies.answer(ref.q, { channelId: typeof channel === 'string' ? channel : null, userId: user }, 'command', 'public', { sharedBy: user, record: false });
    } catch (error) {
      logger.error('Could not share an answer', context, error);
      await tellUser(slackStrings.share.failed);
      return;
    }

    const confirm = async (): Promise<void> => {
      if (!hasResponseUrl) return;
      const done = renderNotice(slackStrings.share.done);
      await delivery.respond(respond, { response_type: 'ephemeral', replace_original: true, text: done.text, blocks: done.blocks }, context);
    };

    if (hasResponseUrl) {
      const shared = await delivery.respond(respond, { response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks }, context);
      if (shared.ok) return confirm();
    }
    if (typeof channel !== 'string') {
      await tellUser(slackStrings.share.failed);
      return;
    }
    const posted = await delivery.postMessage(client, { channel, text: message.text, blocks: message.blocks }, context);
    if (posted.ok) return confirm();
    const why = CANNOT_POST.has(posted.error) ? slackStrings.share.notInChannel : slackStrings.share.failed;
    if (hasResponseUrl) {
      await tellUser(why);
      return;
    }
    try {
      await delivery.call('chat.postEphemeral', context, () => client.chat.postEphemeral({ channel, user, text: why }));
    } catch (error) {
      logger.error('Could not tell the user the share failed', { ...context, error: slackErrorCode(error) }, error);
    }
  };
}
