/**
 * 协调会 / 联席会: the town-level 协商 of the alliance's member units. The town's 镇街管理员 calls, cancels and records
 * them and publishes their results; the town's unit liaisons (and the admins of the studios a meeting invites) read
 * them. The steps follow the studio 协商's rules (consultation-states.ts): a step from the wrong status is a 409 and
 * changes nothing. Another town's people learn nothing (404).
 */
import { chinaDate } from '@shared/time';
import { maskPersonalDetails } from '@shared/submission/mask';
import { CONSULTATION_STATUS_LABELS } from '@shared/schemas/consultations';
import type { CancelCoordinationRequest, CoordinationPageQuery, CoordinationResultRequest, CoordinationsPage, CoordinationView, CreateCoordinationRequest, RecordCoordinationRequest } from '@shared/schemas/coordination';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { meetingInvite, meetingRetryGuard } from './meeting-call';
import type { SubmissionsDeps } from '../submissions/deps';
import { checkStep, recordRefusal } from './consultation-states';
import type { Coordination } from './coordination-items';

const PAGE = 20;
const NOT_FOUND = '没有找到这次协调会';

export const coordinationPage = (townId: string, id: string) => `packageTown/pages/coordination/index?townId=${townId}&id=${id}`;

const isTownAdminOf = (p: Principal, townId: string) => p.role === 'town_admin' && p.townId === townId;
const isTownPerson = (p: Principal, townId: string) => (p.role === 'town_admin' || p.role === 'unit_liaison') && p.townId === townId;

/** Only the town's own 镇街管理员 calls and records its 协调会; anyone else learns nothing of the town's (404). */
function requireTownAdmin(principal: Principal, townId: string): void {
  if (!isTownAdminOf(principal, townId)) throw new NotFoundError('没有找到这个镇街');
}

export function coordinationViewOf(c: Coordination): CoordinationView {
  return {
    id: c.id,
    townId: c.townId,
    townName: c.townName,
    topic: c.topic,
    date: c.date,
    time: c.time,
    place: c.place,
    agenda: c.agenda,
    units: c.units,
    studios: c.studios,
    status: c.status,
    statusLabel: CONSULTATION_STATUS_LABELS[c.status],
    ...(c.minutes ? { minutes: c.minutes } : {}),
    ...(c.decision ? { decision: c.decision, decidedAt: c.decidedAt } : {}),
    ...(c.result ? { result: c.result, resultAt: c.resultAt } : {}),
    ...(c.cancelReason ? { cancelReason: c.cancelReason } : {}),
  };
}

/** A 协调会 of the town in the path; another town's (or none) is not found. */
async function load(deps: SubmissionsDeps, townId: string, id: string): Promise<Coordination> {
  const c = await deps.coordinations.get(id);
  if (!c || c.townId !== townId) throw new NotFoundError(NOT_FOUND);
  return c;
}

/**
 * Calls a 协调会. Input: the town, topic, date and time (China), place, agenda, the invited units (default: every
 * active unit of the town) and studios, the client's retry key. Steps: the caller is the town's admin · the units
 * (pattern 151) and studios (pattern 136) are the town's, the units active · one transaction: the retry key (a repeat
 * answers what it called), the meeting, and one fan-out notice to the units' liaisons and the studios' admins
 * (expanded by the notice consumer). Output: the meeting.
 */
export async function createCoordination(deps: SubmissionsDeps, principal: Principal, townId: string, body: CreateCoordinationRequest): Promise<CoordinationView> {
  requireTownAdmin(principal, townId);
  const now = deps.now();
  if (body.date < chinaDate(now)) throw new ValidationError({ date: '会议日期不能早于今天' }, '会议日期不能早于今天');
  const [town, units, studios] = await Promise.all([deps.towns.getTown(townId), deps.units.listOfTown(townId), body.studioIds?.length ? deps.towns.listStudios(townId) : Promise.resolve([])]);
  if (!town) throw new NotFoundError('没有找到这个镇街');
  const active = units.filter((u) => u.active);
  const invited = body.unitIds
    ? body.unitIds.map((id) => {
        const unit = active.find((u) => u.id === id);
        if (!unit) throw new ValidationError({ unitIds: '所选的成员单位不属于本镇街或已停用' }, '所选的成员单位不属于本镇街或已停用');
        return unit;
      })
    : active;
  if (!invited.length) throw new ValidationError({ unitIds: '本镇街还没有成员单位，请先添加' }, '本镇街还没有成员单位');
  const invitedStudios = (body.studioIds ?? []).map((id) => {
    const studio = studios.find((s) => s.studioId === id);
    if (!studio) throw new ValidationError({ studioIds: '所选的工作室不属于本镇街' }, '所选的工作室不属于本镇街');
    return { id: studio.studioId, name: studio.name };
  });
  const at = now.toISOString();
  const c: Coordination = {
    id: deps.newId(),
    townId,
    townName: town.name,
    topic: body.topic,
    date: body.date,
    time: body.time,
    place: body.place,
    agenda: body.agenda,
    units: invited.map((u) => ({ id: u.id, name: u.name })),
    studios: invitedStudios,
    status: 'planned',
    createdBy: principal.userId,
    createdAt: at,
  };
  const guard = meetingRetryGuard(principal.userId, body, now);
  const invite = meetingInvite(c.id, { kind: 'coordination_invitees', coordinationId: c.id, except: principal.userId }, coordinationPage(townId, c.id), c, town.name, at);
  const outcome = await deps.coordinations.create(c, [invite], guard);
  if (!outcome.replayed) return coordinationViewOf(c);
  if (outcome.replayed.fingerprint !== guard.fingerprint) throw new ConflictError('这个请求编号已用于另一次协调会，请刷新后重新提交');
  return coordinationViewOf(await load(deps, townId, outcome.replayed.targetId));
}

