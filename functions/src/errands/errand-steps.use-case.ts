import { AUTOMATIC_COIN_RULES } from '@shared/schemas/coins';
import { ERRAND_STATUS_LABELS, type ErrandView } from '@shared/schemas/errands';
import type { Principal } from '../auth/session-tokens';
import { STUDIO_ACCOUNT, type Transfer } from '../coins/coin.repository';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { VolunteersDeps } from '../volunteers/deps';
import { mayDo, mayStep, type ErrandStep, type Standing } from './errand-lifecycle';
import { loadErrand, mayClaimWith, standingOf } from './errand-orders.use-case';
import type { ErrandOrder } from './errand.repository';
import { errandViewOf, stepNotices } from './errand-views';

const STEP_NAMES: Record<ErrandStep, string> = {
  approve: '审核',
  refuse: '审核',
  assign: '派单',
  claim: '接单',
  acceptClaim: '确认接单',
  returnClaim: '退回接单',
  deliver: '标记已送达',
  confirm: '确认完成',
  cancel: '取消',
};

const REFUSED_WHO: Record<ErrandStep, string> = {
  approve: '只有本工作室的工作人员可以审核',
  refuse: '只有本工作室的工作人员可以审核',
  assign: '只有本工作室的工作人员可以派单',
  claim: '审核通过的志愿者（本服务的服务队）才能接单',
  acceptClaim: '只有本工作室的工作人员可以确认接单',
  returnClaim: '只有本工作室的工作人员可以退回接单',
  deliver: '只有接单的志愿者可以标记已送达',
  confirm: '只有下单的居民或工作人员可以确认',
  cancel: '只有下单的居民或工作人员可以取消',
};

interface Change {
  next: Partial<ErrandOrder>;
  /** Attributes the next version no longer has. */
  drop?: (keyof ErrandOrder)[];
  /** Writes of another context for the same transaction (the volunteer's coins). */
  also?: Record<string, unknown>[];
}

/**
 * One step: the caller must see the order (404), be someone who may take the step (403), find it in a status the
 * step starts from (409); then the next version is written only over the one read, with its notices (and coins) in
 * the same transaction — a step that lost a race is a 409 and nothing changed.
 */
async function runStep(deps: VolunteersDeps, principal: Principal, studioId: string, id: string, step: ErrandStep, change: (order: ErrandOrder, standing: Standing) => Promise<Change>, lost = '这单刚刚有了变化，请刷新后再试'): Promise<ErrandView> {
  const { order, standing } = await loadErrand(deps, principal, studioId, id);
  if (!mayDo(step, standing)) throw new ForbiddenError(REFUSED_WHO[step]);
  if (!mayStep(step, order.status)) throw new ConflictError(`这单已是“${ERRAND_STATUS_LABELS[order.status]}”，不能${STEP_NAMES[step]}`);
  const { next: fields, drop = [], also = [] } = await change(order, standing);
  const at = deps.now().toISOString();
  const next: ErrandOrder = { ...order, ...fields, version: order.version + 1, updatedAt: at };
  for (const name of drop) delete next[name];
  const studio = await deps.studios.getStudio(studioId);
  if (!(await deps.errands.step(order, next, stepNotices(next, studio?.name ?? '工作室', deps.newId, at), also))) throw new ConflictError(lost);
  return errandViewOf(next, await standingOf(deps, principal, next, null));
}

const nameOf = async (deps: VolunteersDeps, userId: string, fallback: string) => (await deps.users.getUser(userId))?.displayName ?? fallback;

/** 审核: approved, volunteers see it (已审核); refused with a reason the orderer reads (未通过). */
export function reviewErrand(deps: VolunteersDeps, principal: Principal, studioId: string, id: string, body: { approve: boolean; reason?: string }): Promise<ErrandView> {
  return runStep(deps, principal, studioId, id, body.approve ? 'approve' : 'refuse', async () => (body.approve ? { next: { status: 'open' } } : { next: { status: 'refused', reason: body.reason! } }));
}

