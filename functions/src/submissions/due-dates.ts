import { acceptDueDateOf, isSubmissionOverdue, kpiSubmissionOf, nextStatus, type KpiLimits } from '@shared/submission/lifecycle';
import { DEFAULT_HOLIDAY_CALENDAR } from '@shared/submission/working-days';
import { addDays } from '@shared/time';
import type { Submission } from './submission.repository';

/**
 * The limits overdue is measured against — the inbox's flag, the daily job, the figures and 催办 use the same. (The
 * calendar serves only submissions stored before their accept due date was: every newer one carries its dates.)
 */
export const kpiLimits: KpiLimits = { acceptWorkingDays: 2, calendar: DEFAULT_HOLIDAY_CALENDAR };

/** The last day a submission's current wait is on time: to be accepted, else to be answered (a 大事: the department's). */
export function dueDateOf(s: Submission): string {
  return s.status === 'submitted' ? acceptDueDateOf(s, kpiLimits) : kpiSubmissionOf(s).replyDueDate!;
}

/** What the resident's page needs to offer 催办: allowed now, from which day, or when it was done. */
export function chaseStateOf(s: Submission, now: Date): { canChase: boolean; chaseFrom?: string; chasedAt?: string } {
  if (s.chasedAt) return { canChase: false, chasedAt: s.chasedAt };
  if (s.source !== 'resident' || !nextStatus(s.status, { kind: 'chase' }, s).ok) return { canChase: false };
  const due = dueDateOf(s);
  return isSubmissionOverdue(kpiSubmissionOf(s), now, kpiLimits) ? { canChase: true } : { canChase: false, chaseFrom: addDays(due, 1) };
}
