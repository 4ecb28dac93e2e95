import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/home';
import type { ListenerDeps } from '../deps';
import { slackErrorCode } from '../deps';

/** An example question on the Home tab: answered in the Home tab itself, above the rest of the view. */
export function makeHomeExampleHandler({ replies, knowledge, logger }: Pick<ListenerDeps, 'replies' | 'knowledge' | 'logger'>) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const question = (action.value ?? '').trim();
    const user = body.user.id;
    if (!question) return;
    try {
      const message = replies.answer(question, { channelId: null, userId: user }, 'home', 'home');
      await client.views.publish({ user_id: user, view: renderHome(knowledge, { examples: replies.topics, answer: { question, message } }) });
    } catch (error) {
      logger.error('Could not answer in the Home tab', { user, error: slackErrorCode(error) }, error);
    }
  };
}
