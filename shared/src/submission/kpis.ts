/**
 * The studio's KPIs (响应率, 解决率, 满意率), and the one definition of when a submission is overdue (the inbox, the
 * daily job, the figures and 催办 judge by it). Pure functions: bundled into the mini-program too.
 */
import type { SubmissionStatus } from '../schemas/submission';
import { chinaDate } from '../time';
import type { SubmissionRating } from './lifecycle';
import { addWorkingDays, isOverdue, type HolidayCalendar } from './working-days';

/** Statuses in which the submission waits for the studio or a department to act (reply). */
export const AWAITING_STUDIO_STATUSES: readonly SubmissionStatus[] = ['submitted', 'accepted', 'handed_on', 'reopened'];


/**
 * What the KPIs need of one submission. Instants are ISO 8601 (UTC); due dates are China dates (`YYYY-MM-DD`).
 * `acceptedAt` and `firstReplyAt` are set once and never cleared (a reopening keeps them); `rating` is the
 * latest rating. A due date missing on the item is worked out from the limits (accept) or not checked (reply).
 */
export type KpiSubmission = {
  status: SubmissionStatus;
  createdAt: string;
  acceptedAt?: string | null;
  firstReplyAt?: string | null;
  rating?: SubmissionRating | null;
  /** The last China date on which accepting is on time (受理时限). */
  acceptDueDate?: string | null;
  /** The last China date on which replying is on time (办理时限; for 大事, the department's due date). */
  replyDueDate?: string | null;
  /** 紧急: the instants by which it is to be accepted and acted on (hour-level, besides the dates). */
  acceptDueAt?: string | null;
  actDueAt?: string | null;
  /** How a resolved one was closed; none (closed before outcomes were recorded) counts as 已解决. */
  closure?: 'fixed' | 'not_our_duty' | 'cannot_fix' | 'duplicate' | 'long_term' | null;
};

export type KpiLimits = {
  /** Working days allowed for accepting, for items without an `acceptDueDate`. */
  acceptWorkingDays: number;
  calendar: HolidayCalendar;
};

export type StudioKpis = {
  /** Submissions in the list (the caller chooses the period, e.g. those created in it). */
  received: number;
  /** Of those, accepted (at any time). */
  accepted: number;
  /** Of those, replied to at least once. */
  replied: number;
  /** Of those, closed (办结) now, however; and of those, closed as 已解决. */
  resolved: number;
  fixed: number;
  /** Of those, rated. */
  rated: number;
  /** 响应率: accepted on time (by the accept due date, China date) / received; null when nothing was received. */
  responseRate: number | null;
  /** 解决率: closed as 已解决 / received (a close without a fix does not count); null when nothing was received. */
  resolutionRate: number | null;
  /** 满意率: (满意 + 基本满意) / rated; null when nothing was rated. */
  satisfactionRate: number | null;
  /** The median of the hours (wall clock, not working hours) from creation to the first reply; null without replies. */
  medianHoursToFirstReply: number | null;
  /** Submissions overdue at `now` (see `isSubmissionOverdue`). */
  overdue: number;
};

/**
 * A stored submission as the KPIs, the inbox's 超时 flag and the daily overdue count all judge it — the one definition
 * of when it is due: a 大事 handed on is due on the department's due date, anything else on the studio's reply date.
 */
export function kpiSubmissionOf(s: KpiSubmission & { departmentDueDate?: string | null }): KpiSubmission {
  return {
    acceptDueAt: s.acceptDueAt,
    actDueAt: s.actDueAt,
    status: s.status,
    createdAt: s.createdAt,
    acceptedAt: s.acceptedAt,
    firstReplyAt: s.firstReplyAt,
    rating: s.rating,
    acceptDueDate: s.acceptDueDate,
    replyDueDate: s.departmentDueDate ?? s.replyDueDate,
    closure: s.closure,
  };
}

/** The accept due date of an item: its own, or `acceptWorkingDays` after its creation. */
export function acceptDueDateOf(item: Pick<KpiSubmission, 'createdAt' | 'acceptDueDate'>, limits: KpiLimits): string {
  return item.acceptDueDate ?? addWorkingDays(item.createdAt, limits.acceptWorkingDays, limits.calendar);
}

/**
 * Whether a submission is overdue at `now` (to be chased, 催办): still not accepted after its accept due date, or
 * waiting for a reply (accepted, handed on or reopened) after its reply due date — or, for a 紧急 one, past the hour
 * its wait is limited to (`acceptDueAt`, `actDueAt`). Replied and resolved submissions are never overdue.
 */
export function isSubmissionOverdue(item: KpiSubmission, now: Date | string | number, limits: KpiLimits): boolean {
  const past = (instant: string | null | undefined) => !!instant && new Date(now).getTime() > Date.parse(instant);
  if (item.status === 'submitted') return past(item.acceptDueAt) || isOverdue(acceptDueDateOf(item, limits), now);
  if (AWAITING_STUDIO_STATUSES.includes(item.status)) return past(item.actDueAt) || (item.replyDueDate ? isOverdue(item.replyDueDate, now) : false);
  return false;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const MS_PER_HOUR = 3_600_000;

/** The studio's KPIs over a list of submissions (the caller picks the period), as of `now`. */
export function studioKpis(items: readonly KpiSubmission[], now: Date | string | number, limits: KpiLimits): StudioKpis {
  let accepted = 0;
  let acceptedOnTime = 0;
  let replied = 0;
  let resolved = 0;
  let fixed = 0;
  let rated = 0;
  let pleased = 0;
  let overdue = 0;
  const hoursToFirstReply: number[] = [];

  for (const item of items) {
    if (item.acceptedAt) {
      accepted += 1;
      if (chinaDate(item.acceptedAt) <= acceptDueDateOf(item, limits)) acceptedOnTime += 1;
    }
    if (item.firstReplyAt) {
      replied += 1;
      hoursToFirstReply.push((Date.parse(item.firstReplyAt) - Date.parse(item.createdAt)) / MS_PER_HOUR);
    }
    if (item.status === 'resolved') resolved += 1;
    if (item.status === 'resolved' && (item.closure ?? 'fixed') === 'fixed') fixed += 1;
    if (item.rating) {
      rated += 1;
      if (item.rating !== 'dissatisfied') pleased += 1;
    }
    if (isSubmissionOverdue(item, now, limits)) overdue += 1;
  }

  return {
    received: items.length,
    accepted,
    replied,
    resolved,
    fixed,
    rated,
    responseRate: ratio(acceptedOnTime, items.length),
    resolutionRate: ratio(fixed, items.length),
    satisfactionRate: ratio(pleased, rated),
    medianHoursToFirstReply: median(hoursToFirstReply),
    overdue,
  };
}

/** A rate for people: `85.7%`, or `—` when there is nothing to divide by. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
