import { DEFAULT_ESCALATE_AFTER_DAYS } from '@shared/schemas/submission';
import { calendarOfYears, yearsAround } from '@shared/submission/holiday-years';
import { isSubmissionOverdue, kpiSubmissionOf } from '@shared/submission/lifecycle';
import { addWorkingDays, workingDaysBetween, type HolidayCalendar } from '@shared/submission/working-days';
import { chinaDate } from '@shared/time';
import type { Deps } from '../deps';
import { dueDateOf, kpiLimits } from './due-dates';
import type { Submission } from './submission.repository';

export type DigestDeps = Pick<Deps, 'studios' | 'submissions' | 'rateAsks' | 'holidayCalendars' | 'noticeQueue' | 'now' | 'newId'>;

/** What the daily 催办 job found at one studio. */
export interface StudioDigest {
  /** Open matters due by the next working day, and those already overdue. */
  soon: number;
  overdue: number;
  /** Overdue by the studio's `escalateAfterDays` working days or more (reported to its admin), and of those, first reported today. */
  escalated: number;
  newlyEscalated: number;
  /** Digests queued (one per representative or admin with something in it). */
  digests: number;
}

/** The studio's working-day calendar today: the national entries of this year and the next, with its own days. */
async function calendarOf(deps: DigestDeps, studioId: string, now: Date): Promise<{ calendar: HolidayCalendar; escalateAfterDays: number }> {
  const years = yearsAround(now);
  const [settings, ...entries] = await Promise.all([deps.studios.getSubmissionSettings(studioId), ...years.map((y) => deps.holidayCalendars.get(y))]);
  const { calendar } = calendarOfYears(years, entries, { holidays: settings?.holidays ?? [], workdays: settings?.workdays ?? [] });
  return { calendar, escalateAfterDays: settings?.escalateAfterDays ?? DEFAULT_ESCALATE_AFTER_DAYS };
}

/**
 * 催办 that chases, for one studio, from its open matters (both open inbox tabs, read whole by the daily job):
 * - each representative gets one digest a day of the matters due by the next working day and those overdue — those
 *   they accepted, and those nobody has accepted yet; the admin gets the whole studio's, with how many are overdue by
 *   the studio's `escalateAfterDays` working days or more (超期上报). Nothing to report, no notice.
 * - a matter reaching that line is marked escalated once, with an internal step on its timeline (a matter changed by
 *   someone meanwhile is left for tomorrow's run).
 * The notices' ids are the studio's, the China date's and the person's: a re-run the same day queues nothing again.
 */
export async function digestOfStudio(deps: DigestDeps, studioId: string, open: readonly Submission[]): Promise<StudioDigest> {
  const now = deps.now();
  const today = chinaDate(now);
  const { calendar, escalateAfterDays } = await calendarOf(deps, studioId, now);
  const nextWorkingDay = addWorkingDays(today, 1, calendar);
  const judged = open.map((s) => {
    const due = dueDateOf(s);
    const late = isSubmissionOverdue(kpiSubmissionOf(s), now, kpiLimits);
    return { s, soon: !late && due <= nextWorkingDay, late, escalate: late && workingDaysBetween(due, today, calendar) >= escalateAfterDays };
  });

  let newlyEscalated = 0;
  for (const { s } of judged.filter((j) => j.escalate && !j.s.escalatedAt)) {
    const at = now.toISOString();
    const step = { id: deps.newId(), submissionId: s.id, at, kind: 'escalated' as const, text: `超期 ${escalateAfterDays} 个工作日以上，已报告工作室管理员`, internal: true };
    if (await deps.submissions.saveChange({ ...s, escalatedAt: at }, s.status, [step])) newlyEscalated += 1;
  }

  const members = (await deps.studios.listMembersOfStudio(studioId)).filter((m) => m.role === 'representative' || m.role === 'admin');
  const studioName = open[0]?.studioName ?? '工作室';
  let digests = 0;
  for (const member of members) {
    const mine = member.role === 'admin' ? judged : judged.filter((j) => !j.s.handlerId || j.s.handlerId === member.userId);
    const soon = mine.filter((j) => j.soon).length;
    const overdue = mine.filter((j) => j.late).length;
    const escalated = member.role === 'admin' ? mine.filter((j) => j.escalate).length : 0;
    if (soon + overdue === 0) continue;
    const queued = await deps.noticeQueue.enqueue({
      id: `${studioId}.${today}.work_digest.${member.userId}`,
      userId: member.userId,
      noticeId: deps.newId(),
      createdAt: now.toISOString(),
      notice: { kind: 'work_digest', page: 'packageRep/pages/inbox/index', data: { studio: studioName, overdue: String(overdue), soon: String(soon), escalated: String(escalated) } },
    });
    if (queued) digests += 1;
  }
  return { soon: judged.filter((j) => j.soon).length, overdue: judged.filter((j) => j.late).length, escalated: judged.filter((j) => j.escalate).length, newlyEscalated, digests };
}

/**
 * 解决了吗？ A few days after 办结 (RATE_ASK_AFTER_DAYS), a resident who has not rated is asked once, through the
 * same 请评价 notice: 不满意 there reopens the matter (once), as ever. The follow-ups due today were written in the
 * transactions that resolved the matters; one resolved again since, rated, or without an account is not asked.
 */
export async function askWhetherSolved(deps: DigestDeps, studioId: string): Promise<number> {
  const now = deps.now();
  let asked = 0;
  for (const ask of await deps.rateAsks.listDue(studioId, chinaDate(now))) {
    const s = await deps.submissions.get(ask.submissionId);
    if (s?.residentId && s.status === 'resolved' && !s.rated && s.resolvedAt === ask.resolvedAt) {
      const queued = await deps.noticeQueue.enqueue({
        id: `${s.id}.${ask.resolvedAt}.solved_ask`,
        userId: s.residentId,
        noticeId: deps.newId(),
        createdAt: now.toISOString(),
        notice: { kind: 'rate_request', page: `pages/submission/index?id=${s.id}`, data: { category: s.category, status: '解决了吗？', studio: s.studioName } },
      });
      if (queued) asked += 1;
    }
    await deps.rateAsks.done(ask);
  }
  return asked;
}
