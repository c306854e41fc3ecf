import { ulid } from 'ulid';
import { expandSchedule } from '@shared/schedule';
import { addDays, chinaDate, chinaInstant, formatChinaDate } from '@shared/time';
import { posterInputFor } from '../posters/venue-poster.use-case';
import { bookSlot, cancelMyBooking, getMyBooking } from '../stands/bookings.use-case';
import { cancelStand, generateVenueStands, getStandSummary, listServices, listVenues, saveService, saveVenue } from './studio-setup.use-case';
import { addWalkIn, checkIn } from '../stands/stand-desk.use-case';
import { markNoShows, queueBookingReminders } from '../stands/stand-jobs.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { drainNotices } from '../../../test/support/notice-stream';


const LUNAR_369 = [3, 6, 9, 13, 16, 19, 23, 26, 29];

// A studio admin sets up services and venues, generates stands from market rules and cancels one (DynamoDB Local).
describe('setting a studio up (DynamoDB Local)', () => {
  it('adds a service and a lunar-market venue, and generates its stands for the weeks ahead', async () => {
    const f = await bookingFixture();
    const admin = f.principalOf('admin');
    const legal = await saveService(f.deps, admin, f.seed.studioId, { name: '法律咨询', description: '律师志愿者现场解答', minutesPerPerson: 20, peoplePerSlot: 1, homeVisit: false, keepsHealthReadings: false });
    expect((await listServices(f.deps, f.principalOf('staff1'), f.seed.studioId)).services.map((s) => s.name)).toContain('法律咨询');

    const venue = await saveVenue(f.deps, admin, f.seed.studioId, {
      name: '东街集市',
      address: '洛社镇东街 菜场门口',
      rules: [{ kind: 'lunar', days: LUNAR_369, startTime: '07:30', endTime: '10:00', serviceIds: [legal.id] }],
    });
    expect(venue.schedule[0]).toContain('农历逢三六九');
    expect(venue.nextMarketDays).toHaveLength(3);
    expect((await listVenues(f.deps, admin, f.seed.studioId)).venues.map((v) => v.name)).toEqual(expect.arrayContaining(['洛社农贸集市', '东街集市']));

    const today = chinaDate(f.now);
    const generated = await generateVenueStands(f.deps, admin, venue.id, { weeks: 4 });
    const expected = expandSchedule(venue.rules, today, addDays(today, 27)).map((d) => d.date);
    expect(generated).toEqual({ created: expected, existing: [] });
    expect(await generateVenueStands(f.deps, admin, venue.id, { weeks: 4 })).toEqual({ created: [], existing: expected });
    const first = (await f.deps.stands.findCurrentOrNextStandAtVenue(venue.id, today))!;
    expect(first.services.map((s) => s.name)).toEqual(['法律咨询']);
    expect((await f.deps.stands.listSlotsOfStand(first.id)).map((s) => s.startTime)).toEqual(['07:30', '08:00', '08:30', '09:00', '09:30']);
  }, 60_000);

  it('refuses rules naming another studio’s services, and setup by anyone but the admin', async () => {
    const f = await bookingFixture();
    const refused = await failureOf(saveVenue(f.deps, f.principalOf('admin'), f.seed.studioId, { name: '西街', address: '洛社镇西街 10 号', rules: [{ kind: 'weekly', weekdays: [2], startTime: '08:00', endTime: '10:00', serviceIds: [ulid()] }] }));
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', fields: { 'rules.0.serviceIds': '请选择本工作室的服务项目' } });
    for (const who of ['rep1', 'staff1']) {
      expect(await failureOf(saveService(f.deps, f.principalOf(who), f.seed.studioId, { name: '理发', description: '', minutesPerPerson: 15, peoplePerSlot: 2, homeVisit: false, keepsHealthReadings: false }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  }, 60_000);

  it('cancels a stand: the page says so at once; the notice consumer cancels the bookings, frees their places and tells everyone booked', async () => {
    const f = await bookingFixture();
    const [alice, bob, carol] = await f.newResidents(3);
    const bp = f.todayStand.services[0];
    const a = await bookSlot(f.deps, alice, { standId: f.todayStand.id, serviceId: bp.id, startTime: '09:00', requestId: ulid() });
    await bookSlot(f.deps, bob, { standId: f.todayStand.id, serviceId: bp.id, startTime: '09:00', requestId: ulid() });
    // Carol cancelled her own booking before: she is not told that the stand is off
    const c = await bookSlot(f.deps, carol, { standId: f.todayStand.id, serviceId: bp.id, startTime: '09:30', requestId: ulid() });
    await cancelMyBooking(f.deps, carol, c.id);
    const result = await cancelStand(f.deps, f.principalOf('admin'), f.todayStand.id, { reason: '大雨' });
    expect(result).toEqual({ standId: f.todayStand.id, status: 'cancelled', cancelledBookings: 2, notified: 2 });
    expect((await f.deps.stands.getStand(f.todayStand.id))!.status).toBe('cancelled');
    // cancelling again finds it done: nothing more to cancel or tell
    expect(await cancelStand(f.deps, f.principalOf('admin'), f.todayStand.id, { reason: '大雨' })).toEqual({ standId: f.todayStand.id, status: 'cancelled', cancelledBookings: 0, notified: 0 });

    await drainNotices(f);
    expect((await getMyBooking(f.deps, alice, a.id)).status).toBe('cancelled');
    expect((await f.deps.stands.listSlotsOfStand(f.todayStand.id)).find((s) => s.startTime === '09:00')!.booked).toBe(0);
    const notices = await f.deps.outbox.listRecent();
    expect(notices.filter((n) => n.kind === 'stand_cancelled').map((n) => n.userId).sort()).toEqual([alice.userId, bob.userId].sort());
    // (the demo's other notices — its 协调会's invitations — may be delivered in the same drain: look at this kind's)
    expect(notices.find((n) => n.kind === 'stand_cancelled')!.data).toMatchObject({ reason: '大雨', place: f.todayStand.venueName, service: bp.name, date: expect.stringContaining('09:00') });
    expect(notices.find((n) => n.userId === alice.userId)!.page).toBe(`pages/ticket/index?id=${a.id}`);
    expect((await f.deps.stands.getStand(f.todayStand.id))!.status).toBe('cancelled');
    expect(await failureOf(bookSlot(f.deps, alice, { standId: f.todayStand.id, serviceId: bp.id, startTime: '10:00', requestId: ulid() }))).toMatchObject({ code: 'CONFLICT' });
  }, 60_000);

  it('leaves a cancelled market day out of the venue list’s next days and the poster', async () => {
    const f = await bookingFixture();
    const admin = f.principalOf('admin');
    const before = (await listVenues(f.deps, admin, f.seed.studioId)).venues.find((v) => v.id === f.seed.venueId)!;
    const [next] = await f.deps.stands.listCurrentAndNextStandsAtVenue(f.seed.venueId, addDays(chinaDate(f.now), 1), 1);
    expect(next).toBeDefined();
    const label = before.nextMarketDays.find((d) => d.startsWith(formatChinaDate(next!.date)));
    expect(label).toBeDefined();
    await cancelStand(f.deps, admin, next!.id, { reason: '集市暂停' });
    const after = (await listVenues(f.deps, admin, f.seed.studioId)).venues.find((v) => v.id === f.seed.venueId)!;
    expect(after.nextMarketDays).not.toContain(label);
    expect(after.nextMarketDays).toHaveLength(3);
    const poster = await posterInputFor(f.deps, (await f.deps.stands.getVenue(f.seed.venueId))!);
    expect(poster.nextDays).not.toContain(label);
    expect(poster.nextDays).toEqual(after.nextMarketDays);
  }, 60_000);

  it('marks no-shows after their slot and a grace period, reminds the evening before once, and sums the day up', async () => {
    const f = await bookingFixture();
    const [alice, bob] = await f.newResidents(2);
    const bp = f.todayStand.services[0];
    const a = await bookSlot(f.deps, alice, { standId: f.todayStand.id, serviceId: bp.id, startTime: '08:00', requestId: ulid() });
    const b = await bookSlot(f.deps, bob, { standId: f.todayStand.id, serviceId: bp.id, startTime: '08:30', requestId: ulid() });

    // The evening before, 19:00 China time: one reminder queued each; a re-run queues none; the consumer delivers them.
    const eve = { ...f.deps, now: () => new Date(chinaInstant(addDays(f.todayStand.date, -1), '19:00')) };
    expect(await queueBookingReminders(eve)).toEqual({ queued: 2, alreadyQueued: 0 });
    expect(await queueBookingReminders(eve)).toEqual({ queued: 0, alreadyQueued: 2 });
    await drainNotices(f);
    expect((await f.deps.outbox.listRecent()).filter((n) => n.kind === 'booking_reminder')).toHaveLength(2);
    expect((await f.deps.bookings.getEntry(f.todayStand.id, a.id))!.remindedAt).toBeDefined();
    // once reminded, a booking is not queued again
    expect(await queueBookingReminders(eve)).toEqual({ queued: 0, alreadyQueued: 0 });

    // Alice comes; Bob does not. At 08:44 Bob's 08:30–09:00 slot has not ended: nobody is marked yet.
    const at = (time: string) => ({ ...f.deps, now: () => new Date(chinaInstant(f.todayStand.date, time)) });
    await checkIn(at('08:05'), f.principalOf('staff1'), f.todayStand.id, { code: a.code! });
    await addWalkIn(at('08:10'), f.principalOf('staff1'), f.todayStand.id, { serviceId: bp.id, requestId: ulid(), overrideFull: false });
    expect(await markNoShows(at('08:44'))).toEqual({ marked: 0 });
    expect(await markNoShows(at('09:15'))).toEqual({ marked: 1 });
    expect((await getMyBooking(f.deps, bob, b.id)).status).toBe('no_show');

    const summary = await getStandSummary(f.deps, f.principalOf('rep1'), f.todayStand.id);
    expect(summary.services[0]).toMatchObject({ name: '量血压', booked: 2, walkIns: 1, noShows: 1, checkInTimes: ['08:05', '08:10'] });
    expect(summary.totals).toEqual({ served: 0, walkIns: 1, noShows: 1 });
  }, 60_000);

  it('serves the venue’s A4 poster as a PDF to its admin only', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const signIn = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token;
    const event = { token: await signIn('admin'), params: { venueId: f.seed.venueId } };
    const raw = (await api.getVenuePoster({
      version: '2.0',
      routeKey: 'GET /venues/{venueId}/poster',
      headers: { authorization: `Bearer ${event.token}` },
      pathParameters: event.params,
      requestContext: { http: { method: 'GET' } },
    } as never)) as { statusCode: number; headers: Record<string, string>; isBase64Encoded: boolean; body: string };
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toBe('application/pdf');
    expect(raw.isBase64Encoded).toBe(true);
    expect(Buffer.from(raw.body, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeURIComponent(raw.headers['content-disposition'])).toContain('洛社农贸集市-服务点海报.pdf');
    const staff = await invoke(api.getVenuePoster, 'getVenuePoster', { token: await signIn('staff1'), params: { venueId: f.seed.venueId } });
    expect(staff.status).toBe(403);
  }, 60_000);
});
