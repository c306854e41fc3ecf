import { container } from '../container';
import { log } from '../log';
import { sendBookingReminders } from '../use-cases/stand-jobs';

/** EventBridge schedule, 19:00 China time (11:00 UTC) (serverless.yml). */
export const handler = async () => {
  const result = await sendBookingReminders(container());
  log.info('booking reminders', result);
  return result;
};
