import { formatChinaDate } from '@shared/time';
import type { Deps } from '../deps';
import { ttlOf } from '../privacy/retention';
import type { Entry } from '../stands/booking.repository';
import { areaOf, type ErrandContact, type ErrandOrder } from './errand-items';

/**
 * A home visit (上门服务) booked at a stand becomes an errand order in the booking's own transaction, so that its
 * address and phone are read by the person who goes — the volunteer staff assign — through the audited reveal,
 * not by anyone at the stand. The order has the booking's id; its kind is the stand's service (上门服务·家电维修),
 * dispatched by staff; it waits for their review like any order.
 */
export function homeVisitOrderOf(entry: Entry): { order: ErrandOrder; contact: ErrandContact } | undefined {
  if (!entry.homeAddress || !entry.userId) return undefined;
  const order: ErrandOrder = {
    id: entry.id,
    studioId: entry.studioId,
    kindId: entry.serviceId,
    kindName: `上门服务·${entry.serviceName}`.slice(0, 20),
    homeVisit: true,
    dispatch: 'assign',
    acceptClaims: false,
    residentId: entry.userId,
    orderedBy: entry.userId,
    onBehalf: false,
    personName: entry.residentName ?? '居民',
    forWhom: '其他',
    urgency: 3,
    when: `${formatChinaDate(entry.date)} ${entry.startTime}–${entry.endTime}`,
    note: `在${entry.venueName}预约`.slice(0, 200),
    area: areaOf(entry.homeAddress),
    status: 'ordered',
    version: 1,
    createdAt: entry.createdAt,
    updatedAt: entry.createdAt,
  };
  return { order, contact: { errandId: entry.id, address: entry.homeAddress, phone: entry.phone ?? '', ...(entry.contactKeptUntil ? { ttl: ttlOf(entry.contactKeptUntil) } : {}) } };
}

const GOING_ON = ['ordered', 'open', 'claimed', 'assigned'];

/** A home-visit booking cancelled (by its resident, or with its stand): its order, still going on, is cancelled with it. */
export async function cancelHomeVisitOrder(deps: Pick<Deps, 'errands' | 'now'>, entryId: string, reason = '居民取消了预约'): Promise<void> {
  const order = await deps.errands.get(entryId);
  if (!order || !order.homeVisit || !GOING_ON.includes(order.status)) return;
  await deps.errands.step(order, { ...order, status: 'cancelled', reason, version: order.version + 1, updatedAt: deps.now().toISOString() }, []);
}
