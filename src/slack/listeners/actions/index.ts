import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/action-ids';
import type { ListenerDeps } from '../deps';
import { makeFeedbackHandler } from './feedback';
import { makeHomeExampleHandler } from './home-example';
import { makeShareAnswerHandler } from './share-answer';

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, makeShareAnswerHandler(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.helpful, makeFeedbackHandler(deps, true));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.notHelpful, makeFeedbackHandler(deps, false));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION_IDS.homeExample}_\\d+$`), makeHomeExampleHandler(deps));
}
