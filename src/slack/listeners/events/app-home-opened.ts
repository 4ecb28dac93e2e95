import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/home';
import type { ListenerDeps } from '../deps';
import { slackErrorCode } from '../../delivery';

/** Publishes the Home tab when a user opens it (the Messages tab needs nothing). */
export function makeAppHomeOpenedHandler({ replies, knowledge, delivery, logger }: Pick<ListenerDeps, 'replies' | 'knowledge' | 'delivery' | 'logger'>) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home' || typeof event.user !== 'string') return;
    const context = { event: 'app_home_opened', user: event.user, channel: event.channel };
    try {
      const view = renderHome(knowledge, { examples: replies.topics });
      await delivery.call('views.publish', context, () => client.views.publish({ user_id: event.user, view }));
    } catch (error) {
      logger.error('Could not publish the Home tab', { ...context, error: slackErrorCode(error) }, error);
    }
  };
}
