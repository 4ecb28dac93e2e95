import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackStrings } from '../../../strings/slack';
import { decodeAnswerRef } from '../../blocks/action-ids';
import type { ListenerDeps } from '../deps';
import { slackErrorCode } from '../../delivery';

/** "Helpful" / "Not helpful": recorded for the digest and the curators, acknowledged privately. */
export function makeFeedbackHandler({ feedbackLog, clock, delivery, logger }: Pick<ListenerDeps, 'feedbackLog' | 'clock' | 'delivery' | 'logger'>, helpful: boolean) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id ?? null;
    const user = body.user.id;
    const context = { event: helpful ? 'block_actions:helpful' : 'block_actions:not_helpful', channel: typeof channel === 'string' ? channel : null, user };
    let text: string = helpful ? slackStrings.feedback.thanksHelpful : slackStrings.feedback.thanksNotHelpful;
    if (!ref) {
      logger.warn('A feedback click without a readable value', context);
      text = slackStrings.feedback.stale;
    } else {
      try {
        feedbackLog.recordFeedback({ at: clock(), channelId: context.channel, userId: user, query: ref.q, factId: ref.f, documentId: ref.d, helpful });
      } catch (error) {
        logger.error('Could not record feedback', context, error);
      }
    }
    if (body.response_url) {
      await delivery.respond(respond, { response_type: 'ephemeral', replace_original: false, text }, context);
      return;
    }
    if (typeof channel !== 'string') return;
    try {
      await delivery.call('chat.postEphemeral', context, () => client.chat.postEphemeral({ channel, user, text }));
    } catch (error) {
      logger.error('Could not acknowledge feedback', { ...context, error: slackErrorCode(error) }, error);
    }
  };
}
