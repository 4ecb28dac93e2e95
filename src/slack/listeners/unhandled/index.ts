import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/action-ids';
import type { ListenerDeps } from '../deps';

/** Every action_id that has a listener of its own; anything else is acknowledged by the catch-all below. */
const HANDLED_ACTION = `(?:${ACTION_IDS.share}|${ACTION_IDS.helpful}|${ACTION_IDS.notHelpful}|${ACTION_IDS.homeExample}_\\d+)`;
const UNHANDLED_ACTION = new RegExp(`^(?!${HANDLED_ACTION}$)`);
const ANY = /.*/;

/**
 * Interactions the app has no listener for (a button from an older version, a modal, a shortcut, a
 * legacy attachment) are acknowledged at once: an unacknowledged one shows the user an error after 3
 * seconds and gets logged as a failure. Registered last; the patterns never overlap the real listeners.
 */
export function register(app: App, { logger }: Pick<ListenerDeps, 'logger'>): void {
  const note = (kind: string, id: unknown): void => logger.debug(`Acknowledged an interaction the app does not handle: ${kind}`, { id });
  app.action({ type: 'block_actions', action_id: UNHANDLED_ACTION }, async ({ ack, action }) => {
    await ack();
    note('block_actions', (action as { action_id?: unknown }).action_id);
  });
  app.action({ type: 'interactive_message', callback_id: ANY }, async ({ ack, body }) => {
    await ack();
    note('interactive_message', (body as { callback_id?: unknown }).callback_id);
  });
  app.action({ type: 'dialog_submission', callback_id: ANY }, async ({ ack, body }) => {
    await ack();
    note('dialog_submission', (body as { callback_id?: unknown }).callback_id);
  });
  app.view({ type: 'view_submission', callback_id: ANY }, async ({ ack, view }) => {
    await ack();
    note('view_submission', view.callback_id);
  });
  app.view({ type: 'view_closed', callback_id: ANY }, async ({ ack, view }) => {
    await ack();
    note('view_closed', view.callback_id);
  });
  app.shortcut(ANY, async ({ ack, shortcut }) => {
    await ack();
    note(shortcut.type, shortcut.callback_id);
  });
  app.options(ANY, async ({ ack }) => {
    await ack({ options: [] });
    note('block_suggestion', null);
  });
}
