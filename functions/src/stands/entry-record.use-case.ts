import type { BookingStatus, QueueEntryView } from '@shared/schemas/booking';
import type { RecordEntryRequest } from '@shared/schemas/unit-services';
import { chinaDate, formatChinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError } from '../errors';
import { isUnitLiaisonOf, requireStudioRole } from '../policy';
import type { Entry } from './booking.repository';
import type { Stand } from './stand.repository';
import { toQueueEntryView } from './booking-views';
import type { StandsDeps } from './deps';

/**
 * Who may record what was done for an entry: the staff of the stand's studio (as at the stand desk), or a liaison of
 * the member unit that provides the entry's service (义诊 by 卫生院) — in a studio of the unit's town, for that
 * service only. Anyone else of the unit side learns nothing: every refusal is the same 404 as an entry that does not
 * exist; a studio's people of another studio are refused as at the desk (403).
 */
export async function entryForRecorder(deps: StandsDeps, principal: Principal, standId: string, entryId: string): Promise<{ stand: Stand; entry: Entry }> {
  if (principal.role === 'unit_liaison') {
    const notFound = new NotFoundError('没有找到这个号');
    const stand = await deps.stands.getStand(standId);
    const entry = stand && (await deps.bookings.getEntry(stand.id, entryId));
    const providerUnitId = entry && stand.services.find((s) => s.id === entry.serviceId)?.providerUnitId;
    if (!stand || !entry || !providerUnitId) throw notFound;
    const townId = (await deps.studios.getStudio(stand.studioId))?.townId;
    if (!townId || !isUnitLiaisonOf(principal, townId, providerUnitId)) throw notFound;
    return { stand, entry };
  }
  const stand = await deps.stands.getStand(standId);
  if (!stand) throw new NotFoundError('没有找到这个服务点');
  requireStudioRole(principal, stand.studioId, 'serve');
  const entry = await deps.bookings.getEntry(stand.id, entryId);
  if (!entry) throw new NotFoundError('没有找到这个号');
  return { stand, entry };
}

/** From which statuses each record may be made: 已服务 also for a booking not checked in (a 义诊 doctor saw them). */
const RECORDABLE: Record<RecordEntryRequest['outcome'], readonly BookingStatus[]> = {
  served: ['booked', 'checked_in', 'called', 'no_show', 'served'],
  no_show: ['booked', 'no_show'],
};

/**
 * Records what was done for an entry: 已服务 or 未到, with an optional note (e.g. 血压 135/85，建议复查). Input: the stand,
 * the entry, the outcome and note. Steps: who may (`entryForRecorder`) · the stand's day has come · the entry may take
 * that outcome · one conditional write from the status read (the studio's month figures move with it). Recording the
 * same again changes nothing (a retry is safe); a note may be added to an entry already recorded.
 */
export async function recordEntry(deps: StandsDeps, principal: Principal, standId: string, entryId: string, request: RecordEntryRequest): Promise<QueueEntryView> {
  const { stand, entry } = await entryForRecorder(deps, principal, standId, entryId);
  if (stand.date > chinaDate(deps.now())) throw new ConflictError(`服务当天才能记录（这次服务在 ${formatChinaDate(stand.date)}）`);
  if (entry.status === 'cancelled') throw new ConflictError('这个预约已取消');
  if (!RECORDABLE[request.outcome].includes(entry.status)) throw new ConflictError('已签到的号不能记为未到');
  const to = request.outcome;
  const at = deps.now().toISOString();
  const fields: Record<string, string> = {
    ...(entry.status !== to ? (to === 'served' ? { servedAt: at, servedBy: principal.userId } : { noShowAt: at }) : {}),
    ...(request.note && request.note !== entry.note ? { note: request.note } : {}),
  };
  if (entry.status === to && Object.keys(fields).length === 0) return toQueueEntryView(entry);
  const outcome = await deps.bookings.changeStatus(entry, entry.status, to, fields);
  if (outcome.kind === 'condition-failed') throw new ConflictError('这个号的状态已经变化，请刷新后再记录');
  return toQueueEntryView((await deps.bookings.getEntry(stand.id, entry.id))!);
}
