import type { ErrandStatus } from '@shared/schemas/errands';

/**
 * The steps of an order and the statuses each may start from: 已下单 → 已审核 (or 未通过) → [待确认接单 →] 已接单 →
 * 已送达 → 已确认; 已取消 from any status before delivery. Anything else is a conflict (409) and changes nothing.
 */
export const ERRAND_STEPS = {
  approve: ['ordered'],
  refuse: ['ordered'],
  assign: ['open', 'claimed'],
  claim: ['open'],
  acceptClaim: ['claimed'],
  returnClaim: ['claimed'],
  deliver: ['assigned'],
  confirm: ['delivered'],
  cancel: ['ordered', 'open', 'claimed', 'assigned'],
} as const satisfies Record<string, readonly ErrandStatus[]>;
export type ErrandStep = keyof typeof ERRAND_STEPS;

export function mayStep(step: ErrandStep, status: ErrandStatus): boolean {
  return (ERRAND_STEPS[step] as readonly ErrandStatus[]).includes(status);
}

/** How the caller stands to an order: the studio's people, the resident who ordered, the volunteer on it. */
export interface Standing {
  staff: boolean;
  orderer: boolean;
  volunteer: boolean;
  /** An approved volunteer of the studio who may claim this kind. */
  mayClaim: boolean;
}

const WHO: Record<ErrandStep, (s: Standing) => boolean> = {
  approve: (s) => s.staff,
  refuse: (s) => s.staff,
  assign: (s) => s.staff,
  // the volunteer already on it may try again: a conflict (409), not a refusal
  claim: (s) => s.mayClaim || s.volunteer,
  acceptClaim: (s) => s.staff,
  returnClaim: (s) => s.staff,
  deliver: (s) => s.volunteer || s.staff,
  confirm: (s) => s.orderer || s.staff,
  cancel: (s) => s.orderer || s.staff,
};

export function mayDo(step: ErrandStep, standing: Standing): boolean {
  return WHO[step](standing);
}

/** The steps the caller may take now (the buttons of the order). */
export function actionsOf(status: ErrandStatus, standing: Standing, dispatch: 'assign' | 'claim'): ErrandStep[] {
  return (Object.keys(ERRAND_STEPS) as ErrandStep[]).filter((step) => mayStep(step, status) && mayDo(step, standing) && !(step === 'claim' && dispatch !== 'claim'));
}
