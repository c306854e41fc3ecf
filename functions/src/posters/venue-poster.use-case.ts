import { describeRule } from '@shared/schedule';
import { venueScene } from '@shared/scene';
import { chinaDate } from '@shared/time';
import { upcomingMarketDays } from '../stands/upcoming-days';
import type { Principal } from '../auth/session-tokens';
import { NotFoundError } from '../errors';
import { requireStudioRole } from '../policy';
import { FileResponse } from '../http/file-response';
import { renderVenuePoster, type VenuePosterInput } from './venue-poster';
import type { Venue } from '../stands/stand.repository';
import type { PostersDeps } from './deps';

/** What goes on a venue's poster: studio, venue, services offered, the schedule, the next market days, the QR code. */
export async function posterInputFor(deps: PostersDeps, venue: Venue): Promise<VenuePosterInput> {
  const [studio, services] = await Promise.all([deps.studios.getStudio(venue.studioId), deps.stands.listServicesOfStudio(venue.studioId)]);
  const offered = new Set(venue.rules.flatMap((r) => r.serviceIds));
  const now = deps.now();
  return {
    studioName: studio?.name ?? '',
    venueName: venue.name,
    address: venue.address,
    services: services.filter((s) => offered.has(s.id)).map((s) => ({ name: s.name, description: s.description, ...(s.providerName ? { providerName: s.providerName } : {}) })),
    scheduleText: venue.rules.map(describeRule).join('；'),
    nextDays: await upcomingMarketDays(deps.stands, venue.id, venue.rules, chinaDate(now), 3),
    qrPng: await deps.venueQrCodes.pngFor(venueScene(venue.id)),
    generatedAt: now,
  };
}

/**
 * The printable A4 poster of a venue: its one permanent QR code (scene `v=<venueId>`, always opening today's
 * or the next stand there), the studio, the services and the next market days. Its admin only.
 */
export async function venuePoster(deps: PostersDeps, principal: Principal, venueId: string): Promise<FileResponse> {
  const venue = await deps.stands.getVenue(venueId);
  if (!venue) throw new NotFoundError('没有找到这个地点');
  requireStudioRole(principal, venue.studioId, 'administer', '只有本工作室的管理员可以生成海报');
  const pdf = await renderVenuePoster(await posterInputFor(deps, venue));
  return new FileResponse(pdf, 'application/pdf', `${venue.name}-服务点海报.pdf`);
}
