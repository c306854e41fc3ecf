/**
 * The closed loop of a submission (意见建议): 收集 → 协商 → 解决 → 反馈, as a state machine, and the studio's KPIs
 * (响应率, 解决率, 满意率).
 *
 * Pure functions, no I/O and no Node-only APIs: this file is bundled into the WeChat mini-program too.
 *
 *   submitted 待受理 ──accept──▶ accepted 已受理 ──triage 大事──▶ handed_on 已交办
 *        │ (accept with 大事)                 ◀──triage 小事/私事──
 *        └────────────────────────▶ handed_on
 *   accepted / handed_on / reopened / replied ──reply──▶ replied 已答复 ──resolve──▶ resolved 已办结
 *   resolved ──rate 不满意 (first time only)──▶ reopened 重新办理 (back to the representatives)
 *   resolved ──rate 满意 / 基本满意, or 不满意 after one reopening──▶ resolved (the rating is recorded)
 *
 * Rules
 * - accept only from submitted; it may carry the triage (分流) at the same time.
 * - triage after accept: from accepted, handed_on (hand on to another department, or take it back as 小事/私事)
 *   and reopened. 大事 needs a department and a due date and goes to handed_on; 小事/私事 stay with the
 *   representatives (accepted, or reopened when reopened).
 * - reply from accepted, handed_on and reopened; also from replied (a further reply, 补充答复) — the status stays.
 * - resolve only from replied: a submission is closed only after at least one reply in the current round
 *   (after a reopening it needs a new reply).
 * - rate only when resolved, once per resolution. 不满意 reopens the submission ONCE; a second 不满意 (after the
 *   reopened submission was resolved again) only records the rating.
 * - chase (催办) while the submission waits for the studio or a department (submitted, accepted, handed_on,
 *   reopened); it records the chase and leaves the status.
 *
 * Refusals carry a Chinese reason fit to show staff or residents.
 */
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../schemas/submission';
import { chinaDate } from '../time';
import { addWorkingDays, isCalendarDate, isOverdue, type HolidayCalendar } from './working-days';

// ---------------------------------------------------------------------------------------------------
// Vocabulary

/** The statuses themselves (`SUBMISSION_STATUSES`, `SubmissionStatus`) live in `schemas/submission`. */
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  handed_on: '已交办',
  replied: '已答复',
  resolved: '已办结',
  reopened: '重新办理',
};

/** 三事分流. */
export const TRIAGE_KINDS = ['major', 'minor', 'private'] as const;
export type TriageKind = (typeof TRIAGE_KINDS)[number];

export const TRIAGE_LABELS: Record<TriageKind, string> = { major: '大事', minor: '小事', private: '私事' };

export const TRIAGE_DESCRIPTIONS: Record<TriageKind, string> = {
  major: '公共事务，交办政府有关部门办理',
  minor: '村（社区）事务，由村（社区）自治解决',
  private: '个人事务，给予指导或提供集市服务',
};

export const SUBMISSION_RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type SubmissionRating = (typeof SUBMISSION_RATINGS)[number];

export const RATING_LABELS: Record<SubmissionRating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** The triage decided for a submission: 大事 names the department it is handed on to and a due date (China). */
export type TriageDecision =
  | { triage: 'major'; department: string; dueDate: string }
  | { triage: 'minor' }
  | { triage: 'private' };

export type SubmissionAction =
  | { kind: 'accept'; triage?: TriageDecision }
  | ({ kind: 'triage' } & TriageDecision)
  | { kind: 'reply'; public: boolean }
  | { kind: 'resolve' }
  | { kind: 'rate'; rating: SubmissionRating }
  | { kind: 'chase' };

export const SUBMISSION_ACTION_KINDS = ['accept', 'triage', 'reply', 'resolve', 'rate', 'chase'] as const;
export type SubmissionActionKind = (typeof SUBMISSION_ACTION_KINDS)[number];

export const SUBMISSION_ACTION_LABELS: Record<SubmissionActionKind, string> = {
  accept: '受理',
  triage: '分流交办',
  reply: '答复',
  resolve: '办结',
  rate: '评价',
  chase: '催办',
};

/** Who takes each action: the resident rates; everything else is the studio's people (党代表). */
export const SUBMISSION_ACTION_ACTORS: Record<SubmissionActionKind, 'resident' | 'representative'> = {
  accept: 'representative',
  triage: 'representative',
  reply: 'representative',
  resolve: 'representative',
  rate: 'resident',
  chase: 'representative',
};

/**
 * What the machine needs to know besides the status.
 * - `reopenedOnce`: the submission has already been reopened by a 不满意 (it can't be again).
 * - `rated`: the resident has rated the CURRENT resolution (reset when the submission is resolved again).
 */
export type SubmissionFacts = { reopenedOnce: boolean; rated: boolean };

export type SubmissionState = { status: SubmissionStatus } & SubmissionFacts;

export type Transition = { ok: true; status: SubmissionStatus } | { ok: false; reason: string };

/**
 * 紧急 matters' hour-level limits (as in 12345 practice): accepted within 2 hours, acted on (answered) within 24,
 * besides the category's working days — whichever comes first makes it overdue.
 */
export const URGENT_HOURS = { accept: 2, act: 24 } as const;

/** Statuses in which the submission waits for the studio or a department to act (reply). */
export const AWAITING_STUDIO_STATUSES: readonly SubmissionStatus[] = ['submitted', 'accepted', 'handed_on', 'reopened'];

// ---------------------------------------------------------------------------------------------------
// The machine

const NOT_ACCEPTED = '还没有受理';
const ALREADY_RESOLVED = '已经办结了';
const ALREADY_REPLIED = '已经答复过了';

