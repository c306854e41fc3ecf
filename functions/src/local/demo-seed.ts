import type { Role, StudioRole } from '@shared/roles';
import { addDays, chinaDate, chinaTime } from '@shared/time';
import { venueScene } from '@shared/scene';
import type { Deps } from '../deps';
import type { Service } from '../stands/stand.repository';
import type { ScheduleRule } from '@shared/schemas/venue';
import { generateStands } from '../studio/stand-schedule.use-case';
import type { CoinReward, CoinRule } from '@shared/schemas/coins';
import { seedHolidayYears } from '../studio/holiday-calendar.use-case';
import { inboxCountsFrom } from '../submissions/inbox-counts.use-case';
import { seedDemoWishes } from '../wishes/demo-wishes';
import { seedDemoGrids } from './demo-grids';
import { seedDemoConsultations } from '../consultations/demo-consultations';
import { seedDemoUnitHandOn } from '../consultations/demo-coordination';
import { seedDemoDepartments } from '../departments/demo-departments';
import { seedDemoTown } from '../towns/demo-towns';

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
  // an approved volunteer of the studio (微心愿: claims wishes on the 心愿墙)
  { key: 'volunteer', displayName: '孙师傅', role: 'resident' },
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

/** The demo market meets on lunar days 逢三六九, like many markets around the studio's town. */
const MARKET_DAYS = [3, 6, 9, 13, 16, 19, 23, 26, 29];
const OPENING = { startTime: '08:00', endTime: '11:30' };

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Hours for today's demo stand when `npm start` seeds it: from the current half hour (China time) until 22:00 — until
 * 23:59 when it is later — so that a newcomer can book a place whatever the hour they try it. The stand of a table kept
 * from an earlier run keeps the hours it was made with. Less than two hours before 22:00, it runs until 23:59.
 */
export function demoHoursAt(now: Date): { startTime: string; endTime: string } {
  const [hours, minutes] = chinaTime(now).split(':').map(Number) as [number, number];
  const start = Math.min(hours * 60 + (minutes < 30 ? 0 : 30), 22 * 60 + 30);
  return { startTime: hhmm(start), endTime: start + 120 <= 22 * 60 ? '22:00' : '23:59' };
}

export interface DemoSeedResult {
  createdPeople: boolean;
  createdStands: string[];
  studioId: string;
  venueId: string;
  scene: string;
  todayStandDate: string;
  todayStandId: string;
}

/** The demo studio's 代办服务 (点单-配送, seed 003): ordered by or for old people who cannot get about. */
export const DEMO_ERRAND_KINDS: { name: string; description: string; dispatch: 'assign' | 'claim'; acceptClaims: boolean; homeVisit: boolean }[] = [
  { name: '代购药品', description: '志愿者到药店代买常用药，送到家里（药费当面结清）', dispatch: 'claim', acceptClaims: false, homeVisit: false },
  { name: '代缴水电费', description: '代缴水费、电费、燃气费，收据送回家', dispatch: 'assign', acceptClaims: false, homeVisit: false },
  { name: '代办证件', description: '代办老年证、医保卡等证件的申请和领取', dispatch: 'assign', acceptClaims: false, homeVisit: false },
  { name: '上门理发', description: '理发志愿者上门为行动不便的老人理发', dispatch: 'claim', acceptClaims: true, homeVisit: true },
];

/** The demo studio's 幸福币 rules (activities staff confirm) and rewards at the stand. */
export const DEMO_COIN_RULES: CoinRule[] = [
  { id: 'neighbour-help', activity: '邻里互助', coins: 5 },
  { id: 'clean-up', activity: '环境整治', coins: 3 },
  { id: 'mediation', activity: '调解纠纷', coins: 10 },
  { id: 'patrol', activity: '义务巡逻', coins: 3 },
  { id: 'elder-care', activity: '助老服务（每次）', coins: 5 },
  // applied by the product when the step is confirmed (AUTOMATIC_COIN_RULES)
  { id: 'wish-fulfilled', activity: '圆一个微心愿', coins: 10 },
  { id: 'errand-done', activity: '完成一次代办服务', coins: 5 },
  { id: 'volunteer-hour', activity: '服务点志愿服务（每小时）', coins: 2 },
];
export const DEMO_COIN_REWARDS: CoinReward[] = [
  { id: 'towel', name: '毛巾一条', cost: 10, stock: 20 },
  { id: 'haircut', name: '理发券一张', cost: 15, stock: 30 },
  { id: 'detergent', name: '洗衣粉一袋', cost: 20, stock: 10 },
  { id: 'rice', name: '大米五斤', cost: 50, stock: 5 },
];

export interface DemoSeedOptions {
  /** Opening hours of today's demo stand (the browser journeys open it all day, whatever the hour). */
  todayHours?: { startTime: string; endTime: string };
  /**
   * The stack's demo (`npm start`, the browser journeys): matters in the inbox and a 议事协商 to show. The integration
   * tests' tables go without, so that their inbox counts and lists start empty.
   */
  demoMatters?: boolean;
}

