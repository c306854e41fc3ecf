import type { UnitServiceDayView, UnitServiceDaysResponse, UnitServiceEntryView } from '@shared/schemas/unit-services';
import { addDays, chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { ForbiddenError } from '../errors';
import { forEachConcurrently } from '../data/concurrently';
import type { Entry } from './booking.repository';
import type { Service, Stand } from './stand.repository';
import type { StandsDeps } from './deps';

/** How far back and ahead 本单位服务 looks: the last two weeks' market days, and the weeks ahead stands are made for. */
export const UNIT_DAYS_BACK = 14;
export const UNIT_DAYS_AHEAD = 42;

const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

async function entryView(deps: StandsDeps, e: Entry, now: Date): Promise<UnitServiceEntryView> {
  // a home visit's phone, while it is still kept (its contact item): masked — the liaison calls through the studio
  const contact = e.contactKeptUntil ? await deps.bookings.contactOf(e, now) : undefined;
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    ...(e.residentName ? { residentName: e.residentName } : {}),
    ...(e.code ? { code: e.code } : {}),
    ...(e.queueNumber !== undefined ? { queueNumber: e.queueNumber } : {}),
    startTime: e.startTime,
    endTime: e.endTime,
    ...(contact?.phone ? { phone: maskPhone(contact.phone) } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}

/**
 * 本单位服务: a unit liaison's market days — every stand, in the studios of the liaison's town, that offers a service
 * its unit provides, from two weeks back to six weeks ahead, each with the bookings of that service. Queries on keys
 * only: the unit's services (166), the town's studios (135), each studio's venues, each venue's stands in the window
 * (167), and each stand's entries (23), kept to the service.
 */
export async function listUnitServiceDays(deps: StandsDeps, principal: Principal): Promise<UnitServiceDaysResponse> {
  const { townId, departmentId: unitId } = principal;
  if (principal.role !== 'unit_liaison' || !townId || !unitId) throw new ForbiddenError('只有成员单位联络员可以查看本单位服务');
  const unit = await deps.units.get(townId, unitId);
  if (!unit) throw new ForbiddenError('没有找到您所在的成员单位，请联系镇街管理员');
  const studiosOfTown = new Set((await deps.towns.listStudios(townId)).map((s) => s.studioId));
  // a service of a studio that has left the town (or of another town) is not the liaison's to see
  const services = (await deps.stands.listServicesOfUnit(unit.id)).filter((s) => studiosOfTown.has(s.studioId));
  const now = deps.now();
  const today = chinaDate(now);
  const [from, to] = [addDays(today, -UNIT_DAYS_BACK), addDays(today, UNIT_DAYS_AHEAD)];

  const days: { stand: Stand; service: Service }[] = [];
  for (const studioId of new Set(services.map((s) => s.studioId))) {
    const mine = services.filter((s) => s.studioId === studioId);
    for (const venue of await deps.stands.listVenuesOfStudio(studioId)) {
      for (const stand of await deps.stands.listStandsAtVenueBetween(venue.id, from, to)) {
        for (const service of mine) if (stand.services.some((s) => s.id === service.id)) days.push({ stand, service });
      }
    }
  }
  const views: UnitServiceDayView[] = new Array(days.length);
  await forEachConcurrently(days, 4, async ({ stand, service }, i) => {
    const entries = (await deps.bookings.listEntriesOfStand(stand.id)).filter((e) => e.serviceId === service.id && e.status !== 'cancelled');
    entries.sort((a, b) => `${a.startTime}${a.createdAt}`.localeCompare(`${b.startTime}${b.createdAt}`));
    views[i] = {
      standId: stand.id,
      date: stand.date,
      startTime: stand.startTime,
      endTime: stand.endTime,
      status: stand.status,
      studioName: stand.studioName,
      venueName: stand.venueName,
      address: stand.address,
      service: { id: service.id, name: service.name },
      counts: {
        booked: entries.filter((e) => e.kind === 'booking').length,
        served: entries.filter((e) => e.status === 'served').length,
        noShows: entries.filter((e) => e.status === 'no_show').length,
      },
      entries: await Promise.all(entries.map((e) => entryView(deps, e, now))),
    };
  });
  const key = (d: UnitServiceDayView) => `${d.date}${d.startTime}${d.venueName}${d.service.name}`;
  return {
    unit: { id: unit.id, name: unit.name },
    upcoming: views.filter((d) => d.date >= today).sort((a, b) => key(a).localeCompare(key(b))),
    recent: views.filter((d) => d.date < today).sort((a, b) => key(b).localeCompare(key(a))),
  };
}