/** Why `kind` is refused in `status`, for each refused pair; a pair not listed is allowed. */
const REFUSALS: Record<SubmissionActionKind, Partial<Record<SubmissionStatus, string>>> = {
  accept: {
    accepted: '已经受理过了，不能重复受理',
    handed_on: '已经受理并交办了，不能重复受理',
    replied: `${ALREADY_REPLIED}，不能再受理`,
    resolved: `${ALREADY_RESOLVED}，不能再受理`,
    reopened: '已经在重新办理，不需要再受理',
  },
  triage: {
    submitted: `${NOT_ACCEPTED}，不能分流交办`,
    replied: `${ALREADY_REPLIED}，不能再分流交办`,
    resolved: `${ALREADY_RESOLVED}，不能再分流交办`,
  },
  reply: {
    submitted: `${NOT_ACCEPTED}，不能答复`,
    resolved: `${ALREADY_RESOLVED}，不能再答复`,
  },
  resolve: {
    submitted: `${NOT_ACCEPTED}，不能办结`,
    accepted: '还没有答复，不能办结',
    handed_on: '还没有答复，不能办结',
    reopened: '重新办理后还没有答复，不能办结',
    resolved: `${ALREADY_RESOLVED}，不能重复办结`,
  },
  rate: {
    submitted: '还没有办结，不能评价',
    accepted: '还没有办结，不能评价',
    handed_on: '还没有办结，不能评价',
    replied: '还没有办结，不能评价',
    reopened: '正在重新办理，办结后才能评价',
  },
  chase: {
    replied: `${ALREADY_REPLIED}，不需要催办`,
    resolved: `${ALREADY_RESOLVED}，不需要催办`,
  },
};

const ALREADY_RATED = '已经评价过了，每次办结只能评价一次';

/** Why an action of this kind is refused now, or null when it is allowed (its details are checked separately). */
function refusalOf(status: SubmissionStatus, kind: SubmissionActionKind, facts: SubmissionFacts): string | null {
  const reason = REFUSALS[kind]?.[status];
  if (reason) return reason;
  if (kind === 'rate' && facts.rated) return ALREADY_RATED;
  return null;
}

function triageProblem(decision: { triage?: unknown; department?: unknown; dueDate?: unknown }): string | null {
  if (!(TRIAGE_KINDS as readonly unknown[]).includes(decision.triage)) return '请选择大事、小事或私事';
  if (decision.triage === 'major') {
    if (typeof decision.department !== 'string' || decision.department.trim() === '') return '交办大事要写明承办部门';
    if (typeof decision.dueDate !== 'string' || !isCalendarDate(decision.dueDate)) return '交办大事要定好办理期限';
  }
  return null;
}

/** A problem with the details an action carries (a missing department, an unknown rating …), or null. */
function detailProblem(action: SubmissionAction): string | null {
  switch (action.kind) {
    case 'accept':
      return action.triage === undefined ? null : triageProblem(action.triage);
    case 'triage':
      return triageProblem(action);
    case 'reply':
      return typeof action.public === 'boolean' ? null : '请选择答复是否公开';
    case 'rate':
      return (SUBMISSION_RATINGS as readonly unknown[]).includes(action.rating) ? null : '请选择满意、基本满意或不满意';
    default:
      return null;
  }
}

/**
 * The status after `action`, or the reason it is refused. The status is checked first, then the action's
 * details. Statuses that stay the same (a 小事 triage, a 满意 rating, a chase …) come back unchanged.
 */
export function nextStatus(current: SubmissionStatus, action: SubmissionAction, facts: SubmissionFacts): Transition {
  if (!(SUBMISSION_STATUSES as readonly unknown[]).includes(current)) return { ok: false, reason: '状态不正确，请刷新后重试' };
  if (!(SUBMISSION_ACTION_KINDS as readonly unknown[]).includes(action.kind)) return { ok: false, reason: '不支持的操作' };
  const refusal = refusalOf(current, action.kind, facts) ?? detailProblem(action);
  if (refusal) return { ok: false, reason: refusal };

  switch (action.kind) {
    case 'accept':
      return { ok: true, status: action.triage?.triage === 'major' ? 'handed_on' : 'accepted' };
    case 'triage':
      if (action.triage === 'major') return { ok: true, status: 'handed_on' };
      return { ok: true, status: current === 'reopened' ? 'reopened' : 'accepted' };
    case 'reply':
      return { ok: true, status: 'replied' };
    case 'resolve':
      return { ok: true, status: 'resolved' };
    case 'rate':
      return { ok: true, status: action.rating === 'dissatisfied' && !facts.reopenedOnce ? 'reopened' : 'resolved' };
    case 'chase':
      return { ok: true, status: current };
  }
}

/**
 * `nextStatus` with the facts kept up to date: a rating sets `rated`; a reopening sets `reopenedOnce` (and
 * clears `rated`: the reopened submission has no resolution yet); resolving clears `rated`.
 */
export function applyAction(state: SubmissionState, action: SubmissionAction): { ok: true; state: SubmissionState } | { ok: false; reason: string } {
  const transition = nextStatus(state.status, action, state);
  if (!transition.ok) return transition;
  const next: SubmissionState = { ...state, status: transition.status };
  if (action.kind === 'resolve') next.rated = false;
  if (action.kind === 'rate') {
    if (transition.status === 'reopened') Object.assign(next, { reopenedOnce: true, rated: false });
    else next.rated = true;
  }
  return { ok: true, state: next };
}

/** The kinds of action allowed in a status, in a fixed order — for the buttons the UI shows (filter by actor). */
export function allowedActions(status: SubmissionStatus, facts: SubmissionFacts): SubmissionActionKind[] {
  return SUBMISSION_ACTION_KINDS.filter((kind) => refusalOf(status, kind, facts) === null);
}

// ---------------------------------------------------------------------------------------------------
// KPIs

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
