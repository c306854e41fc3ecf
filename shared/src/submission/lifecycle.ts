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
import { isCalendarDate } from './working-days';

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
// KPIs: ./kpis.ts (re-exported here)

export * from './kpis';
