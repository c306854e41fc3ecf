import { log } from '../../log';
import { standJobsDeps, type StandJobsDeps } from '../deps';
import { sendBookingReminders } from '../stand-jobs.use-case';

let deps: StandJobsDeps | undefined;

/** EventBridge schedule, 19:00 China time (11:00 UTC) (serverless.yml). */
export const handler = async () => {
  deps ??= standJobsDeps();
  const result = await sendBookingReminders(deps);
  log.info('booking reminders', result);
  return result;
};