export async function seedDemoData(deps: Deps, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  let record = await deps.personas.getDemoSeed();
  let createdPeople = false;
  if (!record) {
    record = await seedPeopleAndPlaces(deps);
    createdPeople = await deps.personas.recordDemoSeed(record);
    if (!createdPeople) record = (await deps.personas.getDemoSeed())!;
  } else {
    // a table kept from before the studio directory (GSI1 STUDIOS, the daily overdue count): list its studio there
    const studio = await deps.studios.getStudio(record.studioId);
    if (studio) await deps.studios.putStudio(studio);
  }
  const venue = (await deps.stands.getVenue(record.venueId))!;
  const today = chinaDate(deps.now());
  const studioId = record.studioId;
  // The parts side by side: none lists another's items beside its own. The people the grids, departments and town add
  // (网格员, 联络员, 镇街管理员, 钱文华) still come one after another, so their ids keep their order.
  const [{ created: createdStands }] = await Promise.all([
    (async () => {
      // 网格 / 院落 and a 网格员 (also for a table kept from before grids)
      await seedDemoGrids(deps, studioId, STUDIO_NAME, 19);
      // 部门与联络员: 城管办, 环卫所, 派出所, 卫生院 and 城管办's liaison persona (also for a table kept from before them)
      await seedDemoDepartments(deps, studioId, STUDIO_NAME);
      // 镇街: 洛社镇 with this studio and a second one, its 镇街管理员, a representative of both, its member units — one of
      // which, 卫生院, offers 义诊 at this venue (its rules change: read again) (also for a table kept from before)
      await seedDemoTown(deps, studioId);
      const offered = (await deps.stands.getVenue(record.venueId))!;
      // The venue's own rules for the weeks ahead, plus a stand today so that the demo always has one to show.
      return generateStands(deps, offered, STUDIO_NAME, today, addDays(today, 21), [{ kind: 'date', date: today, ...(options.todayHours ?? OPENING), serviceIds: offered.rules[0].serviceIds } satisfies ScheduleRule, ...offered.rules]);
    })(),
    // the national holiday calendar's built-in years (a fresh deployment enters them with `npm run holidays -- seed`)
    seedHolidayYears(deps, 'demo-seed'),
    // 幸福币: what earns coins and what they buy (also for a table kept from before 幸福币)
    (async () => {
      if (!(await deps.coins.getRules(studioId))) await deps.coins.seedSettings(studioId, DEMO_COIN_RULES, DEMO_COIN_REWARDS);
    })(),
    // 微心愿: 孙师傅 an approved volunteer, two wishes typed for a resident (also for a table kept from before 微心愿)
    seedDemoWishes(deps, studioId),
    // 点单-配送: the studio's catalogue of 代办服务 (also for a table kept from before it), ids in the catalogue's order
    (async () => {
      if ((await deps.errands.listKinds(studioId)).length > 0) return;
      const kinds = DEMO_ERRAND_KINDS.map((kind) => ({ studioId, id: deps.newId(), ...kind, retired: false }));
      await Promise.all(kinds.map((kind) => deps.errands.putKind(kind, true)));
    })(),
  ]);
  const todayStand = (await deps.stands.findCurrentOrNextStandAtVenue(venue.id, today))!;
  // the studio's inbox counts: counted now when missing or never counted (a table kept from before they existed)
  await inboxCountsFrom(deps, record.studioId, await deps.submissions.getInboxCounts(record.studioId));
  // 议事协商: two matters from a 院落议事会, one consulted with its decision and result (also for a table kept from before it)
  if (options.demoMatters) await seedDemoConsultations(deps, record.studioId);
  // 成员单位 as departments: a matter handed to 洛社镇卫生院 (周丽萍's 部门待办)
  if (options.demoMatters) await seedDemoUnitHandOn(deps, record.studioId);
  return { createdPeople, createdStands, studioId: record.studioId, venueId: record.venueId, scene: venueScene(record.venueId), todayStandDate: today, todayStandId: todayStand.id };
}

async function seedPeopleAndPlaces(deps: Deps) {
  const now = deps.now().toISOString();
  const studioId = deps.newId();
  await deps.studios.putStudio({ id: studioId, name: STUDIO_NAME, town: '洛社镇', createdAt: now });
  // ids made in the list's order (as one after the other), the people and services then written side by side
  const people = PEOPLE.map((person, order) => ({ person, order, inStudio: person.role !== 'resident', user: { id: deps.newId(), displayName: person.displayName, role: person.role } }));
  await Promise.all(
    people.map(async ({ person, order, inStudio, user: u }) => {
      const user = { ...u, ...(inStudio ? { studioId } : {}), createdAt: now };
      await deps.users.createUserForOpenid(user, `demo-${person.key}-${user.id}`);
      if (inStudio) await deps.studios.putMember({ studioId, userId: user.id, role: person.role as StudioRole, displayName: person.displayName, joinedAt: now });
      await deps.personas.putPersona({ key: person.key, userId: user.id, displayName: person.displayName, role: person.role, ...(inStudio ? { studioName: STUDIO_NAME } : {}), order });
    }),
  );
  const services = SERVICES.map((service) => ({ id: deps.newId(), studioId, ...service }));
  await Promise.all(services.map((service) => deps.stands.putService(service)));
  const serviceIds = services.map((service) => service.id);
  const venueId = deps.newId();
  await deps.stands.putVenue({ id: venueId, studioId, name: '洛社农贸集市', address: '洛社镇人民路 农贸市场东门', rules: [{ kind: 'lunar', days: MARKET_DAYS, ...OPENING, serviceIds }] });
  return { version: SEED_VERSION, studioId, venueId, createdAt: now };
}
