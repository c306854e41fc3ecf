import type { AddDepartmentRequest, DepartmentsResponse, DepartmentView, UpdateDepartmentRequest } from '@shared/schemas/departments';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import type { SubmissionsDeps } from '../submissions/deps';
import type { Unit } from '../units/unit.repository';
import type { Department } from './department.repository';

export const departmentView = (d: Department): DepartmentView => ({ id: d.id, name: d.name, ...(d.note ? { note: d.note } : {}), active: d.active });

export const unitAsDepartmentView = (u: Unit): DepartmentView => ({ id: u.id, name: u.name, active: u.active, memberUnit: true });

/** The member units of the studio's town still in the alliance (pattern 151): they answer as departments too. */
async function activeUnitsOfStudioTown(deps: SubmissionsDeps, studioId: string): Promise<Unit[]> {
  const townId = (await deps.studios.getStudio(studioId))?.townId;
  return townId ? (await deps.units.listOfTown(townId)).filter((u) => u.active) : [];
}

/**
 * 部门与联络员: the studio's departments, those in service first, by name; then the active member units of its town
 * (成员单位, marked) — representatives pick from both when they hand a 大事 on.
 */
export async function listDepartments(deps: SubmissionsDeps, principal: Principal, studioId: string): Promise<DepartmentsResponse> {
  requireStudioRole(principal, studioId, 'answer');
  const [departments, units] = await Promise.all([deps.departments.listOfStudio(studioId), activeUnitsOfStudioTown(deps, studioId)]);
  departments.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh'));
  return { departments: [...departments.map(departmentView), ...units.map(unitAsDepartmentView)] };
}

function refuseSameName(existing: readonly Department[], name: string, except?: string): void {
  if (existing.some((d) => d.name === name && d.id !== except)) throw new ValidationError({ name: `已经有「${name}」了` });
}

/** An admin adds a department (names are unique within the studio). */
export async function addDepartment(deps: SubmissionsDeps, principal: Principal, studioId: string, request: AddDepartmentRequest): Promise<DepartmentView> {
  requireStudioRole(principal, studioId, 'administer');
  refuseSameName(await deps.departments.listOfStudio(studioId), request.name);
  const department: Department = { id: deps.newId(), studioId, name: request.name, ...(request.note ? { note: request.note } : {}), active: true, createdAt: deps.now().toISOString(), version: 0 };
  if (!(await deps.departments.save(department))) throw new ConflictError('请重试');
  await recordAudit(deps, principal, studioId, 'department_changed', `添加承办部门「${department.name}」`, department.id);
  return departmentView(department);
}

/**
 * An admin renames a department, changes its note, retires it (停用: no new hand-ons; its open matters stay with it)
 * or puts it back in service. A change made meanwhile by another admin is a 409, nothing changed.
 */
export async function updateDepartment(deps: SubmissionsDeps, principal: Principal, studioId: string, departmentId: string, request: UpdateDepartmentRequest): Promise<DepartmentView> {
  requireStudioRole(principal, studioId, 'administer');
  const all = await deps.departments.listOfStudio(studioId);
  const current = all.find((d) => d.id === departmentId);
  if (!current) throw new NotFoundError('没有找到这个部门');
  if (request.name !== undefined) refuseSameName(all, request.name, departmentId);
  const next: Department = { ...current, ...(request.name !== undefined ? { name: request.name } : {}), ...(request.note !== undefined ? { note: request.note || undefined } : {}), ...(request.active !== undefined ? { active: request.active } : {}) };
  if (!(await deps.departments.save(next, current.version))) throw new ConflictError('这个部门刚被别人修改过，请刷新后再试');
  const what = [request.name !== undefined && request.name !== current.name ? `改名为「${request.name}」` : '', request.active === false && current.active ? '停用' : '', request.active === true && !current.active ? '重新启用' : '', request.note !== undefined ? '修改说明' : ''].filter(Boolean).join('，');
  await recordAudit(deps, principal, studioId, 'department_changed', `承办部门「${current.name}」：${what || '未改动'}`, departmentId);
  return departmentView({ ...next, version: current.version + 1 });
}

/** Who a 大事 is handed to: a department of the studio, or a member unit of its town (`townId` then). */
export interface HandOnTarget {
  id: string;
  name: string;
  active: boolean;
  townId?: string;
}

/**
 * The department a 大事 is handed to: of the matter's studio, or a member unit of the studio's town; in service (a
 * retired one is named in the refusal). A unit of another town is not found.
 */
export async function departmentToHandOnTo(deps: SubmissionsDeps, studioId: string, departmentId: string): Promise<HandOnTarget> {
  const own = await deps.departments.get(studioId, departmentId);
  const townId = own ? undefined : (await deps.studios.getStudio(studioId))?.townId;
  const unit = townId ? await deps.units.get(townId, departmentId) : undefined;
  const target: HandOnTarget | undefined = own ?? (unit ? { id: unit.id, name: unit.name, active: unit.active, townId: unit.townId } : undefined);
  if (!target) throw new ValidationError({ departmentId: '没有找到这个部门，请重新选择' });
  if (!target.active) throw new ValidationError({ departmentId: `「${target.name}」已停用，请选择其他部门` });
  return target;
}
