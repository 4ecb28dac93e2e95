import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { makeAppHomeOpenedHandler } from './app-home-opened';
import { makeAppMentionHandler } from './app-mention';
import { makeMessageHandler } from './message';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', makeAppMentionHandler(deps));
  app.event('message', makeMessageHandler(deps));
  app.event('app_home_opened', makeAppHomeOpenedHandler(deps));
}
