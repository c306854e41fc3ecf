import { log } from '../../log';
import { defineJob } from '../../wiring/cold-start';
import { standJobsDeps } from '../deps';
import { markNoShows } from '../stand-jobs.use-case';

/** EventBridge schedule, every 15 minutes (serverless.yml). */
export const handler = defineJob(standJobsDeps, async (deps): Promise<{ marked: number }> => {
  const result = await markNoShows(deps);
  deps.metrics.count('NoShows', result.marked);
  log.info('no-shows marked', result);
  return result;
});
