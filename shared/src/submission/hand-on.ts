/**
 * A hand-on (交办): one 大事 handed to one department, with its own due date, as a small state machine.
 *
 *   handed 待签收 ──acknowledge 签收──▶ acknowledged 办理中 ──result 办理结果──▶ answered 已反馈
 *        │                                  │ (progress 办理进展: stays acknowledged)
 *        └──────hand_back 退回──────────────┴──▶ returned 已退回 (the matter goes back to the studio: 已受理)
 *   handed / acknowledged ──the studio hands it on elsewhere or takes it back──▶ withdrawn 已收回
 *
 * Pure, no I/O: bundled into the mini-program too. Refusals carry a Chinese reason fit to show the liaison.
 */
export const HAND_ON_STATES = ['handed', 'acknowledged', 'answered', 'returned', 'withdrawn'] as const;
export type HandOnState = (typeof HAND_ON_STATES)[number];

export const HAND_ON_STATE_LABELS: Record<HandOnState, string> = { handed: '待签收', acknowledged: '办理中', answered: '已反馈结果', returned: '已退回', withdrawn: '已收回' };

export const HAND_ON_STEPS = ['acknowledge', 'progress', 'result', 'hand_back'] as const;
export type HandOnStep = (typeof HAND_ON_STEPS)[number];

export const HAND_ON_STEP_LABELS: Record<HandOnStep, string> = { acknowledge: '签收', progress: '办理进展', result: '办理结果', hand_back: '退回' };

/** Still the department's to act on. */
export const OPEN_HAND_ON_STATES: readonly HandOnState[] = ['handed', 'acknowledged'];

const ENDED: Partial<Record<HandOnState, string>> = { answered: '已经反馈了办理结果', returned: '已经退回工作室了', withdrawn: '工作室已经收回或改交其他部门了' };

const REFUSALS: Record<HandOnStep, Partial<Record<HandOnState, string>>> = {
  acknowledge: { acknowledged: '已经签收过了' },
  progress: { handed: '请先签收，再发布进展' },
  result: { handed: '请先签收，再反馈办理结果' },
  hand_back: {},
};

const NEXT: Record<HandOnStep, HandOnState | null> = { acknowledge: 'acknowledged', progress: null, result: 'answered', hand_back: 'returned' };

export type HandOnTransition = { ok: true; state: HandOnState } | { ok: false; reason: string };

/** The state after `step`, or why it is refused now. */
export function nextHandOnState(current: HandOnState, step: HandOnStep): HandOnTransition {
  if (!(HAND_ON_STATES as readonly string[]).includes(current)) return { ok: false, reason: '状态不正确，请刷新后重试' };
  const ended = ENDED[current];
  if (ended) return { ok: false, reason: `${ended}，不能再${HAND_ON_STEP_LABELS[step]}` };
  const refusal = REFUSALS[step][current];
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, state: NEXT[step] ?? current };
}

/** The steps a liaison may take now, in a fixed order (for the buttons). */
export function allowedHandOnSteps(current: HandOnState): HandOnStep[] {
  return HAND_ON_STEPS.filter((step) => nextHandOnState(current, step).ok);
}
