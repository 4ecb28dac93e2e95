import type { App } from '@slack/bolt';
import { COMMAND } from '../../../strings/slack';
import type { ListenerDeps } from '../deps';
import { makeAlibabaCommandHandler } from './alibaba-command';

export function register(app: App, deps: ListenerDeps): void {
  app.command(COMMAND, makeAlibabaCommandHandler(deps));
}
