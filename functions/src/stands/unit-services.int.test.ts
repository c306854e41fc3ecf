import { ulid } from 'ulid';
import { addDays, chinaDate } from '@shared/time';
import { seededTable, testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import type { Unit } from '../units/unit.repository';
import type { Entry } from './booking.repository';
import { TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH } from '@shared/ticket-code';
import { randomCode } from '../data/codes';
import { entryPlace } from './booking-views';
import type { Stand } from './stand.repository';

// 成员单位 at the stands (#14 item 4): a service names the unit that provides it (义诊 by 卫生院), shown on the stand
// page and the ticket; the unit's liaison sees the bookings of its services across the town's studios and records what
// was done — nobody else of the unit side sees or records anything (DynamoDB Local, through the API).
describe('services provided by a member unit (DynamoDB Local)', () => {
  let api: ReturnType<typeof loadHandlers>;
  let deps: Awaited<ReturnType<typeof seededTable>>['deps'];
  let seed: Awaited<ReturnType<typeof seededTable>>['seed'];
  let townId: string;
  let hospital: Unit;
  let school: Unit;
  let today: string;
  const as = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;

  /** A person of the unit side, signed in: a liaison of `unit` in `town` (a persona made for the test). */
  async function liaisonOf(key: string, town: string, unit: string): Promise<string> {
    const at = new Date().toISOString();
    const user = { id: ulid(), displayName: `联络员${key}`, role: 'unit_liaison' as const, townId: town, departmentId: unit, createdAt: at };
    await deps.users.createUserForOpenid(user, `test-${user.id}`);
    await deps.memberships.put({ userId: user.id, role: 'unit_liaison', townId: town, departmentId: unit, joinedAt: at });
    await deps.personas.putPersona({ key, userId: user.id, displayName: user.displayName, role: 'unit_liaison', studioName: '测试', order: 90 });
    return as(key);
  }

  const yizhenOf = (stand: Stand) => stand.services.find((s) => s.name === '义诊')!;

  /** A booking of 义诊 at a stand, as the booking's transaction takes it (the month's figures move with it). */
  async function bookYizhen(stand: Stand, residentName: string, startTime = '08:00', userId = ulid()): Promise<Entry> {
    const entry: Entry = { id: ulid(), kind: 'booking', status: 'booked', ...entryPlace(stand, yizhenOf(stand)), startTime, endTime: '08:30', createdAt: new Date().toISOString(), userId, residentName, code: randomCode(TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH), holdsSlot: false };
    expect((await deps.bookings.takePlace(entry, { actorId: entry.userId!, requestId: ulid(), fingerprint: 't', requestTtl: 0 })).kind).toBe('created');
    return entry;
  }

  beforeAll(async () => {
    const seeded = await seededTable();
    ({ deps, seed } = seeded);
    api = loadHandlers(testEnv(seeded.tableName));
    today = chinaDate(new Date());
    townId = (await deps.towns.findTownByName('洛社镇'))!.id;
    const units = await deps.units.listOfTown(townId);
    hospital = units.find((u) => u.name === '洛社镇卫生院')!;
    school = units.find((u) => u.name === '洛社中心小学')!;
  });

  it('a studio admin names a member unit of its town as a service’s provider; a unit of no town of its own is refused', async () => {
    const admin = await as('admin');
    const choices = await invoke(api.listProviderUnits, 'listProviderUnits', { token: admin, params: { studioId: seed.studioId } });
    expect(choices.status).toBe(200);
    expect(choices.body.units.map((u: { name: string }) => u.name)).toEqual(['洛社镇卫生院', '洛社中心小学', '天奇自动化工程股份有限公司']);
    expect((await invoke(api.listProviderUnits, 'listProviderUnits', { token: await as('staff1'), params: { studioId: seed.studioId } })).status).toBe(403);

    const body = { name: '课业辅导', description: '教师志愿者辅导功课', minutesPerPerson: 30, peoplePerSlot: 5, providerUnitId: school.id };
    const created = await invoke(api.createService, 'createService', { token: admin, params: { studioId: seed.studioId }, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ providerUnitId: school.id, providerName: '洛社中心小学' });
    // the unit's services index: the liaison's list finds it
    expect((await deps.stands.listServicesOfUnit(school.id)).map((s) => s.name)).toEqual(['课业辅导']);
    const stranger = await invoke(api.createService, 'createService', { token: admin, params: { studioId: seed.studioId }, body: { ...body, providerUnitId: ulid() } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields).toEqual({ providerUnitId: '请从本镇的成员单位中选择提供单位' });
    // provided no more: out of the unit's index
    const plain = await invoke(api.updateService, 'updateService', { token: admin, params: { studioId: seed.studioId, serviceId: created.body.id }, body: { ...body, providerUnitId: undefined } });
    expect(plain.body.providerName).toBeUndefined();
    expect(await deps.stands.listServicesOfUnit(school.id)).toEqual([]);
  });

  it('shows the provider on the stand page and on the resident’s ticket', async () => {
    const page = await invoke(api.getStandByScene, 'getStandByScene', { params: { scene: seed.scene } });
    expect(page.body.services.map((s: { name: string; providerName?: string }) => [s.name, s.providerName ?? null])).toEqual([
      ['量血压', null],
      ['磨剪刀', null],
      ['修鞋', null],
      ['家电维修', null],
      ['义诊', '洛社镇卫生院'],
    ]);
    const next = (await deps.stands.listCurrentAndNextStandsAtVenue(seed.venueId, addDays(today, 1), 1))[0]!;
    const resident = await as('resident');
    const slot = (await deps.stands.listSlotsOfStand(next.id)).filter((s) => s.serviceId === yizhenOf(next).id).sort((a, b) => b.startTime.localeCompare(a.startTime))[0]!;
    const booked = await invoke(api.bookSlot, 'bookSlot', { token: resident, body: { standId: next.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() } });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ serviceName: '义诊', providerName: '洛社镇卫生院' });
    const mine = await invoke(api.listMyBookings, 'listMyBookings', { token: resident });
    expect(mine.body.upcoming.find((b: { id: string }) => b.id === booked.body.id)).toMatchObject({ providerName: '洛社镇卫生院' });
    expect((await invoke(api.getMyBooking, 'getMyBooking', { token: resident, params: { bookingId: booked.body.id } })).body.providerName).toBe('洛社镇卫生院');
  });

  it('周丽萍 sees the 义诊 bookings of 卫生院 on the coming market days, the phone of none shown', async () => {
    const res = await invoke(api.listUnitServiceDays, 'listUnitServiceDays', { token: await as('unitliaison') });
    expect(res.status).toBe(200);
    expect(res.body.unit).toEqual({ id: hospital.id, name: '洛社镇卫生院' });
    const days = res.body.upcoming as { date: string; service: { name: string }; studioName: string; venueName: string; counts: { booked: number }; entries: { residentName: string; code: string; status: string }[] }[];
    expect(days.length).toBeGreaterThanOrEqual(2);
    expect(days.every((d) => d.service.name === '义诊' && d.venueName === '洛社农贸集市' && d.studioName === '洛社镇党代表工作室' && d.date >= today)).toBe(true);
    const withDemo = days.find((d) => d.entries.some((e) => e.residentName === '顾阿婆'))!;
    expect(withDemo.entries.map((e) => e.residentName)).toEqual(expect.arrayContaining(['顾阿婆', '钱大伯']));
    expect(withDemo.entries.every((e) => e.status === 'booked' && /^[A-Z0-9]{4,}$/.test(e.code))).toBe(true);
    expect(withDemo.counts.booked).toBe(withDemo.entries.length);
    expect(JSON.stringify(res.body)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('the liaison records what was done for its own service’s entries, on the day (served with a note, or 未到); a retry changes nothing', async () => {
    const liaison = await as('unitliaison');
    const stand = (await deps.stands.getStand(seed.todayStandId))!;
    const resident2 = (await deps.personas.listPersonas()).find((p) => p.key === 'resident2')!;
    const came = await bookYizhen(stand, '周大爷', '08:00', resident2.userId);
    const missed = await bookYizhen(stand, '沈大爷', '08:30');
    const record = (entryId: string, body: object, token = liaison, standId = stand.id) => invoke(api.recordEntry, 'recordEntry', { token, params: { standId, entryId }, body });
    const served = await record(came.id, { outcome: 'served', note: '血压 135/85，建议复查' });
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ status: 'served', note: '血压 135/85，建议复查', providerName: '洛社镇卫生院' });
    expect((await record(came.id, { outcome: 'served', note: '血压 135/85，建议复查' })).body).toEqual(served.body);
    expect((await record(missed.id, { outcome: 'no_show' })).body.status).toBe('no_show');
    expect((await record(came.id, { outcome: 'no_show' })).status).toBe(409);
    expect((await record(came.id, { outcome: 'later' })).status).toBe(400);
    // the liaison's list says so
    const day = (await invoke(api.listUnitServiceDays, 'listUnitServiceDays', { token: liaison })).body.upcoming.find((d: { standId: string }) => d.standId === stand.id);
    expect(day.counts).toMatchObject({ served: 1, noShows: 1 });
    expect(day.entries.find((e: { id: string }) => e.id === came.id).note).toBe('血压 135/85，建议复查');
    // the resident's own data holds what was recorded for them
    const exported = await invoke(api.exportMyData, 'exportMyData', { token: await as('resident2') });
    const mine = JSON.parse(Buffer.from(exported.body as string, 'base64').toString('utf8')).bookings.find((b: { id: string }) => b.id === came.id);
    expect(mine).toMatchObject({ status: 'served', serviceNote: '血压 135/85，建议复查', providerName: '洛社镇卫生院' });
    // a market day still to come: nothing to record yet
    const next = (await deps.stands.listCurrentAndNextStandsAtVenue(seed.venueId, addDays(today, 1), 1))[0]!;
    const ahead = await bookYizhen(next, '朱阿姨');
    const early = await record(ahead.id, { outcome: 'served' }, liaison, next.id);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/^服务当天才能记录/);
  });

  it('another unit’s liaison, a liaison of another town and a resident are refused and learn nothing; the studio’s staff record as before', async () => {
    const stand = (await deps.stands.getStand(seed.todayStandId))!;
    const entry = await bookYizhen(stand, '韩阿姨', '09:00');
    const otherTown = ulid();
    const refusedWith = async (token: string, entryId = entry.id) => invoke(api.recordEntry, 'recordEntry', { token, params: { standId: stand.id, entryId }, body: { outcome: 'served' } });

    const schoolLiaison = await liaisonOf('schoolliaison', townId, school.id);
    const notMine = await refusedWith(schoolLiaison);
    const nothing = await refusedWith(schoolLiaison, ulid());
    expect([notMine.status, nothing.status]).toEqual([404, 404]);
    expect(notMine.body).toEqual(nothing.body);
    const seen = await invoke(api.listUnitServiceDays, 'listUnitServiceDays', { token: schoolLiaison });
    expect(seen.body).toMatchObject({ unit: { name: '洛社中心小学' }, upcoming: [], recent: [] });

    // the 卫生院's id, but in another town: not the liaison of this one
    const elsewhere = await liaisonOf('otherliaison', otherTown, hospital.id);
    expect((await refusedWith(elsewhere)).body).toEqual(nothing.body);
    expect((await invoke(api.listUnitServiceDays, 'listUnitServiceDays', { token: elsewhere })).status).toBe(403);

    const resident = await as('resident');
    expect((await refusedWith(resident)).status).toBe(403);
    expect((await invoke(api.listUnitServiceDays, 'listUnitServiceDays', { token: resident })).status).toBe(403);
    expect((await deps.bookings.getEntry(stand.id, entry.id))!.status).toBe('booked');

    // a service no unit provides: no liaison records it
    const plain = { ...entry, id: ulid(), serviceId: stand.services[0]!.id, code: ulid().slice(-8), userId: ulid() };
    await deps.bookings.takePlace(plain, { actorId: plain.userId, requestId: ulid(), fingerprint: 't', requestTtl: 0 });
    expect((await refusedWith(await as('unitliaison'), plain.id)).body).toEqual(nothing.body);

    // the studio's staff: as at the desk — and a staff member of no studio of theirs is refused (403)
    expect((await refusedWith(await as('staff1'))).body.status).toBe('served');
    expect((await invoke(api.getStandQueue, 'getStandQueue', { token: await as('staff1'), params: { standId: stand.id } })).status).toBe(200);
  });

  it('counts each studio’s month as the entries change: equal to a recount over the stands’ entries, and the town’s figures read it', async () => {
    // 未到, then checked in late and served at the desk: each move counted once, in its own transaction
    const staff = await as('staff1');
    const stand = (await deps.stands.getStand(seed.todayStandId))!;
    const late = await bookYizhen(stand, '沈奶奶', '09:30');
    const before = (await deps.standFigures.monthOfStudios([seed.studioId], stand.date.slice(0, 7))).get(seed.studioId)!;
    expect((await invoke(api.recordEntry, 'recordEntry', { token: staff, params: { standId: stand.id, entryId: late.id }, body: { outcome: 'no_show' } })).status).toBe(200);
    expect((await invoke(api.checkIn, 'checkIn', { token: staff, params: { standId: stand.id }, body: { code: late.code } })).body.status).toBe('checked_in');
    expect((await invoke(api.markServed, 'markServed', { token: staff, params: { standId: stand.id, entryId: late.id } })).body.status).toBe('served');
    const after = (await deps.standFigures.monthOfStudios([seed.studioId], stand.date.slice(0, 7))).get(seed.studioId)!;
    expect([after.bookings - before.bookings, after.served - before.served, after.noShows - before.noShows]).toEqual([0, 1, 0]);

    const months = [today.slice(0, 7), addDays(today, 21).slice(0, 7)];
    const studios = await deps.towns.listStudios(townId);
    const token = await as('townadmin');
    for (const month of new Set(months)) {
      const kept = await deps.standFigures.monthOfStudios(studios.map((s) => s.studioId), month);
      const figures = (await invoke(api.getTownFigures, 'getTownFigures', { token, params: { townId }, query: { month } })).body.studios as { studioId: string; bookings: number; served: number; noShows: number }[];
      for (const studio of studios) {
        const stands = (await Promise.all((await deps.stands.listVenuesOfStudio(studio.studioId)).map((v) => deps.stands.listStandsAtVenueBetween(v.id, `${month}-01`, `${month}-31`)))).flat();
        const entries = (await Promise.all(stands.map((s) => deps.bookings.listEntriesOfStand(s.id)))).flat();
        const recount = { bookings: entries.filter((e) => e.kind === 'booking').length, served: entries.filter((e) => e.status === 'served').length, noShows: entries.filter((e) => e.status === 'no_show').length };
        expect(kept.get(studio.studioId)).toMatchObject(recount);
        expect(figures.find((f) => f.studioId === studio.studioId)).toMatchObject(recount);
      }
    }
    // the demo's first studio has bookings this test can see
    const first = await deps.standFigures.monthOfStudios([seed.studioId], today.slice(0, 7));
    expect(first.get(seed.studioId)!.served).toBeGreaterThanOrEqual(2);
  });
});
