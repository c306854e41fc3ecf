import { parseVenueScene } from '@shared/scene';
import { chinaDate, chinaTime } from '@shared/time';
import type { StandPageResponse } from '@shared/schemas/stand';
import { NotFoundError } from '../errors';
import { slotId } from './stand.repository';
import type { StandsDeps } from './deps';

/**
 * What a resident sees after scanning a venue's QR code: today's stand there while it is on, or else the next one
 * (saying that today's has ended). Slots already over are marked past. Two DynamoDB requests: the stands (with
 * studio, venue and services copied onto them) and the slots of the one shown.
 */
export async function getStandByScene(deps: StandsDeps, scene: string): Promise<StandPageResponse> {
  const parsed = parseVenueScene(scene);
  if (!parsed) throw new NotFoundError('无法识别这个二维码，请扫描服务点张贴的二维码');
  const now = deps.now();
  const today = chinaDate(now);
  const clock = chinaTime(now);
  const [first, next] = await deps.stands.listCurrentAndNextStandsAtVenue(parsed.venueId, today, 2);
  if (!first) throw new NotFoundError('这个地点近期没有服务安排');
  // Today's stand is over once its closing time has passed: the code then opens the next market day.
  const endedToday = first.date === today && first.endTime <= clock ? first : undefined;
  const stand = endedToday && next ? next : first;
  const slots = await deps.stands.listSlotsOfStand(stand.id);
  const isPast = (endTime: string) => stand.date < today || (stand.date === today && endTime <= clock);
  return {
    studio: { id: stand.studioId, name: stand.studioName },
    venue: { id: stand.venueId, name: stand.venueName, address: stand.address },
    stand: { id: stand.id, date: stand.date, startTime: stand.startTime, endTime: stand.endTime, status: stand.status, isToday: stand.date === today },
    ...(endedToday && stand !== endedToday ? { endedToday: { date: endedToday.date, endTime: endedToday.endTime } } : {}),
    services: stand.services.map((service) => ({
      id: service.id,
      name: service.name,
      description: service.description,
      minutesPerPerson: service.minutesPerPerson,
      homeVisit: service.homeVisit,
      ...(service.providerName ? { providerName: service.providerName } : {}),
      slots: slots
        .filter((s) => s.serviceId === service.id)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .map((s) => ({ id: slotId(s), startTime: s.startTime, endTime: s.endTime, capacity: s.capacity, booked: s.booked, left: Math.max(0, s.capacity - s.booked), past: isPast(s.endTime) })),
    })),
  };
}
