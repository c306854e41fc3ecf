import type { CheckInRequest, QueueEntryView, StandQueueResponse, StudioStandsResponse, WalkInRequest } from '@shared/schemas/booking';
import { chinaDate, chinaTime, formatChinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import type { Entry } from './booking.repository';
import type { Stand } from './stand.repository';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors';
import { requireStudioRole } from '../policy';
import type { StandsDeps } from './deps';
import { entryPlace, toQueueEntryView } from './booking-views';
import { fingerprintOf } from '../data/codes';
import { requireUser } from '../auth/sessions';

async function standForStaff(deps: StandsDeps, principal: Principal, standId: string): Promise<Stand> {
  const stand = await deps.stands.getStand(standId);
  if (!stand) throw new NotFoundError('没有找到这个服务点');
  requireStudioRole(principal, stand.studioId, 'serve');
  return stand;
}

function requireToday(deps: StandsDeps, stand: Stand, what: string): void {
  if (stand.date !== chinaDate(deps.now())) throw new ConflictError(`${what}只能在服务当天进行（这次服务在 ${formatChinaDate(stand.date)}）`);
}

/** The studio's stands on a day (today in China by default), for the staff to pick theirs. */
export async function listStudioStands(deps: StandsDeps, principal: Principal, studioId: string, date?: string): Promise<StudioStandsResponse> {
  requireStudioRole(principal, studioId, 'serve');
  const stands = await deps.stands.listStandsOfStudioOn(studioId, date ?? chinaDate(deps.now()));
  return {
    stands: stands
      .sort((a, b) => a.startTime.localeCompare(b.startTime))
      .map((s) => ({ id: s.id, venueId: s.venueId, venueName: s.venueName, date: s.date, startTime: s.startTime, endTime: s.endTime, status: s.status })),
  };
}

const HERE = new Set(['checked_in', 'called', 'served']);

/** Today's stand for its staff: per service one queue (checked-in bookings and walk-ins by number) and who is expected. */
export async function getStandQueue(deps: StandsDeps, principal: Principal, standId: string): Promise<StandQueueResponse> {
  const stand = await standForStaff(deps, principal, standId);
  const entries = await deps.bookings.listEntriesOfStand(stand.id);
  return {
    stand: { id: stand.id, date: stand.date, startTime: stand.startTime, endTime: stand.endTime, venueName: stand.venueName, studioName: stand.studioName, status: stand.status },
    services: stand.services.map((service) => {
      const mine = entries.filter((e) => e.serviceId === service.id);
      return {
        serviceId: service.id,
        name: service.name,
        keepsHealthReadings: service.keepsHealthReadings,
        queue: mine.filter((e) => HERE.has(e.status)).sort((a, b) => (a.queueNumber ?? 0) - (b.queueNumber ?? 0)).map(toQueueEntryView),
        expected: mine
          .filter((e) => e.status === 'booked' || e.status === 'no_show')
          .sort((a, b) => `${a.startTime}${a.createdAt}`.localeCompare(`${b.startTime}${b.createdAt}`))
          .map(toQueueEntryView),
      };
    }),
  };
}

function alreadyCheckedIn(entry: Entry): ConflictError {
  const at = entry.checkedInAt ? chinaTime(entry.checkedInAt) : '';
  return new ConflictError(`已于 ${at} 由 ${entry.checkedInByName ?? '工作人员'} 签到${entry.queueNumber !== undefined ? `，排队号 ${entry.queueNumber}` : ''}`, 'already_checked_in');
}

/**
 * Checks a ticket in at its stand on its day and gives it a queue number. The same ticket checked in from two
 * phones: one succeeds, the other is told when and by whom.
 */
export async function checkIn(deps: StandsDeps, principal: Principal, standId: string, request: CheckInRequest): Promise<QueueEntryView> {
  const stand = await standForStaff(deps, principal, standId);
  const ticket = await deps.bookings.findTicket(request.code);
  if (!ticket) throw new NotFoundError('没有找到这个预约码，请核对后再输入');
  if (ticket.standId !== stand.id) throw new ConflictError('这个预约码不是本服务点这一次的预约');
  requireToday(deps, stand, '签到');
  const entry = (await deps.bookings.getEntry(stand.id, ticket.entryId))!;
  if (HERE.has(entry.status)) throw alreadyCheckedIn(entry);
  if (entry.status === 'cancelled') throw new ConflictError('这个预约已取消');
  const staff = await requireUser(deps, principal.userId);
  // Only the phone that wins the check-in draws a queue number, so racing phones leave no gaps in the numbers. From
  // the status read (booked or 未到: the month's 未到 count moves with it); once more if the no-show job moved it.
  const fields = { checkedInAt: deps.now().toISOString(), checkedInBy: staff.id, checkedInByName: staff.displayName };
  let outcome = await deps.bookings.changeStatus(entry, entry.status, 'checked_in', fields);
  let current = entry;
  for (let attempt = 0; outcome.kind === 'condition-failed' && attempt < 2; attempt += 1) {
    current = (await deps.bookings.getEntry(stand.id, entry.id))!;
    if (current.status !== 'booked' && current.status !== 'no_show') break;
    outcome = await deps.bookings.changeStatus(entry, current.status, 'checked_in', fields);
  }
  if (outcome.kind === 'condition-failed') {
    current = (await deps.bookings.getEntry(stand.id, entry.id))!;
    throw HERE.has(current.status) ? alreadyCheckedIn(current) : new ConflictError('这个预约的状态已经变化，请刷新');
  }
  deps.metrics.count('CheckIns');
  const queueNumber = await deps.bookings.nextQueueNumber(stand.id, entry.serviceId);
  await deps.bookings.setQueueNumber(stand.id, entry.id, queueNumber);
  return toQueueEntryView((await deps.bookings.getEntry(stand.id, entry.id))!);
}

/**
 * A walk-in takes a number in seconds: no phone, no account. It takes a place in the next slot with room;
 * when the service is full, staff may still add one with an explicit, recorded override.
 */
export async function addWalkIn(deps: StandsDeps, principal: Principal, standId: string, request: WalkInRequest): Promise<QueueEntryView> {
  const stand = await standForStaff(deps, principal, standId);
  const service = stand.services.find((s) => s.id === request.serviceId);
  if (!service) throw new NotFoundError('这个服务点没有这项服务');
  const { requestId, ...body } = request;
  const fingerprint = fingerprintOf(body);
  const previous = await deps.bookings.getRequest(principal.userId, requestId);
  if (previous) return replayWalkIn(deps, stand.id, previous, fingerprint);
  requireToday(deps, stand, '现场取号');
  if (stand.status === 'cancelled') throw new ConflictError('这次服务已取消');

  const staff = await requireUser(deps, principal.userId);
  const now = deps.now();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const slots = (await deps.stands.listSlotsOfStand(stand.id))
      .filter((s) => s.serviceId === service.id && s.endTime > chinaTime(now) && s.booked < s.capacity)
      .sort((a, b) => a.startTime.localeCompare(b.startTime));
    const slot = slots[0];
    if (!slot && !request.overrideFull) throw new ConflictError('今天这个服务已约满');
    const queueNumber = await deps.bookings.nextQueueNumber(stand.id, service.id);
    const entry: Entry = {
      id: deps.newId(),
      kind: 'walk_in',
      status: 'checked_in',
      ...entryPlace(stand, service),
      startTime: slot?.startTime ?? chinaTime(now),
      endTime: slot?.endTime ?? stand.endTime,
      createdAt: now.toISOString(),
      queueNumber,
      holdsSlot: Boolean(slot),
      ...(slot ? {} : { overrideFull: true }),
      ...(request.note ? { note: request.note } : {}),
      createdBy: staff.id,
      checkedInAt: now.toISOString(),
      checkedInBy: staff.id,
      checkedInByName: staff.displayName,
    };
    const outcome = await deps.bookings.takePlace(entry, { actorId: principal.userId, requestId, fingerprint, requestTtl: Math.floor(now.getTime() / 1000) + 2 * 86_400 });
    if (outcome.kind === 'created') return toQueueEntryView(outcome.entry);
    if (outcome.kind === 'replayed') return replayWalkIn(deps, stand.id, outcome, fingerprint);
    if (outcome.kind === 'stand-cancelled') throw new ConflictError('这次服务已取消');
    // slot-full: someone took the last place of that slot meanwhile; look again.
  }
  throw new ConflictError('取号没有成功，请重试');
}

