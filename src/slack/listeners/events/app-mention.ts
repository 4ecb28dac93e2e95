import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { eventKey, messageKey } from '../../dedupe';
import type { ListenerDeps } from '../deps';
import { answerInConversation } from './answer-in-conversation';

/** `@alibaba …` in a channel or thread: answered once, in the thread. */
export function makeAppMentionHandler({ replies, deliveries, delivery, logger }: Pick<ListenerDeps, 'replies' | 'deliveries' | 'delivery' | 'logger'>) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id || !event.user || (context.botUserId && event.user === context.botUserId)) return;
    if (!deliveries.claim([eventKey(body.event_id), messageKey(event.channel, event.ts)])) {
      logger.debug('Skipping a repeated delivery', { event_id: body.event_id, channel: event.channel, ts: event.ts });
      return;
    }
    await answerInConversation(
      { channel: event.channel, ts: event.ts, threadTs: event.thread_ts, user: event.user, text: typeof event.text === 'string' ? event.text : '' },
      { replies, logger, client, delivery, botUserId: context.botUserId, botId: context.botId, surface: 'mention', event: 'app_mention' },
    );
  };
}
