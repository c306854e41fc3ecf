import { ulid } from 'ulid';
import type { RouteName } from '@shared/contract';
import { addDays } from '@shared/time';

type Example = (requestId: string) => { body?: Record<string, unknown>; query?: Record<string, string> };
type Must = (route: RouteName, request: { token?: string; params?: Record<string, string>; query?: Record<string, string> }) => Promise<Record<string, unknown>>;

/**
 * 成员单位与三张清单 in the fuzz world: the demo town's units, resources, needs and projects (read by its town admin) as
 * the ids to aim at, and an example of each of the alliance's routes with a body or a query.
 */
export async function allianceWorld(must: Must, townAdminToken: string, townId: string, today: string): Promise<{ pools: Record<string, string[]>; examples: Partial<Record<RouteName, Example>> }> {
  const idsOf = async (route: RouteName, list: string) => ((await must(route, { token: townAdminToken, params: { townId }, ...(route === 'listUnits' ? {} : { query: {} }) }))[list] as { id: string }[]).map((x) => x.id);
  const pools = { unitId: await idsOf('listUnits', 'units'), resourceId: await idsOf('listTownResources', 'resources'), needId: await idsOf('listTownNeeds', 'needs'), projectId: await idsOf('listTownProjects', 'projects') };
  const examples: Partial<Record<RouteName, Example>> = {
    createUnit: () => ({ body: { name: `成员单位${ulid().slice(-4)}`, kind: 'social', intro: '社区社会组织', contactName: '王老师', contactPhone: '13800138000' } }),
    updateUnit: () => ({ body: { name: `成员单位${ulid().slice(-4)}`, kind: 'social', intro: '改过的简介', version: 1 } }),
    createUnitInvite: () => ({ body: { validHours: 24 } }),
    listTownResources: () => ({ query: {} }),
    listUnitResources: () => ({ query: {} }),
    addResource: () => ({ body: { title: '法律咨询', kind: 'service', description: '律师党员每月坐班', amount: '每月一次' } }),
    updateResource: () => ({ body: { title: '法律咨询', kind: 'service', active: false, version: 1 } }),
    listTownNeeds: () => ({ query: {} }),
    listStudioNeeds: () => ({ query: {} }),
    fileNeed: () => ({ body: { title: '楼道照明维修', kind: 'goods', description: '老小区楼道灯坏了', wantedBy: addDays(today, 30) } }),
    createProject: () => ({ body: { needId: pools.needId[0]!, unitId: pools.unitId[0]!, owner: '周丽萍', startDate: today, endDate: addDays(today, 30) } }),
    listTownProjects: () => ({ query: {} }),
    listUnitProjects: () => ({ query: {} }),
    listStudioProjects: () => ({ query: {} }),
    moveProject: () => ({ body: { status: 'in_progress' } }),
  };
  return { pools, examples };
}
