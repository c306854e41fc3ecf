import type { CreateResourceRequest, ResourcesPage, ResourceView, UpdateResourceRequest } from '@shared/schemas/alliance';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError } from '../errors';
import { requireTownPerson, requireUnitActor } from './alliance-access';
import { resourceView } from './alliance-views';
import type { Resource } from './alliance.repository';
import type { UnitsDeps } from './units-deps';

const PAGE = 30;

/** The units' names by id, as they are now (one Query, 151): what the lists show beside each entry. */
export async function unitNamesOf(deps: Pick<UnitsDeps, 'units'>, townId: string): Promise<Map<string, string>> {
  return new Map((await deps.units.listOfTown(townId)).map((u) => [u.id, u.name]));
}

/** 资源清单 of the town, every unit's (the town admin and the units' liaisons) — access pattern 153. */
export async function listTownResources(deps: UnitsDeps, principal: Principal, townId: string, query: { cursor?: string }): Promise<ResourcesPage> {
  requireTownPerson(principal, townId);
  const [names, page] = await Promise.all([unitNamesOf(deps, townId), deps.alliance.listResourcesOfTown(townId, { cursor: query.cursor, limit: PAGE })]);
  return { resources: page.items.map((r) => resourceView(r, names.get(r.unitId) ?? '')), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** One unit's resources (its liaison's 我们的资源; the town admin) — access pattern 154. */
export async function listUnitResources(deps: UnitsDeps, principal: Principal, townId: string, unitId: string, query: { cursor?: string }): Promise<ResourcesPage> {
  requireTownPerson(principal, townId);
  const unit = await deps.units.get(townId, unitId);
  if (!unit) throw new NotFoundError('没有找到这个成员单位');
  const page = await deps.alliance.listResourcesOfUnit(townId, unitId, { cursor: query.cursor, limit: PAGE });
  return { resources: page.items.map((r) => resourceView(r, unit.name)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** 新增资源: the unit's liaison (their own unit) or the town admin; a retired unit offers nothing new. */
export async function addResource(deps: UnitsDeps, principal: Principal, townId: string, unitId: string, request: CreateResourceRequest): Promise<ResourceView> {
  const unit = await requireUnitActor(deps, principal, townId, unitId);
  if (!unit.active) throw new ConflictError('这个单位已经退出，不能再添加资源');
  const at = deps.now().toISOString();
  const resource: Resource = { id: deps.newId(), townId, unitId, title: request.title, kind: request.kind, description: request.description || undefined, amount: request.amount || undefined, active: true, createdAt: at, updatedAt: at, version: 1 };
  if (!(await deps.alliance.saveResource(resource))) throw new ConflictError('资源刚刚已添加，请刷新');
  return resourceView(resource, unit.name);
}

/** 修改 / 撤下 / 重新提供 a resource: the whole entry, guarded by the version it was read at. */
export async function updateResource(deps: UnitsDeps, principal: Principal, townId: string, unitId: string, resourceId: string, request: UpdateResourceRequest): Promise<ResourceView> {
  const unit = await requireUnitActor(deps, principal, townId, unitId);
  const resource = await deps.alliance.getResource(townId, unitId, resourceId);
  if (!resource) throw new NotFoundError('没有找到这项资源');
  const changed = '这项资源刚刚被别人改过，请刷新后再改';
  if (resource.version !== request.version) throw new ConflictError(changed);
  if (request.active && !unit.active) throw new ConflictError('这个单位已经退出，不能再提供资源');
  const next: Resource = { ...resource, title: request.title, kind: request.kind, description: request.description || undefined, amount: request.amount || undefined, active: request.active, updatedAt: deps.now().toISOString() };
  if (!(await deps.alliance.saveResource(next, resource.version))) throw new ConflictError(changed);
  return resourceView({ ...next, version: resource.version + 1 }, unit.name);
}
