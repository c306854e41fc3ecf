/**
 * The rules of a consultation's steps (协商 / 议事会), as pure functions: which status each step starts from, and
 * whether a resident may still sign up. The repository turns each `from` into a conditional write, so a step taken
 * from any other status (two representatives at once, a stale page) changes nothing and becomes a 409.
 *
 *   planned 待召开 ──record (attendance, minutes, decision)──▶ held 已召开 ──publish_result──▶ result_published
 *   planned ──cancel──▶ cancelled
 *   sign_up / withdraw: only while planned, and before the meeting's day has passed.
 */
import type { ConsultationStatus, ConsultationStep } from '@shared/schemas/consultations';

export interface StepRule {
  from: ConsultationStatus;
  /** The status after the step; sign-ups leave it. */
  to: ConsultationStatus;
  refusal: string;
}

export const STEP_RULES: Record<ConsultationStep, StepRule> = {
  cancel: { from: 'planned', to: 'cancelled', refusal: '只有待召开的协商可以取消' },
  record: { from: 'planned', to: 'held', refusal: '这次协商已记录过或已取消，不能再记录' },
  publish_result: { from: 'held', to: 'result_published', refusal: '只有已召开并公示决定的协商可以公示落实结果' },
  sign_up: { from: 'planned', to: 'planned', refusal: '这次协商已召开或已取消，不能报名' },
  withdraw: { from: 'planned', to: 'planned', refusal: '这次协商已召开或已取消，不能取消报名' },
};

export type StepCheck = { ok: true; to: ConsultationStatus } | { ok: false; reason: string };

/** Whether `step` may be taken from `status`: the next status, or the Chinese reason it may not. */
export function checkStep(status: ConsultationStatus, step: ConsultationStep): StepCheck {
  const rule = STEP_RULES[step];
  return status === rule.from ? { ok: true, to: rule.to } : { ok: false, reason: rule.refusal };
}

/** Sign-ups close at the end of the meeting's day (China date); a full meeting takes no more. */
export function signUpRefusal(c: { status: ConsultationStatus; date: string; capacity?: number; signedUp: number }, today: string): string | undefined {
  const step = checkStep(c.status, 'sign_up');
  if (!step.ok) return step.reason;
  if (c.date < today) return '协商日期已过，不能报名';
  if (c.capacity !== undefined && c.signedUp >= c.capacity) return '报名人数已满';
  return undefined;
}

/** A meeting may be recorded only from its day on (China date): the decision of a meeting not yet held is not a decision. */
export function recordRefusal(c: { status: ConsultationStatus; date: string }, today: string): string | undefined {
  const step = checkStep(c.status, 'record');
  if (!step.ok) return step.reason;
  if (c.date > today) return '协商还没有召开（日期未到），不能记录';
  return undefined;
}

/** What the timeline of each linked submission says at each step (已召开议事协商：…). */
export function timelineTextOf(step: 'planned' | 'held' | 'result_published' | 'cancelled', c: { topic: string; date: string; time: string; place: string; decision?: string; result?: string; cancelReason?: string }): string {
  switch (step) {
    case 'planned':
      return `将召开议事协商：「${c.topic}」，${c.date} ${c.time}，${c.place}`;
    case 'held':
      return `已召开议事协商：「${c.topic}」，协商决定：${c.decision ?? ''}`;
    case 'result_published':
      return `议事协商「${c.topic}」落实结果：${c.result ?? ''}`;
    case 'cancelled':
      return `议事协商「${c.topic}」已取消：${c.cancelReason ?? ''}`;
  }
}
