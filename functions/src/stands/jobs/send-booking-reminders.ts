import { log } from '../../log';
import { defineJob } from '../../wiring/cold-start';
import { standJobsDeps } from '../deps';
import { queueBookingReminders } from '../stand-jobs.use-case';

/** EventBridge schedule, 19:00 China time (11:00 UTC) (serverless.yml): queues the reminders; the notice consumer delivers them. */
export const handler = defineJob(standJobsDeps, async (deps) => {
  const result = await queueBookingReminders(deps);
  // the heartbeat of the "no reminder run in 25 hours" alarm
  deps.metrics.count('ReminderRuns');
  log.info('booking reminders queued', result);
  return result;
});
