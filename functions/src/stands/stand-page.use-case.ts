import { parseVenueScene } from '@shared/scene';
import { chinaDate } from '@shared/time';
import type { StandPageResponse } from '@shared/schemas/stand';
import { NotFoundError } from '../errors';
import { slotId } from './stand.repository';
import type { StandsDeps } from './deps';

/**
 * What a resident sees after scanning a venue's QR code: today's stand there, or else the next one.
 * Two DynamoDB requests: the stand (with studio, venue and services copied onto it) and its slots.
 */
export async function getStandByScene(deps: StandsDeps, scene: string): Promise<StandPageResponse> {
  const parsed = parseVenueScene(scene);
  if (!parsed) throw new NotFoundError('无法识别这个二维码，请扫描服务点张贴的二维码');
  const today = chinaDate(deps.now());
  const stand = await deps.stands.findCurrentOrNextStandAtVenue(parsed.venueId, today);
  if (!stand) throw new NotFoundError('这个地点近期没有服务安排');
  const slots = await deps.stands.listSlotsOfStand(stand.id);
  return {
    studio: { id: stand.studioId, name: stand.studioName },
    venue: { id: stand.venueId, name: stand.venueName, address: stand.address },
    stand: { id: stand.id, date: stand.date, startTime: stand.startTime, endTime: stand.endTime, status: stand.status, isToday: stand.date === today },
    services: stand.services.map((service) => ({
      id: service.id,
      name: service.name,
      description: service.description,
      minutesPerPerson: service.minutesPerPerson,
      homeVisit: service.homeVisit,
      slots: slots
        .filter((s) => s.serviceId === service.id)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .map((s) => ({ id: slotId(s), startTime: s.startTime, endTime: s.endTime, capacity: s.capacity, booked: s.booked, left: Math.max(0, s.capacity - s.booked) })),
    })),
  };
}
