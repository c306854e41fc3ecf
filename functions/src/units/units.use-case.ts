import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '@shared/invite-code';
import { UNIT_KIND_LABELS, type CreateUnitRequest, type PublicUnitsResponse, type UnitInviteView, type UnitsResponse, type UnitView, type UpdateUnitRequest } from '@shared/schemas/alliance';
import type { Principal } from '../auth/session-tokens';
import { randomCode } from '../data/codes';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireTownAdminOf, requireTownPerson, requireUnitActor } from './alliance-access';
import { unitView } from './alliance-views';
import type { Unit } from './unit.repository';
import type { UnitsDeps } from './units-deps';

const CHANGED = '这个单位的资料刚刚被别人改过，请刷新后再改';

/** The profile's optional fields as stored: an empty one is no value. */
const profileOf = (r: CreateUnitRequest) => ({
  name: r.name,
  kind: r.kind,
  intro: r.intro || undefined,
  contactName: r.contactName || undefined,
  contactPhone: r.contactPhone || undefined,
});

async function requireNameFree(deps: Pick<UnitsDeps, 'units'>, townId: string, name: string, self?: string): Promise<void> {
  const units = await deps.units.listOfTown(townId);
  if (units.some((u) => u.name === name && u.id !== self)) throw new ValidationError({ name: `本镇街已有成员单位「${name}」` });
}

/** 成员单位 (镇街工作台; a liaison's own list): every unit of the town, retired ones marked — access pattern 151. */
export async function listUnits(deps: UnitsDeps, principal: Principal, townId: string): Promise<UnitsResponse> {
  requireTownPerson(principal, townId);
  return { units: (await deps.units.listOfTown(townId)).map(unitView) };
}

/** The residents' read-only list of the alliance: active units' names, kinds and intros (no contacts). */
export async function listAllianceUnits(deps: UnitsDeps, townId: string): Promise<PublicUnitsResponse> {
  if (!(await deps.towns.getTown(townId))) throw new NotFoundError('没有找到这个镇街');
  const units = (await deps.units.listOfTown(townId)).filter((u) => u.active);
  return { units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, kindLabel: UNIT_KIND_LABELS[u.kind], ...(u.intro ? { intro: u.intro } : {}) })) };
}

export async function getUnit(deps: UnitsDeps, principal: Principal, townId: string, unitId: string): Promise<UnitView> {
  requireTownPerson(principal, townId);
  const unit = await deps.units.get(townId, unitId);
  if (!unit) throw new NotFoundError('没有找到这个成员单位');
  return unitView(unit);
}

/** 新增成员单位 (the town admin): its name unique in the town. */
export async function createUnit(deps: UnitsDeps, principal: Principal, townId: string, request: CreateUnitRequest): Promise<UnitView> {
  requireTownAdminOf(principal, townId);
  if (!(await deps.towns.getTown(townId))) throw new NotFoundError('没有找到这个镇街');
  await requireNameFree(deps, townId, request.name);
  const unit: Unit = { id: deps.newId(), townId, ...profileOf(request), active: true, createdAt: deps.now().toISOString(), version: 1 };
  if (!(await deps.units.save(unit))) throw new ConflictError('成员单位刚刚已添加，请刷新');
  return unitView(unit);
}

/** 修改单位资料: the town admin, or the unit's own liaison; the version read guards against two editors at once. */
export async function updateUnit(deps: UnitsDeps, principal: Principal, townId: string, unitId: string, request: UpdateUnitRequest): Promise<UnitView> {
  const unit = await requireUnitActor(deps, principal, townId, unitId);
  if (unit.version !== request.version) throw new ConflictError(CHANGED);
  if (request.name !== unit.name) await requireNameFree(deps, townId, request.name, unit.id);
  const next: Unit = { ...unit, ...profileOf(request) };
  if (!(await deps.units.save(next, unit.version))) throw new ConflictError(CHANGED);
  return unitView({ ...next, version: unit.version + 1 });
}

/** 退出联盟 (the town admin): the unit is kept and marked, its resources no longer offered to new projects. */
export async function retireUnit(deps: UnitsDeps, principal: Principal, townId: string, unitId: string): Promise<UnitView> {
  requireTownAdminOf(principal, townId);
  const unit = await requireUnitActor(deps, principal, townId, unitId);
  if (!unit.active) throw new ConflictError('这个单位已经退出了');
  const next: Unit = { ...unit, active: false, retiredAt: deps.now().toISOString() };
  if (!(await deps.units.save(next, unit.version))) throw new ConflictError(CHANGED);
  return unitView({ ...next, version: unit.version + 1 });
}

/**
 * 联络员邀请码 (the town admin): a town invite for the role `unit_liaison`, naming the unit in `departmentId`; whoever
 * redeems it becomes the unit's liaison (functions/src/towns/memberships.use-case.ts `redeemTownInvite`).
 */
export async function createUnitInvite(deps: UnitsDeps, principal: Principal, townId: string, unitId: string, validHours: number): Promise<UnitInviteView> {
  requireTownAdminOf(principal, townId);
  const unit = await requireUnitActor(deps, principal, townId, unitId);
  if (!unit.active) throw new ConflictError('这个单位已经退出，不能再邀请联络员');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + validHours * 3_600_000).toISOString();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = randomCode(INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH);
    const invite = { code, townId, role: 'unit_liaison' as const, departmentId: unit.id, createdBy: principal.userId, createdAt: now.toISOString(), expiresAt };
    if (await deps.studios.createInvite(invite)) return { code, expiresAt, unitName: unit.name };
  }
  throw new ConflictError('邀请码生成冲突，请重试');
}