/** 协调会 of the town, upcoming first, then the latest held (pattern 181): for its admin and its units' liaisons. */
export async function listCoordinations(deps: SubmissionsDeps, principal: Principal, townId: string, query: CoordinationPageQuery = {}): Promise<CoordinationsPage> {
  if (!isTownPerson(principal, townId)) throw new NotFoundError('没有找到这个镇街');
  const page = await deps.coordinations.listOfTownPage(townId, { cursor: query.cursor, limit: PAGE });
  return { items: page.items.map(coordinationViewOf), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** One 协调会: for the town's people, and for the admin of a studio it invites. */
export async function getCoordination(deps: SubmissionsDeps, principal: Principal, townId: string, id: string): Promise<CoordinationView> {
  const c = await deps.coordinations.get(id);
  const invitedAdmin = principal.role === 'admin' && !!c?.studios.some((s) => s.id === principal.studioId);
  if (!c || c.townId !== townId || !(isTownPerson(principal, townId) || invitedAdmin)) throw new NotFoundError(NOT_FOUND);
  return coordinationViewOf(c);
}

async function takeStep(deps: SubmissionsDeps, c: Coordination, step: 'cancel' | 'record' | 'publish_result', fields: Partial<Coordination>): Promise<CoordinationView> {
  const check = checkStep(c.status, step);
  if (!check.ok) throw new ConflictError(check.reason.replace('协商', '协调会'));
  if (!(await deps.coordinations.step(c, c.status, check.to, fields))) throw new ConflictError('这次协调会刚被别人修改过，请刷新后再试');
  return coordinationViewOf({ ...c, ...fields, status: check.to });
}

export async function cancelCoordination(deps: SubmissionsDeps, principal: Principal, townId: string, id: string, body: CancelCoordinationRequest): Promise<CoordinationView> {
  requireTownAdmin(principal, townId);
  return takeStep(deps, await load(deps, townId, id), 'cancel', { cancelReason: body.reason });
}

/** After the meeting: which invited units attended, the minutes and the decision (from the meeting's day on). */
export async function recordCoordination(deps: SubmissionsDeps, principal: Principal, townId: string, id: string, body: RecordCoordinationRequest): Promise<CoordinationView> {
  requireTownAdmin(principal, townId);
  const c = await load(deps, townId, id);
  const refusal = recordRefusal(c, chinaDate(deps.now()));
  if (refusal) throw new ConflictError(refusal.replace('协商', '协调会'));
  const invited = new Set(c.units.map((u) => u.id));
  if (body.presentUnitIds.some((unitId) => !invited.has(unitId))) throw new ValidationError({ presentUnitIds: '只能勾选受邀的成员单位' }, '只能勾选受邀的成员单位');
  const present = new Set(body.presentUnitIds);
  const units = c.units.map((u) => ({ id: u.id, name: u.name, present: present.has(u.id) }));
  return takeStep(deps, c, 'record', { units, minutes: body.minutes, decision: maskPersonalDetails(body.decision), decidedAt: deps.now().toISOString() });
}

export async function publishCoordinationResult(deps: SubmissionsDeps, principal: Principal, townId: string, id: string, body: CoordinationResultRequest): Promise<CoordinationView> {
  requireTownAdmin(principal, townId);
  return takeStep(deps, await load(deps, townId, id), 'publish_result', { result: maskPersonalDetails(body.result), resultAt: deps.now().toISOString() });
}
