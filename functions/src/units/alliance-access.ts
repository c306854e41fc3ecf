import type { Principal } from '../auth/session-tokens';
import type { Studio } from '../studio/studio.repository';
import { ForbiddenError, NotFoundError } from '../errors';
import { requireStudioRole } from '../policy';
import type { Unit } from './unit.repository';
import type { UnitsDeps } from './units-deps';

/**
 * The one answer to "who may act in a town's alliance?" — its 镇街管理员 for everything; a unit's liaison
 * (成员单位联络员) for their own unit; the studios' admins and representatives for their studio's needs and its side of
 * an agreement. Anyone of another town (or unit, or studio) is refused the same way, whether the thing exists or not.
 */
const TOWN_REFUSAL = '只有本镇街的管理员和成员单位联络员可以查看';
const UNIT_REFUSAL = '只有本镇街的管理员或本单位的联络员可以操作';
export const ADMIN_REFUSAL = '只有本镇街的管理员可以操作';

export const isTownAdminOf = (principal: Principal, townId: string) => principal.role === 'town_admin' && principal.townId === townId;
export const isLiaisonOfUnit = (principal: Principal, townId: string, unitId: string) => principal.role === 'unit_liaison' && principal.townId === townId && principal.departmentId === unitId;

/** The town's people: its admin and its units' liaisons (the three lists, the units). */
export function requireTownPerson(principal: Principal, townId: string): void {
  const ofTown = (principal.role === 'town_admin' || principal.role === 'unit_liaison') && principal.townId === townId;
  if (!ofTown) throw new ForbiddenError(TOWN_REFUSAL);
}

export function requireTownAdminOf(principal: Principal, townId: string): void {
  if (!isTownAdminOf(principal, townId)) throw new ForbiddenError(ADMIN_REFUSAL);
}

/** The unit, for its town's admin or its own liaison: 403 for anyone else, 404 when there is no such unit. */
export async function requireUnitActor(deps: Pick<UnitsDeps, 'units'>, principal: Principal, townId: string, unitId: string): Promise<Unit> {
  if (!isTownAdminOf(principal, townId) && !isLiaisonOfUnit(principal, townId, unitId)) throw new ForbiddenError(UNIT_REFUSAL);
  const unit = await deps.units.get(townId, unitId);
  if (!unit) throw new NotFoundError('没有找到这个成员单位');
  return unit;
}

/** A studio of a town, for its admin and representatives (their 需求清单, their side of the agreements). */
export async function requireStudioOfTown(deps: Pick<UnitsDeps, 'studios'>, principal: Principal, studioId: string): Promise<Studio> {
  requireStudioRole(principal, studioId, 'answer', '只有本工作室的党代表和管理员可以操作');
  const studio = await deps.studios.getStudio(studioId);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  return studio;
}
