import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/home';
import type { ListenerDeps } from '../deps';
import { slackErrorCode } from '../deps';

/** Publishes the Home tab when a user opens it (the Messages tab needs nothing). */
export function makeAppHomeOpenedHandler({ replies, knowledge, logger }: Pick<ListenerDeps, 'replies' | 'knowledge' | 'logger'>) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: renderHome(knowledge, { examples: replies.topics }) });
    } catch (error) {
      logger.error('Could not publish the Home tab', { user: event.user, error: slackErrorCode(error) }, error);
    }
  };
}
