import { WISH_STATUS_LABELS, type WishStatus, type WishStep, type WishView } from '@shared/schemas/wishes';
import type { Principal } from '../auth/session-tokens';
import { mayActFor } from '../policy';
import type { Wish } from './wish.repository';

/**
 * The lifecycle of a wish (shared/src/schemas/wishes.ts): from which states each step may be taken and where it leads.
 * A step from any other state is a 409 that changes nothing.
 */
export const WISH_TRANSITIONS: Record<WishStep, { from: readonly WishStatus[]; to: WishStatus; label: string }> = {
  approve: { from: ['pending_review'], to: 'approved', label: '审核通过' },
  refuse: { from: ['pending_review'], to: 'refused', label: '审核不通过' },
  claim: { from: ['approved'], to: 'claimed', label: '认领' },
  cancel_claim: { from: ['claimed'], to: 'approved', label: '放弃认领' },
  fulfil: { from: ['claimed'], to: 'fulfilled', label: '标记完成' },
  confirm: { from: ['fulfilled'], to: 'confirmed', label: '确认圆梦' },
  withdraw: { from: ['pending_review', 'approved'], to: 'withdrawn', label: '撤回' },
};

export const STEP_LABELS: Record<WishStep | 'post', string> = { post: '发布心愿', ...Object.fromEntries(Object.entries(WISH_TRANSITIONS).map(([step, t]) => [step, t.label])) } as Record<WishStep | 'post', string>;

/** Why a step cannot be taken from this state, in words a resident understands. */
export function refusalOf(step: WishStep, status: WishStatus): string {
  if (step === 'claim' && status !== 'approved') return status === 'pending_review' ? '这个心愿还在审核，暂时不能认领' : '这个心愿已经有人认领了';
  if (step === 'withdraw' && (status === 'claimed' || status === 'fulfilled')) return '这个心愿已被志愿者认领，不能撤回；如需取消请联系工作室';
  return `这个心愿现在是“${WISH_STATUS_LABELS[status]}”，不能${WISH_TRANSITIONS[step].label}`;
}

/** Who the caller is to this wish; what they may see and do follows from it. */
export interface Relation {
  wisher: boolean;
  claimer: boolean;
  /** A studio person (staff, representative, admin) of the wish's studio. */
  staff: boolean;
  representative: boolean;
  /** An approved volunteer of the studio (only looked up where claiming is possible). */
  volunteer: boolean;
}

export function relationOf(wish: Wish, principal: Principal | undefined, volunteer = false): Relation {
  return {
    wisher: Boolean(principal && wish.wisherId === principal.userId),
    claimer: Boolean(principal && wish.claimerId === principal.userId),
    staff: Boolean(principal && mayActFor(principal, wish.studioId, 'serve')),
    representative: Boolean(principal && mayActFor(principal, wish.studioId, 'answer')),
    volunteer,
  };
}

/** On the wall, to anyone: approved and taken wishes. The rest only to the wisher and the studio's people. */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['approved', 'claimed', 'fulfilled', 'confirmed'];
export const visibleTo = (wish: Wish, rel: Relation) => rel.wisher || rel.claimer || rel.staff || PUBLIC_STATUSES.includes(wish.status);

/** The wisher, or staff for a wish they typed for someone (代填). */
export const speaksForWisher = (wish: Wish, rel: Relation) => rel.wisher || (!wish.wisherId && rel.staff);

export function mayTake(step: WishStep, wish: Wish, rel: Relation): boolean {
  switch (step) {
    case 'approve':
    case 'refuse':
      return rel.representative;
    case 'claim':
      return rel.volunteer && !rel.wisher;
    case 'cancel_claim':
    case 'fulfil':
      return rel.claimer;
    case 'confirm':
    case 'withdraw':
      return speaksForWisher(wish, rel);
  }
}

/** A name as the wall shows it: the family name and stars (刘**), or 居民. */
export function maskedName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (!trimmed || /^居民/.test(trimmed)) return '居民';
  return `${Array.from(trimmed)[0]}**`;
}

export function wishViewOf(wish: Wish, rel: Relation): WishView {
  const insider = rel.wisher || rel.staff;
  const involved = insider || rel.claimer;
  const can = (Object.keys(WISH_TRANSITIONS) as WishStep[]).filter((step) => WISH_TRANSITIONS[step].from.includes(wish.status) && mayTake(step, wish, rel));
  return {
    id: wish.id,
    studioId: wish.studioId,
    title: insider ? wish.title : (wish.publicTitle ?? wish.title),
    ...((insider ? wish.details : wish.publicDetails) ? { details: insider ? wish.details : wish.publicDetails } : {}),
    status: wish.status,
    statusLabel: WISH_STATUS_LABELS[wish.status],
    wisherName: insider ? wish.wisherName : maskedName(wish.wisherName),
    ...(rel.staff && wish.wisherPhone ? { wisherPhone: wish.wisherPhone } : {}),
    onBehalf: !wish.wisherId,
    ...(wish.claimerName ? { claimerName: involved ? wish.claimerName : maskedName(wish.claimerName) } : {}),
    createdAt: wish.createdAt,
    ...(wish.approvedAt ? { approvedAt: wish.approvedAt } : {}),
    ...(wish.claimedAt ? { claimedAt: wish.claimedAt } : {}),
    ...(wish.reason && insider ? { reason: wish.reason } : {}),
    ...(wish.note && involved ? { note: wish.note } : {}),
    can,
    ...(involved ? { timeline: wish.timeline.map((e) => ({ step: e.step, label: STEP_LABELS[e.step], by: e.by, at: e.at, ...(e.note ? { note: e.note } : {}) })) } : {}),
  };
}
