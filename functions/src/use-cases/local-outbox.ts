import type { Deps } from './deps';
import { notFoundUnlessLocal } from './sessions';

/** Local stage: what WeChat would have been asked to send (reminders, cancellations), newest first. */
export async function listLocalOutbox(deps: Deps) {
  notFoundUnlessLocal(deps);
  return { notices: await deps.outbox.listRecent(50) };
}
