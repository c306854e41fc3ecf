import type { Role, StudioRole } from '@shared/roles';
import { addDays, chinaDate } from '@shared/time';
import { venueScene } from '@shared/scene';
import type { Deps } from '../use-cases/deps';
import type { Service, Slot, Stand } from '../data/stand.repository';

/**
 * Demo data for the local stage: a studio with its people, a market venue with a stand today and upcoming
 * ones, and four services with slots. People are seeded once (a record in the table says so); stands are
 * ensured for today and the next market days on every run, so "today's stand" exists whatever the day.
 */
const SEED_VERSION = 1;
const STUDIO_NAME = '洛社镇党代表工作室';

const PEOPLE: { key: string; displayName: string; role: Role }[] = [
  { key: 'resident', displayName: '刘阿姨', role: 'resident' },
  { key: 'resident2', displayName: '周大爷', role: 'resident' },
  { key: 'rep1', displayName: '张建国', role: 'representative' },
  { key: 'rep2', displayName: '李秀英', role: 'representative' },
  { key: 'staff1', displayName: '王志强', role: 'staff' },
  { key: 'staff2', displayName: '陈丽', role: 'staff' },
  { key: 'admin', displayName: '赵敏', role: 'admin' },
];

const SERVICES: Omit<Service, 'id' | 'studioId'>[] = [
  { name: '量血压', description: '志愿医生现场测量血压，给出健康建议', minutesPerPerson: 5, peoplePerSlot: 4, homeVisit: false, keepsHealthReadings: true },
  { name: '磨剪刀', description: '磨剪刀、菜刀，当场取回', minutesPerPerson: 10, peoplePerSlot: 3, homeVisit: false, keepsHealthReadings: false },
  { name: '修鞋', description: '补鞋、换鞋跟、缝包', minutesPerPerson: 15, peoplePerSlot: 2, homeVisit: false, keepsHealthReadings: false },
  { name: '家电维修', description: '小家电检查维修，大件可预约上门', minutesPerPerson: 30, peoplePerSlot: 1, homeVisit: false, keepsHealthReadings: false },
];

/** The market meets every third day in this demo; the real lunar schedules are rules of their own. */
const MARKET_DAY_OFFSETS = [0, 3, 6, 9];
const OPENING = { start: '08:00', end: '11:30' };
const SLOT_MINUTES = 30;

function slotTimes(): { startTime: string; endTime: string }[] {
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const times = [];
  for (let m = toMinutes(OPENING.start); m + SLOT_MINUTES <= toMinutes(OPENING.end); m += SLOT_MINUTES) {
    times.push({ startTime: toTime(m), endTime: toTime(m + SLOT_MINUTES) });
  }
  return times;
}

export interface DemoSeedResult {
  createdPeople: boolean;
  createdStands: string[];
  studioId: string;
  venueId: string;
  scene: string;
  todayStandDate: string;
}

export async function seedDemoData(deps: Deps): Promise<DemoSeedResult> {
  let record = await deps.personas.getDemoSeed();
  let createdPeople = false;
  if (!record) {
    record = await seedPeopleAndPlaces(deps);
    createdPeople = await deps.personas.recordDemoSeed(record);
    if (!createdPeople) record = (await deps.personas.getDemoSeed())!;
  }
  const venue = (await deps.stands.getVenue(record.venueId))!;
  const services = await deps.stands.listServicesOfStudio(record.studioId);
  const order = new Map(SERVICES.map((s, i) => [s.name, i]));
  services.sort((a, b) => (order.get(a.name) ?? 99) - (order.get(b.name) ?? 99));
  const today = chinaDate(deps.now());
  const createdStands: string[] = [];
  for (const offset of MARKET_DAY_OFFSETS) {
    const date = addDays(today, offset);
    const stand: Stand = {
      id: deps.newId(),
      venueId: venue.id,
      studioId: record.studioId,
      studioName: STUDIO_NAME,
      venueName: venue.name,
      address: venue.address,
      date,
      startTime: OPENING.start,
      endTime: OPENING.end,
      status: 'scheduled',
      services: services.map(({ id, name, description, minutesPerPerson, homeVisit, keepsHealthReadings }) => ({ id, name, description, minutesPerPerson, homeVisit, keepsHealthReadings })),
    };
    const slots: Slot[] = services.flatMap((service) =>
      slotTimes().map((t) => ({ standId: stand.id, serviceId: service.id, ...t, capacity: service.peoplePerSlot, booked: 0 })),
    );
    if (await deps.stands.createStandWithSlots(stand, slots)) createdStands.push(date);
  }
  return { createdPeople, createdStands, studioId: record.studioId, venueId: record.venueId, scene: venueScene(record.venueId), todayStandDate: today };
}

async function seedPeopleAndPlaces(deps: Deps) {
  const now = deps.now().toISOString();
  const studioId = deps.newId();
  await deps.studios.putStudio({ id: studioId, name: STUDIO_NAME, town: '洛社镇', createdAt: now });
  for (const [order, person] of PEOPLE.entries()) {
    const inStudio = person.role !== 'resident';
    const user = { id: deps.newId(), displayName: person.displayName, role: person.role, ...(inStudio ? { studioId } : {}), createdAt: now };
    await deps.users.createUserForOpenid(user, `demo-${person.key}-${user.id}`);
    if (inStudio) await deps.studios.putMember({ studioId, userId: user.id, role: person.role as StudioRole, displayName: person.displayName, joinedAt: now });
    await deps.personas.putPersona({ key: person.key, userId: user.id, displayName: person.displayName, role: person.role, ...(inStudio ? { studioName: STUDIO_NAME } : {}), order });
  }
  for (const service of SERVICES) await deps.stands.putService({ id: deps.newId(), studioId, ...service });
  const venueId = deps.newId();
  await deps.stands.putVenue({ id: venueId, studioId, name: '洛社农贸集市', address: '洛社镇人民路 农贸市场东门' });
  return { version: SEED_VERSION, studioId, venueId, createdAt: now };
}
