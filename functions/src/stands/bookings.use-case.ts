import { TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH } from '@shared/ticket-code';
import { cancelHomeVisitOrder, homeVisitOrderOf } from '../errands/home-visit';
import type { BookSlotRequest, BookingView, MyBookingsQuery, MyBookingsResponse } from '@shared/schemas/booking';
import { chinaDate, chinaTime } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import type { Entry } from './booking.repository';
import { ConflictError, NotFoundError, UnauthenticatedError, UnprocessableError, ValidationError } from '../errors';
import type { StandsDeps } from './deps';
import { entryPlace, toBookingView } from './booking-views';
import { fingerprintOf, randomCode } from '../data/codes';
import { SESSION_ENDED } from '../auth/sessions';
import { bookingContactKeptUntil } from '../privacy/retention';
import { bookingReminderOf, remindsAtBooking } from './booking-reminder';

const ACTIVE = new Set(['booked', 'checked_in', 'called']);

/** A booking refused for want of room (counted: how often residents find a slot full). */
function slotFull(deps: Pick<StandsDeps, 'metrics'>): ConflictError {
  deps.metrics.count('BookingsFull');
  return new ConflictError('这个时段已约满');
}
const REQUEST_KEY_TTL_SECONDS = 2 * 86_400;

/**
 * A resident books a place in a slot.
 * Steps: one read (BatchGetItem) of the stand, the one slot asked for and the resident · the stand and slot exist,
 * the service is offered there, the slot is not over · home visits carry an address · one transaction takes the place:
 * its conditions — retry key, the stand still on, capacity, one booking per service per stand, daily cap — decide,
 * and only a refusal reads what it takes to explain it. A retried request returns the booking it made; the same key
 * with another body is refused (422). A booking for tomorrow made after the 19:00 reminders went out queues its own
 * reminder in that transaction. Two requests when it goes through (docs/access-patterns.md, "Requests per request").
 */
export async function bookSlot(deps: StandsDeps, principal: Principal, request: BookSlotRequest): Promise<BookingView> {
  const { requestId, ...body } = request;
  const fingerprint = fingerprintOf(body);
  const { stand, slot, user } = await deps.batch.read({
    stand: deps.stands.standRead(request.standId),
    slot: deps.stands.slotRead(request.standId, request.serviceId, request.startTime),
    user: deps.users.userRead(principal.userId),
  });
  /**
   * A refusal decided before the transaction: the retry key is read only now, so that a request that went through
   * before is still answered with its booking (and the same key with another body with 422), whatever has changed.
   */
  const refuse = async (error: Error): Promise<BookingView> => {
    const previous = await deps.bookings.getRequest(principal.userId, requestId);
    if (previous) return replay(deps, principal, previous, fingerprint, request.standId);
    throw error;
  };
  if (!stand) return refuse(new NotFoundError('没有找到这个服务点'));
  if (stand.status === 'cancelled') return refuse(new ConflictError('这次服务已取消，请关注下一次服务'));
  const service = stand.services.find((s) => s.id === request.serviceId);
  if (!service) return refuse(new NotFoundError('这个服务点没有这项服务'));
  if (!slot) return refuse(new NotFoundError('没有这个时段，请刷新后重新选择'));

  const now = deps.now();
  const today = chinaDate(now);
  if (stand.date < today || (stand.date === today && slot.endTime <= chinaTime(now))) return refuse(new ConflictError('这个时段已经过了，请选择其他时段'));
  if (service.homeVisit && !request.address) return refuse(new ValidationError({ address: '上门服务请填写详细地址' }));
  if (!service.homeVisit && (request.address || request.phone)) {
    return refuse(new ValidationError({ [request.address ? 'address' : 'phone']: '这项服务在服务点现场办理，不需要填写' }));
  }

  if (!user) throw new UnauthenticatedError(SESSION_ENDED);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const entry: Entry = {
      id: deps.newId(),
      kind: 'booking',
      status: 'booked',
      ...entryPlace(stand, service),
      startTime: slot.startTime,
      endTime: slot.endTime,
      createdAt: now.toISOString(),
      userId: user.id,
      residentName: user.displayName,
      code: randomCode(TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH),
      holdsSlot: true,
      ...(request.address ? { homeAddress: request.address } : {}),
      ...(request.phone ? { phone: request.phone } : {}),
      // kept through the stand's day and N days more, then deleted by TTL (privacy/retention.ts)
      ...(request.address || request.phone ? { contactKeptUntil: bookingContactKeptUntil(stand.date, deps.limits.personalContactRetentionDays) } : {}),
    };
    const reminder = remindsAtBooking(stand.date, now) ? [{ to: 'resident' as const, ...bookingReminderOf(entry, deps.newId(), now.toISOString()) }] : [];
    const outcome = await deps.bookings.takePlace(
      entry,
      { actorId: principal.userId, requestId, fingerprint, dailyCap: deps.limits.dailyBookingsPerResident, requestTtl: Math.floor(now.getTime() / 1000) + REQUEST_KEY_TTL_SECONDS },
      reminder,
      homeVisitOrderOf(entry),
    );
    switch (outcome.kind) {
      case 'created':
        deps.metrics.count('BookingsMade');
        return toBookingView(outcome.entry);
      case 'replayed':
        return replay(deps, principal, outcome, fingerprint, request.standId);
      case 'slot-full':
        throw slotFull(deps);
      case 'already-booked':
        throw new ConflictError('您已预约过这个服务，可在「我的预约」查看', 'already_booked');
      case 'daily-cap':
        throw new ConflictError(`您当天的预约已达上限（${deps.limits.dailyBookingsPerResident} 个）`);
      case 'code-taken':
        continue; // a new code on the next attempt
      case 'stand-cancelled':
        throw new ConflictError('这次服务已取消，请关注下一次服务');
    }
  }
  throw new ConflictError('预约没有成功，请重试');
}

