import { expandSchedule } from '@shared/schedule';
import type { ScheduleRule } from '@shared/schemas/venue';
import type { GenerateStandsResponse } from '@shared/schemas/admin';
import type { Service, Slot, Stand, Venue } from '../stands/stand.repository';
import type { StudioDeps } from './deps';

/** Every service's day is cut into windows of this length; a window holds the service's people per slot. */
export const SLOT_MINUTES = 30;

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The slot windows between opening and closing; a last, shorter window is kept when it is at least half a slot. */
export function slotWindows(startTime: string, endTime: string): { startTime: string; endTime: string }[] {
  const windows = [];
  const end = toMinutes(endTime);
  for (let m = toMinutes(startTime); end - m >= SLOT_MINUTES / 2; m += SLOT_MINUTES) windows.push({ startTime: toTime(m), endTime: toTime(Math.min(m + SLOT_MINUTES, end)) });
  return windows;
}

/**
 * Creates the stands of a venue for its market days between two dates (inclusive), each with the services its
 * rule offers and their slots. A day that already has a stand is left as it is (idempotent).
 */
export async function generateStands(deps: Pick<StudioDeps, 'stands' | 'newId'>, venue: Venue, studioName: string, fromDate: string, toDate: string, rules: ScheduleRule[] = venue.rules): Promise<GenerateStandsResponse> {
  const services = new Map<string, Service>((await deps.stands.listServicesOfStudio(venue.studioId)).map((s) => [s.id, s]));
  const created: string[] = [];
  const existing: string[] = [];
  for (const day of expandSchedule(rules, fromDate, toDate)) {
    const offered = day.serviceIds.map((id) => services.get(id)).filter((s): s is Service => Boolean(s));
    if (offered.length === 0) continue;
    const stand: Stand = {
      id: deps.newId(),
      venueId: venue.id,
      studioId: venue.studioId,
      studioName,
      venueName: venue.name,
      address: venue.address,
      date: day.date,
      startTime: day.startTime,
      endTime: day.endTime,
      status: 'scheduled',
      services: offered.map(({ id, name, description, minutesPerPerson, homeVisit, keepsHealthReadings, providerUnitId, providerName }) => ({
        id,
        name,
        description,
        minutesPerPerson,
        homeVisit,
        keepsHealthReadings,
        // the 成员单位 that provides it, shown on the stand page, the ticket and the poster
        ...(providerUnitId && providerName ? { providerUnitId, providerName } : {}),
      })),
    };
    const slots: Slot[] = offered.flatMap((service) =>
      slotWindows(day.startTime, day.endTime).map((w) => ({ standId: stand.id, serviceId: service.id, ...w, capacity: service.peoplePerSlot, booked: 0 })),
    );
    (await deps.stands.createStandWithSlots(stand, slots) ? created : existing).push(day.date);
  }
  return { created, existing };
}
