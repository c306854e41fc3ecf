import { DomainError } from '../errors';
import { ulid } from 'ulid';
import { bookSlot, getMyBooking } from './bookings.use-case';
import { addWalkIn, callNext, checkIn, getQueueScreen, getStandQueue, listStudioStands, markServed } from './stand-desk.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';


// The stand on the day: staff check people in, take walk-ins and serve them in order (DynamoDB Local).
describe('the stand desk (DynamoDB Local)', () => {
  it('walks a morning through: bookings checked in, walk-ins numbered, called and served in order', async () => {
    const f = await bookingFixture();
    const staff = f.principalOf('staff1');
    const [alice, bob] = await f.newResidents(2);
    const bp = f.todayStand.services[0];
    const aliceBooking = await bookSlot(f.deps, alice, { standId: f.todayStand.id, serviceId: bp.id, startTime: '08:00', requestId: ulid() });
    await bookSlot(f.deps, bob, { standId: f.todayStand.id, serviceId: bp.id, startTime: '08:30', requestId: ulid() });

    // Two phones check the same ticket in at once: one wins, the other is told when and by whom.
    const results = await Promise.allSettled([
      checkIn(f.deps, staff, f.todayStand.id, { code: aliceBooking.code! }),
      checkIn(f.deps, f.principalOf('staff2'), f.todayStand.id, { code: aliceBooking.code! }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(DomainError);
    expect(lost[0].reason.code).toBe('CONFLICT');
    expect(lost[0].reason.message).toMatch(/^已于 \d{2}:\d{2} 由 (王志强|陈丽) 签到(，排队号 1)?$/);
    expect(lost[0].reason.reason).toBe('already_checked_in');
    expect((await getMyBooking(f.deps, alice, aliceBooking.id)).status).toBe('checked_in');

    const walkIn = await addWalkIn(f.deps, staff, f.todayStand.id, { serviceId: bp.id, requestId: 'walkin-0001', overrideFull: false });
    expect(walkIn).toMatchObject({ kind: 'walk_in', status: 'checked_in', queueNumber: 2 });
    const retried = await addWalkIn(f.deps, staff, f.todayStand.id, { serviceId: bp.id, requestId: 'walkin-0001', overrideFull: false });
    expect(retried.id).toBe(walkIn.id);

    const desk = await getStandQueue(f.deps, staff, f.todayStand.id);
    const bpQueue = desk.services.find((s) => s.serviceId === bp.id)!;
    expect(bpQueue.queue.map((e) => e.queueNumber)).toEqual([1, 2]);
    expect(bpQueue.expected.map((e) => e.residentName)).toEqual(['居民2']);

    const first = await callNext(f.deps, staff, f.todayStand.id, bp.id);
    expect(first.queueNumber).toBe(1);
    expect(await getQueueScreen(f.deps, f.todayStand.id)).toMatchObject({ services: expect.arrayContaining([{ serviceId: bp.id, name: '量血压', nowServing: 1, next: [2] }]) });
    await markServed(f.deps, staff, f.todayStand.id, first.id);
    expect((await getMyBooking(f.deps, alice, aliceBooking.id)).status).toBe('served');
    expect(await failureOf(markServed(f.deps, staff, f.todayStand.id, first.id))).toEqual({ code: 'CONFLICT', message: '这个号已经完成了' });
    expect((await callNext(f.deps, staff, f.todayStand.id, bp.id)).queueNumber).toBe(2);
    expect(await failureOf(callNext(f.deps, staff, f.todayStand.id, bp.id))).toEqual({ code: 'NOT_FOUND', message: '没有在等的人了' });
  }, 60_000);

  it('takes walk-ins until the service is full, then only with a recorded override', async () => {
    const f = await bookingFixture();
    const staff = f.principalOf('staff1');
    const { stand, slot } = await f.standWithSlot(2);
    for (let i = 0; i < 2; i += 1) await addWalkIn(f.deps, staff, stand.id, { serviceId: slot.serviceId, requestId: ulid(), overrideFull: false });
    expect(await failureOf(addWalkIn(f.deps, staff, stand.id, { serviceId: slot.serviceId, requestId: ulid(), overrideFull: false }))).toEqual({ code: 'CONFLICT', message: '今天这个服务已约满' });
    const extra = await addWalkIn(f.deps, staff, stand.id, { serviceId: slot.serviceId, requestId: ulid(), overrideFull: true, note: '腿脚不便' });
    expect(extra).toMatchObject({ queueNumber: 3, overrideFull: true, note: '腿脚不便' });
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0].booked).toBe(2);
  }, 60_000);

  it('refuses tickets of another stand and codes that do not exist', async () => {
    const f = await bookingFixture();
    const staff = f.principalOf('staff1');
    const [resident] = await f.newResidents(1);
    const { stand } = await f.standWithSlot(5);
    const booking = await bookSlot(f.deps, resident, { standId: f.todayStand.id, serviceId: f.todayStand.services[1].id, startTime: '09:00', requestId: ulid() });
    expect(await failureOf(checkIn(f.deps, staff, stand.id, { code: booking.code! }))).toEqual({ code: 'CONFLICT', message: '这个预约码不是本服务点这一次的预约' });
    expect(await failureOf(checkIn(f.deps, staff, f.todayStand.id, { code: 'AAAAAA' }))).toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('keeps the desk to the stand’s own studio', async () => {
    const f = await bookingFixture();
    const outsider = { userId: ulid(), role: 'staff' as const, studioId: ulid() };
    const [resident] = await f.newResidents(1);
    for (const who of [outsider, resident]) {
      expect(await failureOf(getStandQueue(f.deps, who, f.todayStand.id))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failureOf(checkIn(f.deps, who, f.todayStand.id, { code: 'ACDEFG' }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failureOf(addWalkIn(f.deps, who, f.todayStand.id, { serviceId: f.todayStand.services[0].id, requestId: ulid(), overrideFull: true }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failureOf(listStudioStands(f.deps, who, f.seed.studioId))).toMatchObject({ code: 'FORBIDDEN' });
    }
    const mine = await listStudioStands(f.deps, f.principalOf('rep1'), f.seed.studioId, f.todayStand.date);
    expect(mine.stands.map((s) => s.id)).toContain(f.todayStand.id);
  }, 60_000);

  it('answers the desk routes for residents with 403 before reading anything', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const resident = (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona: 'resident' } })).body.token;
    const res = await invoke(api.getStandQueue, 'getStandQueue', { token: resident, params: { standId: f.todayStand.id } });
    expect(res.status).toBe(403);
    const mass = await invoke(api.bookSlot, 'bookSlot', { token: resident, body: { standId: f.todayStand.id, serviceId: f.todayStand.services[0].id, startTime: '08:00', requestId: ulid(), status: 'served' } });
    expect(mass.status).toBe(400);
    expect(mass.body.error.fields).toEqual({ status: '不允许提交此字段' });
  }, 60_000);
});
