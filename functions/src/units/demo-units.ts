import type { Deps } from '../deps';
import type { Unit } from './unit.repository';

/** The alliance of 洛社镇 for the local demo (seeds 000, 004: hospitals, schools, enterprises join 区域化党建). */
export const DEMO_UNITS = [
  { key: 'hospital', name: '洛社镇卫生院', kind: 'hospital', intro: '镇卫生院党支部：每月两次到服务点义诊，量血压、测血糖、健康咨询。', contactName: '周丽萍', contactPhone: '0510-83310120' },
  { key: 'school', name: '洛社中心小学', kind: 'school', intro: '中心小学党支部：周末开放操场和图书室，教师志愿者辅导功课。', contactName: '陆建英', contactPhone: '0510-83310345' },
  { key: 'company', name: '天奇自动化工程股份有限公司', kind: 'enterprise', intro: '企业党委：青年志愿者、会议室，结对帮扶困难家庭。', contactName: '蒋海涛', contactPhone: '0510-83310888' },
] as const;

export type DemoUnitKey = (typeof DEMO_UNITS)[number]['key'];

/**
 * The town's three member units and 周丽萍, the 卫生院's liaison (persona `unitliaison`). Called once, when the demo town
 * is made; answers the units' ids by key for the rest of the seed.
 */
export async function seedDemoUnits(deps: Deps, townId: string): Promise<Record<DemoUnitKey, Unit>> {
  const now = deps.now().toISOString();
  const units = {} as Record<DemoUnitKey, Unit>;
  for (const { key, ...fields } of DEMO_UNITS) {
    const unit: Unit = { id: deps.newId(), townId, ...fields, active: true, createdAt: now, version: 1 };
    await deps.units.save(unit);
    units[key] = unit;
  }
  const hospital = units.hospital;
  const liaison = { id: deps.newId(), displayName: '周丽萍', role: 'unit_liaison' as const, townId, departmentId: hospital.id, createdAt: now };
  await deps.users.createUserForOpenid(liaison, `demo-unitliaison-${liaison.id}`);
  await deps.memberships.put({ userId: liaison.id, role: 'unit_liaison', townId, departmentId: hospital.id, joinedAt: now });
  await deps.unitLiaisons.put({ townId, unitId: hospital.id, userId: liaison.id, name: liaison.displayName, joinedAt: now });
  await deps.personas.putPersona({ key: 'unitliaison', userId: liaison.id, displayName: liaison.displayName, role: 'unit_liaison', studioName: hospital.name, order: 22 });
  return units;
}
