import { addDays, chinaDate, chinaTime, formatChinaDate } from '@shared/time';
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
      const outcome = await deps.bookings.changeStatus(stand.id, entry.id, ['booked'], 'no_show', { noShowAt: now.toISOString() });
      if (outcome.kind === 'changed') marked += 1;
    }
  }
  return { marked };
}

/**
 * Scheduled at 19:00 China time: a reminder to everyone booked at tomorrow's stands. Each entry's reminder is
 * claimed once, so a re-run after a failure does not remind anyone twice.
 */
export async function sendBookingReminders(deps: StandJobsDeps): Promise<{ sent: number; skipped: number; failed: number }> {
  const now = deps.now();
  const tomorrow = addDays(chinaDate(now), 1);
  const counts = { sent: 0, skipped: 0, failed: 0 };
  for (const stand of await deps.stands.listStandsOn(tomorrow)) {
    if (stand.status !== 'scheduled') continue;
    for (const entry of await deps.bookings.listEntriesOfStand(stand.id)) {
      if (entry.kind !== 'booking' || entry.status !== 'booked' || !entry.userId) continue;
      if (!(await deps.bookings.claimReminder(stand.id, entry.id, now.toISOString()))) continue;
      const result = await deps.notifier.send({
        userId: entry.userId,
        kind: 'booking_reminder',
        page: `pages/ticket/index?id=${entry.id}`,
        data: { service: entry.serviceName, date: `${formatChinaDate(entry.date)} ${entry.startTime}`, place: stand.venueName, code: entry.code ?? '' },
      });
      counts[result as keyof typeof counts] += 1;
    }
  }
  return counts;
}
