import type { Deps } from '../deps';

/** The demo studio's departments (部门与联络员), in the order they are added. */
export const DEMO_DEPARTMENTS = [
  { name: '城管办', note: '市容、占道经营、违章搭建' },
  { name: '环卫所', note: '垃圾清运、道路保洁' },
  { name: '派出所', note: '治安、户籍' },
  { name: '卫生院', note: '医疗、防疫' },
] as const;

/** The demo liaison persona of 城管办 (signs in from the persona list). */
export const DEMO_LIAISON = { key: 'liaison', displayName: '城管办联络员', department: '城管办' } as const;

/**
 * 部门与联络员 for the local demo (`npm start`): the four departments and 城管办's liaison persona — also for a table
 * kept from before departments. Once: nothing is added when the studio already has departments.
 */
export async function seedDemoDepartments(deps: Pick<Deps, 'personas' | 'departments' | 'users' | 'studios' | 'now' | 'newId'>, studioId: string, studioName: string): Promise<void> {
  if ((await deps.departments.listOfStudio(studioId)).length > 0) return;
  const at = deps.now().toISOString();
  const ids = new Map<string, string>();
  for (const d of DEMO_DEPARTMENTS) {
    const id = deps.newId();
    if (!(await deps.departments.save({ id, studioId, name: d.name, note: d.note, active: true, createdAt: at, version: 0 }))) return; // another start seeded them
    ids.set(d.name, id);
  }
  if (await deps.personas.getPersona(DEMO_LIAISON.key)) return;
  const departmentId = ids.get(DEMO_LIAISON.department)!;
  const user = { id: deps.newId(), displayName: DEMO_LIAISON.displayName, role: 'liaison' as const, studioId, departmentId, createdAt: at };
  await deps.users.createUserForOpenid(user, `demo-${DEMO_LIAISON.key}-${user.id}`);
  await deps.studios.putMember({ studioId, userId: user.id, role: 'liaison', displayName: user.displayName, joinedAt: at, departmentId });
  await deps.personas.putPersona({ key: DEMO_LIAISON.key, userId: user.id, displayName: user.displayName, role: 'liaison', studioName, order: 18 });
}
