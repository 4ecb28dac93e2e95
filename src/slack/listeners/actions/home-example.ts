import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/home';
import type { ListenerDeps } from '../deps';
import { slackErrorCode } from '../../delivery';

/** An example question on the Home tab: answered in the Home tab itself, above the rest of the view. */
export function makeHomeExampleHandler({ replies, knowledge, delivery, logger }: Pick<ListenerDeps, 'replies' | 'knowledge' | 'delivery' | 'logger'>) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const question = (typeof action.value === 'string' ? action.value : '').replace(/\s+/g, ' ').trim();
    const user = body.user.id;
    const context = { event: 'block_actions:home_example', user };
    if (!question) return;
    try {
      const message = replies.answer(question, { channelId: null, userId: user }, 'home', 'home');
      const view = renderHome(knowledge, { examples: replies.topics, answer: { question, message } });
      await delivery.call('views.publish', context, () => client.views.publish({ user_id: user, view }));
    } catch (error) {
      logger.error('Could not answer in the Home tab', { ...context, error: slackErrorCode(error) }, error);
    }
  };
}
