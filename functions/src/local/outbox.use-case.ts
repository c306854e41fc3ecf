import type { LocalDeps } from './deps';
import { notFoundUnlessLocal } from '../auth/sessions';

/** Local stage: what WeChat would have been asked to send (reminders, cancellations), newest first. */
export async function listLocalOutbox(deps: LocalDeps) {
  notFoundUnlessLocal(deps);
  return { notices: await deps.outbox.listRecent(50) };
}
