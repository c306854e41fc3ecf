import { container } from '../container';
import { log } from '../log';
import { markNoShows } from '../use-cases/stand-jobs';

/** EventBridge schedule, every 15 minutes (serverless.yml). */
export const handler = async (): Promise<{ marked: number }> => {
  const result = await markNoShows(container());
  log.info('no-shows marked', result);
  return result;
};