async function replay(deps: StandsDeps, principal: Principal, previous: { entryId: string; fingerprint: string }, fingerprint: string, standId: string): Promise<BookingView> {
  if (previous.fingerprint !== fingerprint) throw new UnprocessableError('这个请求编号已用于另一次预约，请刷新后重试');
  const entry = await deps.bookings.getEntry(standId, previous.entryId);
  if (!entry || entry.userId !== principal.userId) throw new UnprocessableError('这个请求编号已用于另一次预约，请刷新后重试');
  return toBookingView(entry);
}

const BOOKINGS_PAGE = 30;

/**
 * 我的预约, a page at a time: upcoming (soonest first), then the rest (latest first). The resident's bookings are read
 * latest first, so the first page starts with every upcoming one — it reads on while the page still ends in the future
 * (a resident holds few; usually one Query) — and the next pages (`cursor`) hold past ones only.
 */
export async function listMyBookings(deps: StandsDeps, principal: Principal, query: MyBookingsQuery = {}): Promise<MyBookingsResponse> {
  const today = chinaDate(deps.now());
  const entries: Entry[] = [];
  let cursor = query.cursor;
  do {
    const page = await deps.bookings.listBookingsPageOfResident(principal.userId, { cursor, limit: BOOKINGS_PAGE });
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor && !query.cursor && entries.length > 0 && entries[entries.length - 1]!.date >= today);
  const isUpcoming = (e: Entry) => ACTIVE.has(e.status) && e.date >= today;
  const key = (e: Entry) => `${e.date}#${e.startTime}#${e.createdAt}`;
  return {
    upcoming: entries.filter(isUpcoming).sort((a, b) => key(a).localeCompare(key(b))).map(toBookingView),
    past: entries.filter((e) => !isUpcoming(e)).sort((a, b) => key(b).localeCompare(key(a))).map(toBookingView),
    ...(cursor ? { nextCursor: cursor } : {}),
  };
}

async function findOwnBooking(deps: StandsDeps, principal: Principal, bookingId: string): Promise<Entry> {
  // Looked up among the caller's own bookings: someone else's id is simply not found.
  const own = (await deps.bookings.listBookingsOfResident(principal.userId)).find((e) => e.id === bookingId);
  const entry = own && (await deps.bookings.getEntry(own.standId, own.id));
  if (!entry) throw new NotFoundError('没有找到这个预约');
  return entry;
}

export async function getMyBooking(deps: StandsDeps, principal: Principal, bookingId: string): Promise<BookingView> {
  return toBookingView(await findOwnBooking(deps, principal, bookingId));
}

/**
 * Cancels a booking before its slot starts and frees the place at once. Cancelling again answers with the
 * cancelled booking and frees nothing more.
 */
export async function cancelMyBooking(deps: StandsDeps, principal: Principal, bookingId: string): Promise<BookingView> {
  const entry = await findOwnBooking(deps, principal, bookingId);
  if (entry.status === 'cancelled') return toBookingView(entry);
  if (entry.status !== 'booked') throw new ConflictError('已签到或已结束的预约不能取消');
  const now = deps.now();
  if (`${entry.date} ${entry.startTime}` <= `${chinaDate(now)} ${chinaTime(now)}`) throw new ConflictError('这个时段已经开始，不能取消了');
  const outcome = await deps.bookings.cancelBooking(entry, now.toISOString());
  const current = (await deps.bookings.getEntry(entry.standId, entry.id))!;
  if (outcome.kind === 'condition-failed' && current.status !== 'cancelled') throw new ConflictError('这个预约的状态已经变化，请刷新后再试');
  if (entry.contactKeptUntil) await cancelHomeVisitOrder(deps, entry.id);
  return toBookingView(current);
}