async function replayWalkIn(deps: StandsDeps, standId: string, previous: { entryId: string; fingerprint: string }, fingerprint: string): Promise<QueueEntryView> {
  const entry = previous.fingerprint === fingerprint ? await deps.bookings.getEntry(standId, previous.entryId) : undefined;
  if (!entry) throw new UnprocessableError('这个请求编号已用于另一次操作，请刷新后重试');
  return toQueueEntryView(entry);
}

/** Calls the lowest number still waiting for a service. */
export async function callNext(deps: StandsDeps, principal: Principal, standId: string, serviceId: string): Promise<QueueEntryView> {
  const stand = await standForStaff(deps, principal, standId);
  if (!stand.services.some((s) => s.id === serviceId)) throw new NotFoundError('这个服务点没有这项服务');
  const waiting = (await deps.bookings.listEntriesOfStand(stand.id))
    .filter((e) => e.serviceId === serviceId && e.status === 'checked_in')
    .sort((a, b) => (a.queueNumber ?? 0) - (b.queueNumber ?? 0));
  for (const entry of waiting) {
    const outcome = await deps.bookings.changeStatus(entry, 'checked_in', 'called', { calledAt: deps.now().toISOString() });
    if (outcome.kind === 'changed') return toQueueEntryView((await deps.bookings.getEntry(stand.id, entry.id))!);
  }
  throw new NotFoundError('没有在等的人了');
}

