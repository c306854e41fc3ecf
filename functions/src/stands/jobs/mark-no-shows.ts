import { log } from '../../log';
import { standJobsDeps, type StandJobsDeps } from '../deps';
import { markNoShows } from '../stand-jobs.use-case';

let deps: StandJobsDeps | undefined;

/** EventBridge schedule, every 15 minutes (serverless.yml). */
export const handler = async (): Promise<{ marked: number }> => {
  deps ??= standJobsDeps();
  const result = await markNoShows(deps);
  log.info('no-shows marked', result);
  return result;
};
