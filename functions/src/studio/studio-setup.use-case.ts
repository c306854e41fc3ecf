import type { CancelStandRequest, CancelStandResponse, GenerateStandsRequest, GenerateStandsResponse, ProviderUnitsResponse, ServiceView, StandSummaryResponse, UpsertServiceRequest } from '@shared/schemas/admin';
import type { UpsertVenueRequest } from '@shared/schemas/venue';
import { describeRule } from '@shared/schedule';
import { addDays, chinaDate, chinaTime, formatChinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import type { Service, Venue } from '../stands/stand.repository';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import { upcomingMarketDays } from '../stands/upcoming-days';
import type { VenueView } from '@shared/schemas/venue';
import type { StudioDeps } from './deps';
import { generateStands } from './stand-schedule.use-case';
import type { NoticeOrder } from '../notices/notice-queue.repository';

/** Setting a studio up is its admin's job; reading the setup is open to all its people. */
function requireStudio(principal: Principal, studioId: string, adminOnly: boolean): void {
  if (adminOnly) requireStudioRole(principal, studioId, 'administer');
  else requireStudioRole(principal, studioId, 'serve', '只有本工作室的人员可以查看');
}

const serviceView = (s: Service): ServiceView => ({
  id: s.id,
  name: s.name,
  description: s.description,
  minutesPerPerson: s.minutesPerPerson,
  peoplePerSlot: s.peoplePerSlot,
  homeVisit: s.homeVisit,
  keepsHealthReadings: s.keepsHealthReadings,
  ...(s.providerUnitId && s.providerName ? { providerUnitId: s.providerUnitId, providerName: s.providerName } : {}),
});

/** The active member units of the studio's town (pattern 151): whom a service may name as its provider. */
async function unitsOfStudioTown(deps: StudioDeps, studioId: string) {
  const townId = (await deps.studios.getStudio(studioId))?.townId;
  return townId ? (await deps.units.listOfTown(townId)).filter((u) => u.active) : [];
}

/** 提供单位 for the service editor: the studio's admin chooses among its town's active member units. */
export async function listProviderUnits(deps: StudioDeps, principal: Principal, studioId: string): Promise<ProviderUnitsResponse> {
  requireStudio(principal, studioId, true);
  return { units: (await unitsOfStudioTown(deps, studioId)).map((u) => ({ id: u.id, name: u.name, kind: u.kind })) };
}

export async function listServices(deps: StudioDeps, principal: Principal, studioId: string): Promise<{ services: ServiceView[] }> {
  requireStudio(principal, studioId, false);
  return { services: (await deps.stands.listServicesOfStudio(studioId)).map(serviceView) };
}

/** Creates a service, or changes one (stands already made keep the services they were made with). */
export async function saveService(deps: StudioDeps, principal: Principal, studioId: string, request: UpsertServiceRequest, serviceId?: string): Promise<ServiceView> {
  requireStudio(principal, studioId, true);
  if (serviceId && !(await deps.stands.getService(studioId, serviceId))) throw new NotFoundError('没有找到这项服务');
  const { providerUnitId, ...fields } = request;
  let provider: Pick<Service, 'providerUnitId' | 'providerName'> = {};
  if (providerUnitId) {
    const unit = (await unitsOfStudioTown(deps, studioId)).find((u) => u.id === providerUnitId);
    if (!unit) throw new ValidationError({ providerUnitId: '请从本镇的成员单位中选择提供单位' });
    provider = { providerUnitId: unit.id, providerName: unit.name };
  }
  const service: Service = { id: serviceId ?? deps.newId(), studioId, ...fields, ...provider };
  await deps.stands.putService(service);
  await recordAudit(deps, principal, studioId, 'service_changed', `${serviceId ? '修改' : '新增'}服务项目「${service.name}」${service.providerName ? `（由${service.providerName}提供）` : ''}`, service.id);
  return serviceView(service);
}

async function venueView(deps: StudioDeps, venue: Venue, today: string): Promise<VenueView> {
  return {
    id: venue.id,
    name: venue.name,
    address: venue.address,
    rules: venue.rules,
    schedule: venue.rules.map(describeRule),
    nextMarketDays: await upcomingMarketDays(deps.stands, venue.id, venue.rules, today, 3),
  };
}

export async function listVenues(deps: StudioDeps, principal: Principal, studioId: string): Promise<{ venues: VenueView[] }> {
  requireStudio(principal, studioId, false);
  const today = chinaDate(deps.now());
  return { venues: await Promise.all((await deps.stands.listVenuesOfStudio(studioId)).map((v) => venueView(deps, v, today))) };
}

/** Creates or edits a venue and its schedule; every service a rule names must be the studio's own. */
export async function saveVenue(deps: StudioDeps, principal: Principal, studioId: string, request: UpsertVenueRequest, venueId?: string): Promise<VenueView> {
  requireStudio(principal, studioId, true);
  if (venueId) {
    const existing = await deps.stands.getVenue(venueId);
    if (!existing || existing.studioId !== studioId) throw new NotFoundError('没有找到这个地点');
  }
  const known = new Set((await deps.stands.listServicesOfStudio(studioId)).map((s) => s.id));
  request.rules.forEach((rule, i) => {
    if (rule.serviceIds.some((id) => !known.has(id))) throw new ValidationError({ [`rules.${i}.serviceIds`]: '请选择本工作室的服务项目' });
  });
  const venue: Venue = { id: venueId ?? deps.newId(), studioId, ...request, updatedAt: deps.now().toISOString() };
  await deps.stands.putVenue(venue);
  await recordAudit(deps, principal, studioId, 'venue_changed', `${venueId ? '修改' : '新增'}地点「${venue.name}」及排期（${venue.rules.length} 条规则）`, venue.id);
  return venueView(deps, venue, chinaDate(deps.now()));
}

async function venueOfAdmin(deps: StudioDeps, principal: Principal, venueId: string): Promise<Venue> {
  const venue = await deps.stands.getVenue(venueId);
  if (!venue) throw new NotFoundError('没有找到这个地点');
  requireStudio(principal, venue.studioId, true);
  return venue;
}

/** Makes the stands of the weeks ahead from the venue's rules (existing days are kept). */
export async function generateVenueStands(deps: StudioDeps, principal: Principal, venueId: string, request: GenerateStandsRequest): Promise<GenerateStandsResponse> {
  const venue = await venueOfAdmin(deps, principal, venueId);
  const studio = await deps.studios.getStudio(venue.studioId);
  const today = chinaDate(deps.now());
  const result = await generateStands(deps, venue, studio?.name ?? '', today, addDays(today, request.weeks * 7 - 1));
  if (result.created.length) await recordAudit(deps, principal, venue.studioId, 'stands_generated', `「${venue.name}」生成 ${result.created.length} 次服务（${result.created.map(formatChinaDate).join('、')}）`, venue.id);
  return result;
}

/**
 * Cancels a stand (bad weather …). Input: the stand and a reason. Steps: the admin of its studio only · one
 * transaction marks it cancelled (its page says so at once, and it takes no new bookings) and queues the fan-out
 * that the notice consumer expands: every booking still booked is cancelled there, its place given back, and its
 * resident told. The request's latency does not depend on how many were booked. Output: the bookings it cancels
 * (and notices it queues) — counted as it starts; none when the stand was cancelled already (its first cancellation
 * did it all).
 */
export async function cancelStand(deps: StudioDeps, principal: Principal, standId: string, request: CancelStandRequest): Promise<CancelStandResponse> {
  const stand = await deps.stands.getStand(standId);
  if (!stand) throw new NotFoundError('没有找到这个服务点');
  requireStudio(principal, stand.studioId, true);
  const now = deps.now().toISOString();
  const booked = (await deps.bookings.listEntriesOfStand(stand.id)).filter((e) => e.kind === 'booking' && e.status === 'booked' && e.userId).length;
  const fanOut: NoticeOrder = {
    to: 'audience',
    id: `${stand.id}.stand_cancelled`,
    audience: { kind: 'bookings_of_cancelled_stand', standId: stand.id },
    // each booking's page, date and time and service are added by the consumer
    notice: { kind: 'stand_cancelled', page: 'pages/bookings/index', data: { place: stand.venueName, reason: request.reason } },
    createdAt: now,
  };
  if (!(await deps.stands.cancelStand(stand.id, request.reason, now, [fanOut]))) {
    if ((await deps.stands.getStand(stand.id))?.status !== 'cancelled') throw new ConflictError('这个服务点的状态已经变化，请刷新');
    return { standId: stand.id, status: 'cancelled', cancelledBookings: 0, notified: 0 };
  }
  await recordAudit(deps, principal, stand.studioId, 'stand_cancelled', `取消「${stand.venueName}」${formatChinaDate(stand.date)} 的服务（原因：${request.reason}；${booked} 个预约随之取消）`, stand.id);
  return { standId: stand.id, status: 'cancelled', cancelledBookings: booked, notified: booked };
}

/** What a stand did, per service — the staff's end-of-day view and an input to the studio's stats. */
export async function getStandSummary(deps: StudioDeps, principal: Principal, standId: string): Promise<StandSummaryResponse> {
  const stand = await deps.stands.getStand(standId);
  if (!stand) throw new NotFoundError('没有找到这个服务点');
  requireStudio(principal, stand.studioId, false);
  const entries = await deps.bookings.listEntriesOfStand(stand.id);
  const services = stand.services.map((service) => {
    const mine = entries.filter((e) => e.serviceId === service.id);
    return {
      serviceId: service.id,
      name: service.name,
      booked: mine.filter((e) => e.kind === 'booking' && e.status !== 'cancelled').length,
      served: mine.filter((e) => e.status === 'served').length,
      walkIns: mine.filter((e) => e.kind === 'walk_in').length,
      overrides: mine.filter((e) => e.overrideFull).length,
      noShows: mine.filter((e) => e.status === 'no_show').length,
      cancelled: mine.filter((e) => e.status === 'cancelled').length,
      checkInTimes: mine.filter((e) => e.checkedInAt).map((e) => chinaTime(e.checkedInAt!)).sort(),
    };
  });
  const sum = (key: 'served' | 'walkIns' | 'noShows') => services.reduce((n, s) => n + s[key], 0);
  return {
    stand: { id: stand.id, date: stand.date, startTime: stand.startTime, endTime: stand.endTime, venueName: stand.venueName, status: stand.status },
    services,
    totals: { served: sum('served'), walkIns: sum('walkIns'), noShows: sum('noShows') },
  };
}