/** 派单: staff give a reviewed order (or one whose claim waits) to an approved volunteer of the kind's team. */
export function assignErrand(deps: VolunteersDeps, principal: Principal, studioId: string, id: string, body: { volunteerId: string }): Promise<ErrandView> {
  return runStep(deps, principal, studioId, id, 'assign', async (order) => {
    const registration = await deps.volunteers.get(body.volunteerId, studioId);
    if (registration?.status !== 'approved') throw new ValidationError({ volunteerId: '这位不是本工作室审核通过的志愿者' });
    if (order.teamId && !registration.teamIds.includes(order.teamId)) throw new ValidationError({ volunteerId: '这项服务只派给指定服务队的队员' });
    if (order.residentId === body.volunteerId) throw new ValidationError({ volunteerId: '不能派给下单的本人' });
    return { next: { status: 'assigned', volunteerId: body.volunteerId, volunteerName: registration.displayName } };
  });
}

/**
 * 接单: an approved volunteer (of the kind's team) takes a reviewed order — exactly one of many at once. One who could
 * have claimed it, and came too late, is told so (409), not that it does not exist.
 */
export async function claimErrand(deps: VolunteersDeps, principal: Principal, studioId: string, id: string): Promise<ErrandView> {
  try {
    return await claimOnce(deps, principal, studioId, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const order = await deps.errands.get(id);
    const tooLate = order && order.studioId === studioId && order.status !== 'ordered' && order.status !== 'refused' && order.residentId !== principal.userId;
    if (tooLate && mayClaimWith(await deps.volunteers.get(principal.userId, studioId), order)) throw new ConflictError('这单已经被别的志愿者接了');
    throw error;
  }
}

function claimOnce(deps: VolunteersDeps, principal: Principal, studioId: string, id: string): Promise<ErrandView> {
  return runStep(
    deps,
    principal,
    studioId,
    id,
    'claim',
    async (order) => {
      const registration = await deps.volunteers.get(principal.userId, studioId);
      if (!mayClaimWith(registration, order)) throw new ForbiddenError(REFUSED_WHO.claim);
      return { next: { status: order.acceptClaims ? 'claimed' : 'assigned', volunteerId: principal.userId, volunteerName: registration!.displayName } };
    },
    '这单刚刚被别的志愿者接了',
  );
}

/** Staff accept a claim (已接单) or send it back to the open list (已审核). */
export function decideErrandClaim(deps: VolunteersDeps, principal: Principal, studioId: string, id: string, body: { accept: boolean }): Promise<ErrandView> {
  return runStep(deps, principal, studioId, id, body.accept ? 'acceptClaim' : 'returnClaim', async () => (body.accept ? { next: { status: 'assigned' } } : { next: { status: 'open' }, drop: ['volunteerId', 'volunteerName'] }));
}

/** 已上门/已送达: the volunteer (or staff for them) marks it done; the orderer is asked to confirm. */
export function deliverErrand(deps: VolunteersDeps, principal: Principal, studioId: string, id: string): Promise<ErrandView> {
  return runStep(deps, principal, studioId, id, 'deliver', async () => ({ next: { status: 'delivered' } }));
}

/**
 * 确认完成: the resident (or staff for them) confirms and rates; the volunteer is credited the studio's coins for a
 * finished errand (rule `errand-done`; none when the studio has no such rule) in the same transaction.
 */
export function confirmErrand(deps: VolunteersDeps, principal: Principal, studioId: string, id: string, body: { rating: number; comment?: string }): Promise<ErrandView> {
  return runStep(deps, principal, studioId, id, 'confirm', async (order) => {
    const rule = (await deps.coins.getRules(studioId))?.find((r) => r.id === AUTOMATIC_COIN_RULES.errandDone);
    const base = { status: 'confirmed' as const, rating: body.rating, ...(body.comment ? { comment: body.comment } : {}) };
    if (!rule || !order.volunteerId) return { next: base };
    const transfer: Transfer = {
      studioId,
      id: deps.newId(),
      from: STUDIO_ACCOUNT,
      to: order.volunteerId,
      amount: rule.coins,
      kind: 'award',
      what: `${rule.activity}（${order.kindName}）`,
      byUserId: principal.userId,
      byName: await nameOf(deps, principal.userId, '居民'),
      at: deps.now().toISOString(),
    };
    return { next: { ...base, coins: rule.coins }, also: deps.coins.awardItems(transfer) };
  });
}

/** 取消: the orderer before delivery, or staff; the reason is kept and shown. */
export function cancelErrand(deps: VolunteersDeps, principal: Principal, studioId: string, id: string, body: { reason: string }): Promise<ErrandView> {
  return runStep(deps, principal, studioId, id, 'cancel', async () => ({ next: { status: 'cancelled', reason: body.reason } }));
}
