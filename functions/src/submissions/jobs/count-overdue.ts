import { log } from '../../log';
import { defineJob } from '../../wiring/cold-start';
import { submissionJobsDeps, type SubmissionJobsDeps } from '../deps';
import { countOverdueSubmissions } from '../overdue.use-case';

/** One run: the count over every studio, published as the `OverdueSubmissions` level (0 included); inbox counts checked. */
export async function runOverdueCount(deps: SubmissionJobsDeps): Promise<{ studios: number; overdue: number; repaired: number }> {
  const result = await countOverdueSubmissions(deps);
  deps.metrics.level('OverdueSubmissions', result.overdue);
  log.info('overdue submissions counted', result);
  return result;
}

/** EventBridge schedule, every day at 08:00 China time (deployment.ts). */
export const handler = defineJob(submissionJobsDeps, runOverdueCount);
