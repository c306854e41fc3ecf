import { addDays, chinaDate } from '@shared/time';
import type { Deps } from '../deps';
import type { Need, Project, Resource } from './alliance.repository';
import type { DemoUnitKey } from './demo-units';
import type { Unit } from './unit.repository';

/** What each demo unit offers (seeds 000, 004: 义诊, a school's playground, an enterprise's volunteers). */
const DEMO_RESOURCES: { unit: DemoUnitKey; title: string; kind: Resource['kind']; description: string; amount: string }[] = [
  { unit: 'hospital', title: '义诊', kind: 'service', description: '到服务点和村里量血压、测血糖、老人健康检查与咨询', amount: '每月两次' },
  { unit: 'hospital', title: '健康讲座', kind: 'service', description: '慢病防治、用药安全', amount: '每季度一次' },
  { unit: 'school', title: '操场和图书室', kind: 'venue', description: '孩子看书、运动，社区活动可借用', amount: '周末开放' },
  { unit: 'school', title: '教师志愿者', kind: 'volunteers', description: '暑期辅导孩子功课、看护', amount: '10 人' },
  { unit: 'company', title: '会议室', kind: 'venue', description: '可容纳 40 人，议事协商可借用', amount: '工作日预约' },
  { unit: 'company', title: '青年志愿者', kind: 'volunteers', description: '结对帮扶困难家庭、上门看望老人', amount: '20 人' },
];

/**
 * The alliance's three lists for the local demo (called from demo-towns.ts once the units are made): each unit's
 * resources, two needs of the first studio, and two projects — 老人健康检查 with the 卫生院, signed by both sides (周丽萍
 * for the unit, 赵敏 for the community); 暑期孩子看护 with the 中心小学, 待签约.
 */
export async function seedDemoAlliance(deps: Deps, townId: string, studioId: string, units: Record<DemoUnitKey, Unit>): Promise<void> {
  const at = deps.now().toISOString();
  const resources: Resource[] = DEMO_RESOURCES.map(({ unit, ...fields }) => ({ id: deps.newId(), townId, unitId: units[unit].id, ...fields, active: true, createdAt: at, updatedAt: at, version: 1 }));
  for (const resource of resources) await deps.alliance.saveResource(resource);

  const studio = (await deps.studios.getStudio(studioId))!;
  const today = chinaDate(deps.now());
  const need = (title: string, kind: Need['kind'], description: string, wantedBy: string): Need => ({
    id: deps.newId(),
    townId,
    studioId,
    studioName: studio.name,
    title,
    kind,
    description,
    wantedBy,
    status: 'open',
    createdBy: '工作室管理员 赵敏',
    createdAt: at,
    updatedAt: at,
  });
  const health = need('老人健康检查', 'service', '人民路一带独居老人多，希望定期上门或在服务点量血压、健康检查', addDays(today, 30));
  const summer = need('暑期孩子看护', 'volunteers', '放暑假后双职工家庭的孩子白天没人看护，希望有人辅导功课', addDays(today, 60));
  for (const n of [health, summer]) await deps.alliance.fileNeed(n);

  const project = (n: Need, unit: Unit, resource: Resource, owner: string, startDate: string, endDate: string): Project => ({
    id: deps.newId(),
    townId,
    needId: n.id,
    needTitle: n.title,
    studioId,
    studioName: studio.name,
    unitId: unit.id,
    unitName: unit.name,
    resourceId: resource.id,
    resourceTitle: resource.title,
    kind: n.kind,
    owner,
    startDate,
    endDate,
    status: 'pending',
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  const signed = project(health, units.hospital, resources[0]!, '周丽萍', addDays(today, 3), addDays(today, 180));
  await deps.alliance.createProject(signed);
  await deps.alliance.saveProject(signed, { ...signed, status: 'signed', unitSignature: { name: '周丽萍', at }, studioSignature: { name: '赵敏', at } });
  await deps.alliance.createProject(project(summer, units.school, resources[3]!, '陆建英', addDays(today, 45), addDays(today, 90)));
}
