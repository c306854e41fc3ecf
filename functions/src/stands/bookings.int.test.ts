import { ulid } from 'ulid';
import { failureOf } from '../../../test/support/failure';
import { DomainError } from '../errors';
import { bookSlot, cancelMyBooking, getMyBooking, listMyBookings } from './bookings.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';

async function outcomeOf<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; status: string; message: string }> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, status: error.code, message: error.message };
    throw error;
  }
}

// Booking never overbooks, never doubles, and gives places back — against DynamoDB Local.
describe('booking a slot (DynamoDB Local)', () => {
  it.each([1, 2, 3])('200 residents racing for a 10-place slot: exactly 10 get it (run %i)', async () => {
    const f = await bookingFixture();
    const { stand, slot } = await f.standWithSlot(10);
    const residents = await f.newResidents(200);
    const results = await Promise.all(
      residents.map((r) => outcomeOf(bookSlot(f.deps, r, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() }))),
    );
    const booked = results.filter((r) => r.ok);
    const refused = results.filter((r): r is { ok: false; status: string; message: string } => !r.ok);
    expect(booked).toHaveLength(10);
    expect(refused).toHaveLength(190);
    expect(new Set(refused.map((r) => `${r.status} ${r.message}`))).toEqual(new Set(['CONFLICT 这个时段已约满']));

    const [stored] = (await f.deps.stands.listSlotsOfStand(stand.id)).filter((s) => s.startTime === slot.startTime);
    const entries = await f.deps.bookings.listEntriesOfStand(stand.id);
    expect(stored.booked).toBe(10);
    expect(entries.filter((e) => e.status === 'booked')).toHaveLength(stored.booked);
    expect(new Set(entries.map((e) => e.code)).size).toBe(10);
  }, 120_000);

  it('20 parallel attempts by one resident book once', async () => {
    const f = await bookingFixture();
    const { stand, slot } = await f.standWithSlot(50);
    const [resident] = await f.newResidents(1);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => outcomeOf(bookSlot(f.deps, resident, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.status === 'CONFLICT')).toBe(true);
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0].booked).toBe(1);
    expect((await listMyBookings(f.deps, resident)).upcoming).toHaveLength(1);
    // told apart from "full" by its reason: the booking sheet then offers 我的预约
    expect(await failureOf(bookSlot(f.deps, resident, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() }))).toMatchObject({ code: 'CONFLICT', reason: 'already_booked' });
  }, 60_000);

  it('a retried request returns the same booking; the same key with another body is refused (422)', async () => {
    const f = await bookingFixture();
    const { stand, slot } = await f.standWithSlot(5);
    const [resident] = await f.newResidents(1);
    const request = { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() };
    const [first, ...retries] = await Promise.all(Array.from({ length: 5 }, () => bookSlot(f.deps, resident, request)));
    for (const retry of retries) expect(retry).toEqual(first);
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0].booked).toBe(1);

    const other = await outcomeOf(bookSlot(f.deps, resident, { ...request, startTime: '09:30' }));
    expect(other).toMatchObject({ ok: false, status: 'UNPROCESSABLE' });
  }, 60_000);

  it('a request retried after its slot filled up, or its stand was cancelled, still gets the booking it made', async () => {
    const f = await bookingFixture();
    const { stand, slot } = await f.standWithSlot(1);
    const [alice] = await f.newResidents(1);
    const request = { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() };
    const booked = await bookSlot(f.deps, alice!, request);
    // the slot is full now (her own booking): the transaction's refusal carries her retry key, and she gets her booking
    expect(await bookSlot(f.deps, alice!, request)).toEqual(booked);
    // a stand cancelled since: refused from the read, but a retried request is answered first
    expect(await f.deps.stands.cancelStand(stand.id, '下雨', f.now.toISOString())).toBe(true);
    expect(await bookSlot(f.deps, alice!, request)).toEqual(booked);
    expect(await outcomeOf(bookSlot(f.deps, alice!, { ...request, requestId: ulid() }))).toEqual({ ok: false, status: 'CONFLICT', message: '这次服务已取消，请关注下一次服务' });
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0]!.booked).toBe(1);
  });

  it('pages 我的预约: every upcoming booking on the first page, older ones after it', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    // 34 bookings of earlier days, and 2 to come
    const past = await f.pastBookings(resident!, 34);
    const services = f.todayStand.services;
    const upcoming = [await bookSlot(f.deps, resident!, { standId: f.todayStand.id, serviceId: services[0]!.id, startTime: '10:00', requestId: ulid() }), await bookSlot(f.deps, resident!, { standId: f.todayStand.id, serviceId: services[1]!.id, startTime: '08:00', requestId: ulid() })];
    const first = await listMyBookings(f.deps, resident!);
    expect(first.upcoming.map((b) => b.startTime)).toEqual(['08:00', '10:00']);
    expect(new Set(first.upcoming.map((b) => b.id))).toEqual(new Set(upcoming.map((b) => b.id)));
    expect(first.past).toHaveLength(28);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listMyBookings(f.deps, resident!, { cursor: first.nextCursor });
    expect(second.upcoming).toEqual([]);
    expect(second.nextCursor).toBeUndefined();
    expect([...first.past, ...second.past].map((b) => b.date)).toEqual(past);
    expect(await failureOf(listMyBookings(f.deps, resident!, { cursor: 'bm90IGEgY3Vyc29y' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { cursor: expect.stringContaining('分页参数不正确') } });
  }, 60_000);

  it('a stand cancelled after the booking read it, but before its write, refuses the place and takes nothing', async () => {
    const f = await bookingFixture();
    const { stand, slot } = await f.standWithSlot(10);
    const [resident] = await f.newResidents(1);
    // the booking read the stand while it was on; the cancellation commits before the booking's transaction
    const stale = Object.assign(Object.create(f.deps.batch), { read: async (reads: Parameters<typeof f.deps.batch.read>[0]) => ({ ...(await f.deps.batch.read(reads)), stand }) });
    expect(await f.deps.stands.cancelStand(stand.id, '下雨', f.now.toISOString())).toBe(true);
    const refused = await outcomeOf(bookSlot({ ...f.deps, batch: stale }, resident!, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() }));
    expect(refused).toEqual({ ok: false, status: 'CONFLICT', message: '这次服务已取消，请关注下一次服务' });
    expect((await f.deps.stands.listSlotsOfStand(stand.id)).map((s) => s.booked)).toEqual([0]);
    expect(await listMyBookings(f.deps, resident!)).toEqual({ upcoming: [], past: [] });
  });

  it('a cancel sent three times frees one place, and rebooking after a cancel works', async () => {
    const f = await bookingFixture();
    const { stand, slot } = await f.standWithSlot(2);
    const [alice, bob] = await f.newResidents(2);
    const booking = await bookSlot(f.deps, alice, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() });
    await bookSlot(f.deps, bob, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() });
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0].booked).toBe(2);

    const cancels = await Promise.all([1, 2, 3].map(() => cancelMyBooking(f.deps, alice, booking.id)));
    expect(cancels.every((c) => c.status === 'cancelled')).toBe(true);
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0].booked).toBe(1);

    const again = await bookSlot(f.deps, alice, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() });
    expect(again.status).toBe('booked');
    expect(again.id).not.toBe(booking.id);
    expect((await f.deps.stands.listSlotsOfStand(stand.id))[0].booked).toBe(2);
    const mine = await listMyBookings(f.deps, alice);
    expect(mine.upcoming.map((b) => b.id)).toEqual([again.id]);
    expect(mine.past.map((b) => b.status)).toEqual(['cancelled']);
  }, 60_000);

  it('caps bookings per resident per day', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const services = f.todayStand.services;
    for (const service of services.slice(0, 3)) {
      await bookSlot(f.deps, resident, { standId: f.todayStand.id, serviceId: service.id, startTime: '10:00', requestId: ulid() });
    }
    const fourth = await outcomeOf(bookSlot(f.deps, resident, { standId: f.todayStand.id, serviceId: services[3].id, startTime: '10:00', requestId: ulid() }));
    expect(fourth).toEqual({ ok: false, status: 'CONFLICT', message: '您当天的预约已达上限（3 个）' });
  }, 60_000);

  it('keeps each resident to their own bookings', async () => {
    const f = await bookingFixture();
    const [alice, mallory] = await f.newResidents(2);
    const booking = await bookSlot(f.deps, alice, { standId: f.todayStand.id, serviceId: f.todayStand.services[0].id, startTime: '08:00', requestId: ulid() });
    expect(await outcomeOf(getMyBooking(f.deps, mallory, booking.id))).toMatchObject({ ok: false, status: 'NOT_FOUND' });
    expect(await outcomeOf(cancelMyBooking(f.deps, mallory, booking.id))).toMatchObject({ ok: false, status: 'NOT_FOUND' });
    expect((await getMyBooking(f.deps, alice, booking.id)).status).toBe('booked');
  }, 60_000);

  it('asks for an address for home visits and refuses one where none is needed', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const onSite = f.todayStand.services[0];
    const refused = await outcomeOf(bookSlot(f.deps, resident, { standId: f.todayStand.id, serviceId: onSite.id, startTime: '08:00', requestId: ulid(), address: '洛社镇某村 3 组 12 号' }));
    expect(refused).toMatchObject({ ok: false, status: 'VALIDATION_FAILED' });
    expect((await f.deps.stands.listSlotsOfStand(f.todayStand.id)).every((s) => s.booked === 0)).toBe(true);
  }, 60_000);
});
