import { isSubmissionOverdue, kpiSubmissionOf } from '@shared/submission/lifecycle';
import type { SubmissionJobsDeps } from './deps';
import { kpiLimits } from './due-dates';
import { checkInboxCounts } from './inbox-counts.use-case';
import { askWhetherSolved, digestOfStudio } from './digest.use-case';

/**
 * How many open submissions are past their time limit now, over every studio: those waiting to be accepted (待受理)
 * and those being handled (办理中), judged by the same rule as the inbox's 超时 flag (`isSubmissionOverdue`). Replied
 * and resolved ones are never overdue. Two inbox Queries per studio (GSI2), every page. Since it has just read both
 * open tabs whole, it also checks the studio's inbox counts against them and recounts them when they disagree
 * (`checkInboxCounts`; `repaired` says for how many studios).
 */
export async function countOverdueSubmissions(deps: SubmissionJobsDeps): Promise<{ studios: number; overdue: number; repaired: number; escalated: number; digests: number; askedSolved: number }> {
  const now = deps.now();
  const studioIds = await deps.studios.listStudioIds();
  let overdue = 0;
  let repaired = 0;
  let escalated = 0;
  let digests = 0;
  let askedSolved = 0;
  for (const studioId of studioIds) {
    const [waiting, handling] = await Promise.all([deps.submissions.listWholeInboxTab(studioId, 'new'), deps.submissions.listWholeInboxTab(studioId, 'in_progress')]);
    overdue += [...waiting, ...handling].filter((s) => isSubmissionOverdue(kpiSubmissionOf(s), now, kpiLimits)).length;
    if (await checkInboxCounts(deps, studioId, { new: waiting.length, in_progress: handling.length })) repaired += 1;
    // 催办: each representative's digest, and the long overdue reported to the admin (digest.use-case.ts)
    const digest = await digestOfStudio(deps, studioId, [...waiting, ...handling]);
    escalated += digest.newlyEscalated;
    digests += digest.digests;
    askedSolved += await askWhetherSolved(deps, studioId);
  }
  return { studios: studioIds.length, overdue, repaired, escalated, digests, askedSolved };
}
