import { ulid } from 'ulid';
import { addDays, chinaDate, chinaInstant } from '@shared/time';
import type { Principal } from '../../functions/src/auth/session-tokens';
import type { Container } from '../../functions/src/wiring/container';
import type { Slot, Stand } from '../../functions/src/stands/stand.repository';
import { entryPlace } from '../../functions/src/stands/booking-views';
import { seededTable } from './tables';

/** Tomorrow (China date) at 07:30, before the demo stand opens: a frozen clock for booking tests. */
export function frozenMorning(): Date {
  return new Date(chinaInstant(addDays(chinaDate(new Date()), 1), '07:30'));
}

/**
 * The demo seed on a fresh table with a frozen clock, plus helpers to make residents and a stand whose one
 * slot has a given capacity.
 */
export async function bookingFixture(now: Date = frozenMorning()) {
  const { deps, seed, tableName } = await seededTable({ now: () => now });
  const personas = Object.fromEntries((await deps.personas.listPersonas()).map((p) => [p.key, p]));
  const principalOf = (key: string): Principal => ({ userId: personas[key].userId, role: personas[key].role, ...(personas[key].role !== 'resident' ? { studioId: seed.studioId } : {}) });
  const todayStand = (await deps.stands.findCurrentOrNextStandAtVenue(seed.venueId, chinaDate(now)))!;

  async function newResidents(count: number): Promise<Principal[]> {
    const residents: Principal[] = [];
    for (let i = 0; i < count; i += 1) {
      const id = ulid();
      await deps.users.createUserForOpenid({ id, displayName: `居民${i + 1}`, role: 'resident', createdAt: now.toISOString() }, `test-${id}`);
      residents.push({ userId: id, role: 'resident' });
    }
    return residents;
  }

  /** A stand at a new venue on the clock's day with one slot of `capacity` for the first demo service. */
  async function standWithSlot(capacity: number): Promise<{ stand: Stand; slot: Slot }> {
    const venueId = ulid();
    await deps.stands.putVenue({ id: venueId, studioId: seed.studioId, name: '测试院落', address: '洛社镇测试路 1 号', rules: [] });
    const stand: Stand = { ...todayStand, id: ulid(), venueId, venueName: '测试院落' };
    const slot: Slot = { standId: stand.id, serviceId: stand.services[0].id, startTime: '09:00', endTime: '09:30', capacity, booked: 0 };
    await deps.stands.createStandWithSlots(stand, [slot]);
    return { stand, slot };
  }

  /**
   * `count` bookings of a resident on the days before the clock's (latest first: one day back, two …), as their days'
   * stands would have taken them (through the repository; on the demo stand, each for a service of its own). Their dates.
   */
  async function pastBookings(resident: Principal, count: number): Promise<string[]> {
    const dates = Array.from({ length: count }, (_, i) => addDays(chinaDate(now), -1 - i));
    for (const date of dates) {
      await deps.bookings.takePlace(
        { id: ulid(), kind: 'booking', status: 'served', ...entryPlace(todayStand, todayStand.services[0]!), serviceId: ulid(), date, startTime: '09:00', endTime: '09:30', createdAt: now.toISOString(), userId: resident.userId, residentName: '居民', holdsSlot: false },
        { actorId: resident.userId, requestId: ulid(), fingerprint: 'past', requestTtl: 0 },
      );
    }
    return dates;
  }

  return { deps: deps as Container, seed, tableName, now, principalOf, todayStand, newResidents, standWithSlot, pastBookings };
}
