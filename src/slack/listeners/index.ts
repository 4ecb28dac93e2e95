import type { App } from '@slack/bolt';
import { register as registerActions } from './actions';
import { register as registerCommands } from './commands';
import type { ListenerDeps } from './deps';
import { register as registerEvents } from './events';

export type { ListenerDeps } from './deps';

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
}
