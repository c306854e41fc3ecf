import { ERRAND_STATUS_LABELS, type ContactEntryView, type ErrandView } from '@shared/schemas/errands';
import type { NoticeOrder } from '../notices/notice-queue.repository';
import { actionsOf, type Standing } from './errand-lifecycle';
import type { ContactEntry, ErrandOrder } from './errand.repository';

/** The page a notice about an order opens: the resident's orders, or the volunteer's tasks. */
export const RESIDENT_ERRANDS_PAGE = 'packageResident/pages/errands/index';
export const VOLUNTEER_ERRANDS_PAGE = 'packageResident/pages/errand-tasks/index';

const entryViewOf = (e: ContactEntry): ContactEntryView => ({ id: e.id, at: e.at, by: e.byName, kind: e.kind, text: e.text, followUp: e.followUp });

/** An order as the caller may see it: the area only, never the address or phone; the contact log for staff and its volunteer. */
export function errandViewOf(o: ErrandOrder, standing: Standing, contacts?: ContactEntry[]): ErrandView {
  return {
    id: o.id,
    studioId: o.studioId,
    kindId: o.kindId,
    kindName: o.kindName,
    homeVisit: o.homeVisit,
    personName: o.personName,
    onBehalf: o.onBehalf,
    forWhom: o.forWhom,
    urgency: o.urgency,
    when: o.when,
    ...(o.note ? { note: o.note } : {}),
    area: o.area,
    status: o.status,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    ...(o.volunteerName && (standing.staff || standing.orderer || standing.volunteer) ? { volunteerName: o.volunteerName } : {}),
    ...(o.volunteerId && (standing.staff || standing.volunteer) ? { volunteerId: o.volunteerId } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.rating ? { rating: o.rating } : {}),
    ...(o.comment ? { comment: o.comment } : {}),
    ...(o.coins ? { coins: o.coins } : {}),
    ...(contacts && (standing.staff || standing.volunteer) ? { contacts: contacts.map(entryViewOf) } : {}),
    actions: actionsOf(o.status, standing, o.dispatch),
  };
}

/**
 * The notices of a step, for its transaction: the resident who ordered hears 已审核 / 未通过 / 已接单 / 已送达; the
 * volunteer hears that it is theirs (已接单). A 代下单 order has no resident to tell (staff follow it in the queue).
 */
export function stepNotices(next: ErrandOrder, studioName: string, newId: () => string, at: string): NoticeOrder[] {
  const status = ERRAND_STATUS_LABELS[next.status];
  const notice = (userId: string, page: string, who: string): NoticeOrder => ({
    to: 'resident',
    id: `${next.id}.v${next.version}.errand_update.${who}`,
    userId,
    noticeId: newId(),
    createdAt: at,
    notice: { kind: 'errand_update', page: `${page}?studioId=${next.studioId}&id=${next.id}`, data: { service: next.kindName, status, studio: studioName } },
  });
  const orders: NoticeOrder[] = [];
  if (next.residentId && ['open', 'refused', 'assigned', 'delivered'].includes(next.status)) orders.push(notice(next.residentId, RESIDENT_ERRANDS_PAGE, 'resident'));
  if (next.volunteerId && next.status === 'assigned') orders.push(notice(next.volunteerId, VOLUNTEER_ERRANDS_PAGE, 'volunteer'));
  return orders;
}
