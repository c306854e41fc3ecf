import { ulid } from 'ulid';
import { bookSlot } from '../stands/bookings.use-case';
import { addWalkIn, checkIn } from '../stands/stand-desk.use-case';
import { deleteMyReading, listMyReadings, recordReading, setHealthConsent } from './readings.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';


// Blood-pressure readings: a separate consent, a retention limit, and the resident sees and deletes them.
describe('health readings (DynamoDB Local)', () => {
  it('are kept only with consent, shown to the resident over time, filtered once expired, and deletable', async () => {
    const f = await bookingFixture();
    const staff = f.principalOf('staff1');
    const [resident] = await f.newResidents(1);
    const bp = f.todayStand.services.find((s) => s.keepsHealthReadings)!;
    const booking = await bookSlot(f.deps, resident, { standId: f.todayStand.id, serviceId: bp.id, startTime: '08:00', requestId: ulid() });
    const entry = await checkIn(f.deps, staff, f.todayStand.id, { code: booking.code! });

    expect(await failureOf(recordReading(f.deps, staff, f.todayStand.id, entry.id, { requestId: ulid(), systolic: 135, diastolic: 85, pulse: 72 }))).toEqual({ code: 'CONFLICT', message: '居民没有同意保存健康读数，请口头告知读数', reason: 'no_health_consent' });

    const consent = await setHealthConsent(f.deps, resident, { consent: true });
    expect(consent).toMatchObject({ consent: true, retentionDays: 365 });
    const reading = await recordReading(f.deps, staff, f.todayStand.id, entry.id, { requestId: ulid(), systolic: 135, diastolic: 85, pulse: 72 });
    expect(reading).toMatchObject({ systolic: 135, diastolic: 85, pulse: 72, serviceName: '量血压' });
    expect(Date.parse(reading.expiresAt) - Date.parse(reading.measuredAt)).toBe(365 * 86_400_000);

    // One reading already past its retention (TTL deletes lag): it must not be shown.
    await f.deps.readings.putReading({ ...reading, id: ulid(), userId: resident.userId, standId: f.todayStand.id, entryId: entry.id, recordedBy: staff.userId, measuredAt: '2024-01-01T00:00:00.000Z', expiresAt: '2025-01-01T00:00:00.000Z' });
    const mine = await listMyReadings(f.deps, resident);
    expect(mine.readings.map((r) => r.id)).toEqual([reading.id]);

    // Another resident sees none of it and cannot delete it.
    const [other] = await f.newResidents(1);
    expect((await listMyReadings(f.deps, other)).readings).toEqual([]);
    expect(await failureOf(deleteMyReading(f.deps, other, reading.id))).toMatchObject({ code: 'NOT_FOUND' });

    await deleteMyReading(f.deps, resident, reading.id);
    expect((await listMyReadings(f.deps, resident)).readings).toEqual([]);

    // Withdrawing the consent deletes what was kept, the expired reading included.
    const again = await recordReading(f.deps, staff, f.todayStand.id, entry.id, { requestId: ulid(), systolic: 128, diastolic: 82 });
    expect((await listMyReadings(f.deps, resident)).readings.map((r) => r.id)).toEqual([again.id]);
    await setHealthConsent(f.deps, resident, { consent: false });
    expect(await f.deps.readings.listReadingsOfResident(resident.userId, new Date(0))).toEqual([]);
    expect(await failureOf(recordReading(f.deps, staff, f.todayStand.id, entry.id, { requestId: ulid(), systolic: 120, diastolic: 80 }))).toMatchObject({ code: 'CONFLICT' });
  }, 60_000);

  it('are kept once however often a dropped answer is retried; the same key with other numbers is refused', async () => {
    const f = await bookingFixture();
    const staff = f.principalOf('staff1');
    const [resident] = await f.newResidents(1);
    const bp = f.todayStand.services.find((s) => s.keepsHealthReadings)!;
    const booking = await bookSlot(f.deps, resident, { standId: f.todayStand.id, serviceId: bp.id, startTime: '08:00', requestId: ulid() });
    const entry = await checkIn(f.deps, staff, f.todayStand.id, { code: booking.code! });
    await setHealthConsent(f.deps, resident, { consent: true });

    const request = { requestId: ulid(), systolic: 142, diastolic: 91, pulse: 80 };
    const results = await Promise.all(Array.from({ length: 5 }, () => recordReading(f.deps, staff, f.todayStand.id, entry.id, request)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await listMyReadings(f.deps, resident)).readings).toHaveLength(1);
    expect(await failureOf(recordReading(f.deps, staff, f.todayStand.id, entry.id, { ...request, systolic: 150 }))).toMatchObject({ code: 'UNPROCESSABLE' });

    // the consent is checked inside the write: withdrawn just before, nothing is kept
    const { ConflictError } = await import('../errors');
    const spy = jest.spyOn(f.deps.readings, 'getConsent').mockResolvedValueOnce({ consent: true, updatedAt: new Date().toISOString() });
    await setHealthConsent(f.deps, resident, { consent: false });
    const refused = await recordReading(f.deps, staff, f.todayStand.id, entry.id, { requestId: ulid(), systolic: 130, diastolic: 85 }).catch((e: unknown) => e);
    spy.mockRestore();
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as InstanceType<typeof ConflictError>).reason).toBe('no_health_consent');
    expect(await f.deps.readings.listReadingsOfResident(resident.userId, new Date(0))).toEqual([]);
  }, 60_000);

  it('are never kept for walk-ins, services without readings, or by another studio', async () => {
    const f = await bookingFixture();
    const staff = f.principalOf('staff1');
    const bp = f.todayStand.services.find((s) => s.keepsHealthReadings)!;
    const scissors = f.todayStand.services.find((s) => !s.keepsHealthReadings)!;
    const walkIn = await addWalkIn(f.deps, staff, f.todayStand.id, { serviceId: bp.id, requestId: ulid(), overrideFull: false });
    expect(await failureOf(recordReading(f.deps, staff, f.todayStand.id, walkIn.id, { requestId: ulid(), systolic: 120, diastolic: 80 }))).toEqual({ code: 'CONFLICT', message: '现场取号的居民没有账号，读数不能保存，请口头告知', reason: 'no_account' });
    const other = await addWalkIn(f.deps, staff, f.todayStand.id, { serviceId: scissors.id, requestId: ulid(), overrideFull: false });
    expect(await failureOf(recordReading(f.deps, staff, f.todayStand.id, other.id, { requestId: ulid(), systolic: 120, diastolic: 80 }))).toMatchObject({ code: 'CONFLICT', message: '这项服务不记录健康读数' });
    const outsider = { userId: ulid(), role: 'staff' as const, studioId: ulid() };
    expect(await failureOf(recordReading(f.deps, outsider, f.todayStand.id, walkIn.id, { requestId: ulid(), systolic: 120, diastolic: 80 }))).toMatchObject({ code: 'FORBIDDEN' });
  }, 60_000);
});
