import { addDays, chinaDate, chinaTime } from '@shared/time';
import { forEachConcurrently } from '../data/concurrently';
import { bookingReminderOf } from './booking-reminder';
import type { StandJobsDeps } from './deps';

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/**
 * Scheduled every 15 minutes: residents not checked in by the end of their slot plus a grace period become
 * 未到 (no-show). A late arrival can still be checked in afterwards.
 */
export async function markNoShows(deps: StandJobsDeps): Promise<{ marked: number }> {
  const now = deps.now();
  const today = chinaDate(now);
  const nowMinutes = toMinutes(chinaTime(now));
  let marked = 0;
  for (const stand of await deps.stands.listStandsOn(today)) {
    if (stand.status !== 'scheduled') continue;
    for (const entry of await deps.bookings.listEntriesOfStand(stand.id)) {
      if (entry.status !== 'booked' || toMinutes(entry.endTime) + deps.limits.noShowGraceMinutes > nowMinutes) continue;
      const outcome = await deps.bookings.changeStatus(entry, 'booked', 'no_show', { noShowAt: now.toISOString() });
      if (outcome.kind === 'changed') marked += 1;
    }
  }
  return { marked };
}

/**
 * Scheduled at 19:00 China time: queues one reminder per booking at tomorrow's stands, and returns. The notice consumer
 * delivers each on its own (retried, then dead-lettered) and marks the booking reminded only once its reminder is
 * delivered or refused for good. A reminder's id is its booking's, so a re-run after a crash queues only what is
 * missing; bookings already reminded are skipped. (A booking made after 19:00 for tomorrow queues its own.)
 */
export async function queueBookingReminders(deps: StandJobsDeps): Promise<{ queued: number; alreadyQueued: number }> {
  const now = deps.now();
  const tomorrow = addDays(chinaDate(now), 1);
  const counts = { queued: 0, alreadyQueued: 0 };
  for (const stand of await deps.stands.listStandsOn(tomorrow)) {
    if (stand.status !== 'scheduled') continue;
    const due = (await deps.bookings.listEntriesOfStand(stand.id)).filter((e) => e.kind === 'booking' && e.status === 'booked' && e.userId && !e.remindedAt);
    await forEachConcurrently(due, 16, async (entry) => {
      counts[(await deps.noticeQueue.enqueue(bookingReminderOf(entry, deps.newId(), now.toISOString()))) ? 'queued' : 'alreadyQueued'] += 1;
    });
  }
  return counts;
}
