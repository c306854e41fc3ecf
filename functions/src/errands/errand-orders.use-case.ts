import { ERRAND_STATUSES, type ErrandFiguresView, type ErrandStatus, type ErrandView, type PlaceErrandRequest } from '@shared/schemas/errands';
import { chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { recordAudit } from '../audit/audit.use-case';
import { fingerprintOf } from '../data/codes';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { mayActFor, requireStudioRole } from '../policy';
import type { VolunteersDeps } from '../volunteers/deps';
import type { Volunteer } from '../volunteers/volunteer.repository';
import { requireStudio } from './errand-catalogue.use-case';
import { areaOf } from './errand-items';
import type { Standing } from './errand-lifecycle';
import type { ErrandOrder } from './errand.repository';
import { errandViewOf } from './errand-views';

const PAGE = 20;
/** A retry key is kept a week: a dropped answer is retried within minutes, not days. */
const REQUEST_TTL_SECONDS = 7 * 86_400;

/** May this registration claim an order of this kind: approved, and in the kind's team when it names one. */
export const mayClaimWith = (registration: Volunteer | undefined, o: Pick<ErrandOrder, 'teamId' | 'dispatch'>): boolean =>
  registration?.status === 'approved' && o.dispatch === 'claim' && (!o.teamId || registration.teamIds.includes(o.teamId));

export async function standingOf(deps: VolunteersDeps, principal: Principal, o: ErrandOrder, registration?: Volunteer | null): Promise<Standing> {
  const reg = registration === undefined ? (o.status === 'open' ? await deps.volunteers.get(principal.userId, o.studioId) : undefined) : (registration ?? undefined);
  const orderer = !!o.residentId && o.residentId === principal.userId;
  return { staff: mayActFor(principal, o.studioId, 'serve'), orderer, volunteer: !!o.volunteerId && o.volunteerId === principal.userId, mayClaim: !orderer && mayClaimWith(reg, o) };
}

/** Who may see an order at all: its studio's people, the resident who ordered, its volunteer, a volunteer who may claim it now. */
export const maySee = (s: Standing, o: ErrandOrder) => s.staff || s.orderer || s.volunteer || (s.mayClaim && o.status === 'open');

/** The order, as the caller may see it; 404 for anyone else (an order's existence is not told to strangers). */
export async function loadErrand(deps: VolunteersDeps, principal: Principal, studioId: string, id: string): Promise<{ order: ErrandOrder; standing: Standing }> {
  const order = await deps.errands.get(id);
  if (!order || order.studioId !== studioId) throw new NotFoundError('没有找到这单代办服务');
  const standing = await standingOf(deps, principal, order);
  if (!maySee(standing, order)) throw new NotFoundError('没有找到这单代办服务');
  return { order, standing };
}

/**
 * 点单: a resident orders a kind from the catalogue for themselves, or staff order for someone (代下单, with the
 * person's name). The address and phone are stored apart; lists show the area only. It waits for review (已下单).
 * The same request id places it once (a retried tap answers the same order).
 */
export async function placeErrand(deps: VolunteersDeps, principal: Principal, studioId: string, body: PlaceErrandRequest): Promise<ErrandView> {
  await requireStudio(deps, studioId);
  if (body.onBehalf) requireStudioRole(principal, studioId, 'serve', '只有本工作室的工作人员可以代下单');
  const kind = await deps.errands.getKind(studioId, body.kindId);
  if (!kind || kind.retired) throw new ValidationError({ kindId: '没有这项代办服务，请刷新后重新选择' });
  const user = await deps.users.getUser(principal.userId);
  const at = deps.now().toISOString();
  const { requestId, address, phone, ...rest } = body;
  const order: ErrandOrder = {
    id: deps.newId(),
    studioId,
    kindId: kind.id,
    kindName: kind.name,
    homeVisit: kind.homeVisit,
    dispatch: kind.dispatch,
    acceptClaims: kind.acceptClaims,
    ...(kind.teamId ? { teamId: kind.teamId } : {}),
    ...(body.onBehalf ? {} : { residentId: principal.userId }),
    orderedBy: principal.userId,
    onBehalf: body.onBehalf,
    personName: body.personName ?? user?.displayName ?? '居民',
    forWhom: body.forWhom,
    urgency: body.urgency,
    when: body.when,
    ...(body.note ? { note: body.note } : {}),
    area: areaOf(address),
    status: 'ordered',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const guard = { actorId: principal.userId, requestId, fingerprint: fingerprintOf({ ...rest, address, phone, studioId }), requestTtl: Math.floor(deps.now().getTime() / 1000) + REQUEST_TTL_SECONDS };
  const outcome = await deps.errands.place(order, { errandId: order.id, address, phone }, guard, []);
  if (outcome.kind === 'replayed') {
    if (outcome.fingerprint !== guard.fingerprint) throw new ConflictError('这个请求编号已用于另一单，请刷新后重试');
    const placed = await deps.errands.get(outcome.targetId);
    if (!placed) throw new ConflictError('这单已不在了，请刷新后重试');
    return errandViewOf(placed, await standingOf(deps, principal, placed, null));
  }
  return errandViewOf(order, await standingOf(deps, principal, order, null));
}

const pageOf = (orders: ErrandOrder[], nextCursor: string | undefined, view: (o: ErrandOrder) => ErrandView) => ({ errands: orders.map(view), ...(nextCursor ? { nextCursor } : {}) });

/** 我点的: the resident's own orders at this studio, newest first. */
export async function listMyErrands(deps: VolunteersDeps, principal: Principal, studioId: string, query: { cursor?: string }) {
  const page = await deps.errands.listOfResident(studioId, principal.userId, { cursor: query.cursor, limit: PAGE });
  const standing: Standing = { staff: mayActFor(principal, studioId, 'serve'), orderer: true, volunteer: false, mayClaim: false };
  return pageOf(page.orders, page.nextCursor, (o) => errandViewOf(o, standing));
}

/** 派给我的: the volunteer's claimed and assigned orders, newest first. */
export async function listMyErrandTasks(deps: VolunteersDeps, principal: Principal, studioId: string, query: { cursor?: string }) {
  const page = await deps.errands.listOfVolunteer(studioId, principal.userId, { cursor: query.cursor, limit: PAGE });
  const standing: Standing = { staff: mayActFor(principal, studioId, 'serve'), orderer: false, volunteer: true, mayClaim: false };
  return pageOf(page.orders, page.nextCursor, (o) => errandViewOf(o, standing));
}

/** 可接的单: reviewed orders an approved volunteer may claim (their team's kinds), the area only. */
export async function listOpenErrands(deps: VolunteersDeps, principal: Principal, studioId: string, query: { cursor?: string }) {
  const registration = await deps.volunteers.get(principal.userId, studioId);
  if (registration?.status !== 'approved') throw new ForbiddenError('审核通过的志愿者才能接单');
  const page = await deps.errands.listByStatus(studioId, 'open', { cursor: query.cursor, limit: PAGE });
  const mine = page.orders.filter((o) => o.residentId !== principal.userId && mayClaimWith(registration, o));
  return pageOf(mine, page.nextCursor, (o) => errandViewOf(o, { staff: false, orderer: false, volunteer: false, mayClaim: true }));
}

/** The staff queue: one status, oldest first (待审核 and 待确认接单 are what wait for them). */
export async function listStudioErrands(deps: VolunteersDeps, principal: Principal, studioId: string, query: { status: ErrandStatus; cursor?: string }) {
  requireStudioRole(principal, studioId, 'serve');
  const page = await deps.errands.listByStatus(studioId, query.status, { cursor: query.cursor, limit: PAGE });
  return pageOf(page.orders, page.nextCursor, (o) => errandViewOf(o, { staff: true, orderer: false, volunteer: o.volunteerId === principal.userId, mayClaim: false }));
}

export async function getErrand(deps: VolunteersDeps, principal: Principal, studioId: string, id: string): Promise<ErrandView> {
  const { order, standing } = await loadErrand(deps, principal, studioId, id);
  const contacts = standing.staff || standing.volunteer ? await deps.errands.listLog(order.id) : undefined;
  return errandViewOf(order, standing, contacts);
}

/**
 * 查看地址电话: only the volunteer the order is assigned to, while it is theirs to do (已接单, 已送达). Each reveal
 * is recorded in the audit trail before it is answered (never the address or phone itself). Staff are refused (403),
 * anyone else does not learn the order exists (404).
 */
export async function revealErrandContact(deps: VolunteersDeps, principal: Principal, studioId: string, id: string): Promise<{ address: string; phone: string }> {
  const { order, standing } = await loadErrand(deps, principal, studioId, id);
  if (!standing.volunteer) throw new ForbiddenError('只有接单的志愿者可以查看地址和电话');
  if (order.status !== 'assigned' && order.status !== 'delivered') throw new ConflictError('这单现在不需要上门，看不到地址和电话');
  const contact = await deps.errands.getContact(order.id);
  if (!contact) throw new NotFoundError('这单的地址和电话已删除');
  await recordAudit(deps, principal, studioId, 'errand_contact_revealed', `接单志愿者查看代办服务「${order.kindName}」（${chinaDate(order.createdAt)}）的地址和电话`, order.id);
  return { address: contact.address, phone: contact.phone };
}

/** 联系记录: staff or the order's volunteer note a call, a visit or a remark (需跟进 flags what is still to do). */
export async function addErrandContact(deps: VolunteersDeps, principal: Principal, studioId: string, id: string, body: { kind: 'call' | 'visit' | 'note'; text: string; followUp: boolean }): Promise<ErrandView> {
  const { order, standing } = await loadErrand(deps, principal, studioId, id);
  if (!standing.staff && !standing.volunteer) throw new ForbiddenError('只有工作人员和接单的志愿者可以记联系情况');
  const name = (await deps.users.getUser(principal.userId))?.displayName ?? (standing.staff ? '工作人员' : '志愿者');
  await deps.errands.addLog({ id: deps.newId(), errandId: order.id, at: deps.now().toISOString(), byUserId: principal.userId, byName: name, ...body });
  return errandViewOf(order, standing, await deps.errands.listLog(order.id));
}

/** This month's figures: orders placed this month by where they are now, confirmed, the average rating. */
export async function getErrandFigures(deps: VolunteersDeps, principal: Principal, studioId: string): Promise<ErrandFiguresView> {
  requireStudioRole(principal, studioId, 'serve');
  const month = chinaDate(deps.now()).slice(0, 7);
  const figures = await deps.errands.figures(studioId, month);
  const byStatus = Object.fromEntries(ERRAND_STATUSES.map((s) => [s, figures.byStatus[s] ?? 0]));
  return {
    month,
    byStatus,
    confirmed: byStatus.confirmed ?? 0,
    ratings: figures.ratings,
    ...(figures.ratings > 0 ? { averageRating: Math.round((figures.ratingSum / figures.ratings) * 10) / 10 } : {}),
  };
}
