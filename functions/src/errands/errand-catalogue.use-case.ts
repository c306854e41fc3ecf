import type { ErrandKindRequest, ErrandKindView } from '@shared/schemas/errands';
import type { Principal } from '../auth/session-tokens';
import { recordAudit } from '../audit/audit.use-case';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { mayActFor, requireStudioRole } from '../policy';
import type { VolunteersDeps } from '../volunteers/deps';
import type { ErrandKind } from './errand.repository';

const MAX_KINDS = 40;

const kindViewOf = (k: ErrandKind): ErrandKindView => ({
  id: k.id,
  name: k.name,
  description: k.description,
  dispatch: k.dispatch,
  acceptClaims: k.acceptClaims,
  ...(k.teamId ? { teamId: k.teamId } : {}),
  homeVisit: k.homeVisit,
  retired: k.retired,
});

export async function requireStudio(deps: VolunteersDeps, studioId: string): Promise<{ name: string }> {
  const studio = await deps.studios.getStudio(studioId);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  return studio;
}

/** 代办服务目录: what residents may order (the admin, asking `all`, also sees the withdrawn ones). */
export async function listErrandKinds(deps: VolunteersDeps, principal: Principal, studioId: string, query: { all?: 'true' | 'false' }): Promise<{ kinds: ErrandKindView[] }> {
  await requireStudio(deps, studioId);
  const all = query.all === 'true' && mayActFor(principal, studioId, 'administer');
  const kinds = (await deps.errands.listKinds(studioId)).filter((k) => all || !k.retired);
  return { kinds: kinds.sort((a, b) => Number(a.retired) - Number(b.retired) || a.name.localeCompare(b.name, 'zh')).map(kindViewOf) };
}

async function checked(deps: VolunteersDeps, studioId: string, id: string, body: ErrandKindRequest): Promise<ErrandKind> {
  const kinds = await deps.errands.listKinds(studioId);
  if (kinds.some((k) => k.id !== id && !k.retired && k.name === body.name)) throw new ValidationError({ name: '已经有同名的代办服务了' });
  if (body.teamId && !(await deps.volunteers.getTeam(studioId, body.teamId))) throw new ValidationError({ teamId: '没有找到这个服务队，请刷新后重新选择' });
  if (body.acceptClaims && body.dispatch !== 'claim') throw new ValidationError({ acceptClaims: '只有“志愿者接单”的服务才需要确认接单' });
  return {
    studioId,
    id,
    name: body.name,
    description: body.description,
    dispatch: body.dispatch,
    acceptClaims: body.acceptClaims,
    ...(body.teamId ? { teamId: body.teamId } : {}),
    homeVisit: body.homeVisit,
    retired: body.retired,
  };
}

export async function createErrandKind(deps: VolunteersDeps, principal: Principal, studioId: string, body: ErrandKindRequest): Promise<ErrandKindView> {
  requireStudioRole(principal, studioId, 'administer');
  await requireStudio(deps, studioId);
  if ((await deps.errands.listKinds(studioId)).length >= MAX_KINDS) throw new ConflictError(`代办服务最多 ${MAX_KINDS} 项`);
  const kind = await checked(deps, studioId, deps.newId(), body);
  await deps.errands.putKind(kind, true);
  await recordAudit(deps, principal, studioId, 'errand_kinds_changed', `新增代办服务「${kind.name}」`, kind.id);
  return kindViewOf(kind);
}

export async function updateErrandKind(deps: VolunteersDeps, principal: Principal, studioId: string, kindId: string, body: ErrandKindRequest): Promise<ErrandKindView> {
  requireStudioRole(principal, studioId, 'administer');
  if (!(await deps.errands.getKind(studioId, kindId))) throw new NotFoundError('没有找到这项代办服务');
  const kind = await checked(deps, studioId, kindId, body);
  if (!(await deps.errands.putKind(kind, false))) throw new NotFoundError('没有找到这项代办服务');
  await recordAudit(deps, principal, studioId, 'errand_kinds_changed', `${kind.retired ? '停用' : '修改'}代办服务「${kind.name}」`, kind.id);
  return kindViewOf(kind);
}
