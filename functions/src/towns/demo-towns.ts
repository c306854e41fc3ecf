import { addDays, chinaDate } from '@shared/time';
import type { Deps } from '../deps';
import { generateStands } from '../studio/stand-schedule.use-case';
import { inboxCountsFrom } from '../submissions/inbox-counts.use-case';
import { seedDemoUnits } from '../units/demo-units';
import { seedDemoAlliance } from '../units/demo-alliance';
import { seedDemoCoordination } from '../consultations/demo-coordination';
import { seedDemoUnitService } from '../stands/demo-unit-service';

export const DEMO_TOWN = { name: '洛社镇', district: '惠山区' };
export const SECOND_STUDIO = { name: '新开河村党代表工作室', address: '洛社镇新开河村村委会二楼' };

/**
 * 镇街 for the local demo (`npm start`, seed 002: 洛社 built its studios town-wide): 洛社镇 with the demo studio and a
 * second one (a venue meeting on lunar 初五、十五、廿五), the persona 吴卫东 its 镇街管理员, and 钱文华 a representative of
 * both studios (切换身份). Once: nothing is added when the town is already there.
 */
export async function seedDemoTown(deps: Deps, studioId: string): Promise<void> {
  if (await deps.towns.findTownByName(DEMO_TOWN.name)) return;
  const now = deps.now().toISOString();
  const townId = deps.newId();
  if ((await deps.towns.createTown({ id: townId, ...DEMO_TOWN, createdAt: now })) !== 'created') return;
  const first = (await deps.studios.getStudio(studioId))!;
  await deps.towns.addStudio({ townId, studioId, name: first.name, address: '洛社镇人民路 农贸市场东门', createdAt: first.createdAt }, first);
  const second = { id: deps.newId(), name: SECOND_STUDIO.name, town: DEMO_TOWN.name, createdAt: now };
  await deps.towns.addStudio({ townId, studioId: second.id, name: second.name, address: SECOND_STUDIO.address, createdAt: now }, second);
  const serviceId = deps.newId();
  await deps.stands.putService({ id: serviceId, studioId: second.id, name: '量血压', description: '村医现场测量血压', minutesPerPerson: 5, peoplePerSlot: 3, homeVisit: false, keepsHealthReadings: true });
  const venue = { id: deps.newId(), studioId: second.id, name: '新开河村文化礼堂', address: '洛社镇新开河村文化礼堂门口', rules: [{ kind: 'lunar' as const, days: [5, 15, 25], startTime: '08:30', endTime: '11:00', serviceIds: [serviceId] }] };
  await deps.stands.putVenue(venue);
  const today = chinaDate(deps.now());
  await generateStands(deps, venue, second.name, today, addDays(today, 21));
  // its inbox counts, as the first studio's (else the daily check would find them missing and count them)
  await inboxCountsFrom(deps, second.id, undefined);

  const townAdmin = { id: deps.newId(), displayName: '吴卫东', role: 'town_admin' as const, townId, createdAt: now };
  await deps.users.createUserForOpenid(townAdmin, `demo-townadmin-${townAdmin.id}`);
  await deps.memberships.put({ userId: townAdmin.id, role: 'town_admin', townId, joinedAt: now });
  await deps.personas.putPersona({ key: 'townadmin', userId: townAdmin.id, displayName: townAdmin.displayName, role: 'town_admin', studioName: DEMO_TOWN.name, order: 20 });

  const both = { id: deps.newId(), displayName: '钱文华', role: 'representative' as const, studioId, createdAt: now };
  await deps.users.createUserForOpenid(both, `demo-reptwo-${both.id}`);
  for (const s of [first, second]) {
    await deps.studios.putMember({ studioId: s.id, userId: both.id, role: 'representative', displayName: both.displayName, joinedAt: now });
    await deps.memberships.put({ userId: both.id, role: 'representative', studioId: s.id, joinedAt: now });
  }
  const units = await seedDemoUnits(deps, townId);
  await seedDemoAlliance(deps, townId, studioId, units);
  await seedDemoCoordination(deps, townId, units);
  await seedDemoUnitService(deps, studioId, units.hospital);
  await deps.personas.putPersona({ key: 'reptwo', userId: both.id, displayName: both.displayName, role: 'representative', studioName: `${first.name} 等 2 个工作室`, order: 21 });
}
