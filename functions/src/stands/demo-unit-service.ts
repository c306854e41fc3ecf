import { addDays, chinaDate } from '@shared/time';
import type { Deps } from '../deps';
import type { Unit } from '../units/unit.repository';
import type { Service } from './stand.repository';
import { generateStands } from '../studio/stand-schedule.use-case';
import { TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH } from '@shared/ticket-code';
import { randomCode } from '../data/codes';
import { entryPlace } from './booking-views';

/** Two residents of the demo who booked the 义诊 (not personas: the journeys' residents keep their own bookings). */
const DEMO_PATIENTS = ['顾阿婆', '钱大伯'];

/**
 * 义诊 by 洛社镇卫生院 (seeds 000, 004: a hospital's party branch serves residents through the alliance) at the first
 * studio's market: the service names its provider, the venue's rules offer it (so its stands do), and two residents
 * have booked it on the next market day — 周丽萍 (persona `unitliaison`) sees them on 本单位服务. Called once, when the
 * demo town is made.
 */
export async function seedDemoUnitService(deps: Deps, studioId: string, hospital: Unit): Promise<void> {
  const studio = (await deps.studios.getStudio(studioId))!;
  const venue = (await deps.stands.listVenuesOfStudio(studioId))[0];
  if (!venue) return;
  const service: Service = {
    id: deps.newId(),
    studioId,
    name: '义诊',
    description: '量血压、测血糖、健康咨询',
    minutesPerPerson: 10,
    peoplePerSlot: 3,
    homeVisit: false,
    keepsHealthReadings: true,
    providerUnitId: hospital.id,
    providerName: hospital.name,
  };
  await deps.stands.putService(service);
  const rules = venue.rules.map((rule) => ({ ...rule, serviceIds: [...rule.serviceIds, service.id] }));
  await deps.stands.putVenue({ ...venue, rules, updatedAt: deps.now().toISOString() });

  // the next market day's stand (today's is made by the demo seed with its own hours), and two bookings on it
  const today = chinaDate(deps.now());
  await generateStands(deps, { ...venue, rules }, studio.name, addDays(today, 1), addDays(today, 21));
  const stand = await deps.stands.findCurrentOrNextStandAtVenue(venue.id, addDays(today, 1));
  if (!stand) return;
  const slots = (await deps.stands.listSlotsOfStand(stand.id)).filter((s) => s.serviceId === service.id).sort((a, b) => a.startTime.localeCompare(b.startTime));
  for (const [i, displayName] of DEMO_PATIENTS.entries()) {
    const slot = slots[i];
    if (!slot) break;
    const user = { id: deps.newId(), displayName, role: 'resident' as const, createdAt: deps.now().toISOString() };
    await deps.users.createUserForOpenid(user, `demo-patient-${user.id}`);
    // through the booking's own transaction (its slot, hold, day count and the studio's month figures)
    await deps.bookings.takePlace(
      { id: deps.newId(), kind: 'booking', status: 'booked', ...entryPlace(stand, stand.services.find((s) => s.id === service.id)!), startTime: slot.startTime, endTime: slot.endTime, createdAt: user.createdAt, userId: user.id, residentName: displayName, code: randomCode(TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH), holdsSlot: true },
      { actorId: user.id, requestId: deps.newId(), fingerprint: 'demo', dailyCap: deps.limits.dailyBookingsPerResident, requestTtl: Math.floor(deps.now().getTime() / 1000) + 86_400 },
    );
  }
}
