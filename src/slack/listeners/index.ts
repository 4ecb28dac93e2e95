import type { App } from '@slack/bolt';
import { register as registerActions } from './actions';
import { register as registerCommands } from './commands';
import type { ListenerDeps } from './deps';
import { register as registerEvents } from './events';
import { register as registerUnhandled } from './unhandled';

export type { ListenerDeps } from './deps';

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  // Last: acknowledges the interactions none of the above handles.
  registerUnhandled(app, deps);
}
