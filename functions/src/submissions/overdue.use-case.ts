import { isSubmissionOverdue } from '@shared/submission/lifecycle';
import type { SubmissionJobsDeps } from './deps';
import { kpiLimits } from './submission-desk.use-case';

/**
 * How many open submissions are past their time limit now, over every studio: those waiting to be accepted (待受理)
 * and those being handled (办理中), judged by the same rule as the inbox's 超时 flag (`isSubmissionOverdue`). Replied
 * and resolved ones are never overdue. Two inbox Queries per studio (GSI2), every page.
 */
export async function countOverdueSubmissions(deps: SubmissionJobsDeps): Promise<{ studios: number; overdue: number }> {
  const now = deps.now();
  const studioIds = await deps.studios.listStudioIds();
  let overdue = 0;
  for (const studioId of studioIds) {
    const open = (await Promise.all([deps.submissions.listInbox(studioId, 'new'), deps.submissions.listInbox(studioId, 'in_progress')])).flat();
    overdue += open.filter((s) => isSubmissionOverdue({ status: s.status, createdAt: s.createdAt, acceptDueDate: s.acceptDueDate, replyDueDate: s.replyDueDate }, now, kpiLimits)).length;
  }
  return { studios: studioIds.length, overdue };
}
