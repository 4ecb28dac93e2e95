import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackStrings } from '../../../strings/slack';
import { decodeAnswerRef } from '../../blocks/action-ids';
import type { ListenerDeps } from '../deps';
import { slackErrorCode } from '../deps';

/** "Helpful" / "Not helpful": recorded for the digest and the curators, acknowledged privately. */
export function makeFeedbackHandler({ feedbackLog, clock, logger }: Pick<ListenerDeps, 'feedbackLog' | 'clock' | 'logger'>, helpful: boolean) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id ?? null;
    const user = body.user.id;
    if (!ref) {
      logger.warn('Ignoring a feedback click without a readable value', { user });
      return;
    }
    try {
      feedbackLog.recordFeedback({ at: clock(), channelId: typeof channel === 'string' ? channel : null, userId: user, query: ref.q, factId: ref.f, documentId: ref.d, helpful });
    } catch (error) {
      logger.error('Could not record feedback', { channel, user }, error);
    }
    const text = helpful ? slackStrings.feedback.thanksHelpful : slackStrings.feedback.thanksNotHelpful;
    try {
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text });
      else if (typeof channel === 'string') await client.chat.postEphemeral({ channel, user, text });
    } catch (error) {
      logger.error('Could not acknowledge feedback', { channel, user, error: slackErrorCode(error) }, error);
    }
  };
}