/** Marks an entry served. */
export async function markServed(deps: StandsDeps, principal: Principal, standId: string, entryId: string): Promise<QueueEntryView> {
  const stand = await standForStaff(deps, principal, standId);
  const entry = await deps.bookings.getEntry(stand.id, entryId);
  if (!entry) throw new NotFoundError('没有找到这个号');
  const refusal = (e: Entry) => new ConflictError(e.status === 'served' ? '这个号已经完成了' : e.status === 'checked_in' || e.status === 'called' ? '这个号的状态已经变化，请刷新' : '这个号还没有签到');
  if (entry.status !== 'checked_in' && entry.status !== 'called') throw refusal(entry);
  const outcome = await deps.bookings.changeStatus(entry, entry.status, 'served', { servedAt: deps.now().toISOString(), servedBy: principal.userId });
  if (outcome.kind === 'condition-failed') throw refusal((await deps.bookings.getEntry(stand.id, entryId))!);
  return toQueueEntryView((await deps.bookings.getEntry(stand.id, entryId))!);
}

export interface QueueScreen {
  stand: { venueName: string; studioName: string; date: string };
  services: { serviceId: string; name: string; nowServing?: number; next: number[] }[];
}

/** The stand's large display: now serving and next per service. Numbers only — no names. */
export async function getQueueScreen(deps: StandsDeps, standId: string): Promise<QueueScreen> {
  const stand = await deps.stands.getStand(standId);
  if (!stand) throw new NotFoundError('没有找到这个服务点');
  const entries = await deps.bookings.listEntriesOfStand(stand.id);
  return {
    stand: { venueName: stand.venueName, studioName: stand.studioName, date: stand.date },
    services: stand.services.map((service) => {
      const mine = entries.filter((e) => e.serviceId === service.id);
      const called = mine.filter((e) => e.status === 'called').sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''));
      const next = mine.filter((e) => e.status === 'checked_in').sort((a, b) => (a.queueNumber ?? 0) - (b.queueNumber ?? 0)).slice(0, 5);
      return {
        serviceId: service.id,
        name: service.name,
        ...(called[0]?.queueNumber !== undefined ? { nowServing: called[0].queueNumber } : {}),
        next: next.map((e) => e.queueNumber!).filter((n) => n !== undefined),
      };
    }),
  };
}
