import type { Deps } from '../deps';
import { forEachConcurrently } from '../data/concurrently';
import type { Entry } from './booking.repository';
import { cancelHomeVisitOrder } from '../errands/home-visit';

/**
 * The bookings of a cancelled stand, released — run by the notice consumer as the fan-out of the stand's cancellation
 * (the admin's request only marks the stand cancelled and queues that fan-out, in one transaction).
 *
 * Input: the stand. Steps: each entry still `booked` is cancelled and its place given back (the cancel transaction,
 * access pattern 26), marked `cancelledBy: 'stand'`; a home visit's errand order is cancelled with it. Output: the bookings the stand's cancellation cancelled — those
 * of an earlier, cut-short run too, so that a retry still finds everyone who must be told; a booking its resident
 * had cancelled before is not among them.
 */
export async function releaseBookingsOfCancelledStand(deps: Pick<Deps, 'bookings' | 'errands' | 'now'>, standId: string, at: string): Promise<Entry[]> {
  const bookings = (await deps.bookings.listEntriesOfStand(standId)).filter((e) => e.kind === 'booking' && e.userId);
  const released: Entry[] = [];
  // a few at a time: bookings of one slot share its counter, and conflicting transactions are retried
  await forEachConcurrently(bookings, 8, async (entry) => {
    if (entry.status === 'cancelled' && entry.cancelledBy === 'stand') released.push(entry);
    else if (entry.status === 'booked' && (await deps.bookings.cancelBooking(entry, at, 'stand')).kind === 'changed') released.push(entry);
    else return;
    // a home visit's errand order goes with its booking (a retry finds it cancelled already and leaves it)
    if (entry.contactKeptUntil) await cancelHomeVisitOrder(deps, entry.id, '服务取消');
  });
  return released;
}
