import { log } from '../../log';
import { defineJob } from '../../wiring/cold-start';
import { submissionJobsDeps, type SubmissionJobsDeps } from '../deps';
import { countOverdueSubmissions } from '../overdue.use-case';
import { chaseUnclaimedWishes } from '../../wishes/chase.use-case';

/**
 * One run: the count over every studio, published as the `OverdueSubmissions` level (0 included); inbox counts
 * checked; then 微心愿 nobody claimed for a week are brought to each studio's representatives (one notice a day).
 */
export async function runOverdueCount(deps: SubmissionJobsDeps): Promise<{ studios: number; overdue: number; repaired: number; escalated: number; digests: number; askedSolved: number; wishesWaiting: number }> {
  const result = await countOverdueSubmissions(deps);
  deps.metrics.level('OverdueSubmissions', result.overdue);
  log.info('overdue submissions counted', result);
  const wishes = await chaseUnclaimedWishes(deps, await deps.studios.listStudioIds());
  log.info('unclaimed wishes chased', wishes);
  return { ...result, wishesWaiting: wishes.waiting };
}

/** EventBridge schedule, every day at 08:00 China time (deployment.ts). */
export const handler = defineJob(submissionJobsDeps, runOverdueCount);
