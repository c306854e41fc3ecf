import { addDays, chinaDate, chinaTime, formatChinaDate } from '@shared/time';
import type { DeliveryOrder } from '../notices/notice-queue.repository';
import type { Entry } from './booking.repository';

/** The reminders of tomorrow's bookings are queued at 19:00 China time (the job's schedule, deployment.ts). */
export const REMINDERS_AT = '19:00';
/**
 * A booking made from this time on, for tomorrow, queues its own reminder in its booking transaction: the job may
 * already have run. Ten minutes of overlap with the job, whose start EventBridge may delay a little; the
 * reminder's id is the booking's, so whichever comes second finds the first and nothing is sent twice.
 */
const OWN_REMINDER_FROM = '18:50';

/** Whether a booking for a stand on `standDate`, made at `now`, must queue its own reminder. */
export function remindsAtBooking(standDate: string, now: Date): boolean {
  return standDate === addDays(chinaDate(now), 1) && chinaTime(now) >= OWN_REMINDER_FROM;
}

/** The evening-before reminder of a booking: one per booking (its id is the booking's), marked on the entry once delivered. */
export function bookingReminderOf(entry: Entry, noticeId: string, at: string): DeliveryOrder {
  return {
    id: `${entry.id}.booking_reminder`,
    userId: entry.userId!,
    noticeId,
    createdAt: at,
    reminds: { standId: entry.standId, entryId: entry.id },
    notice: {
      kind: 'booking_reminder',
      page: `pages/ticket/index?id=${entry.id}`,
      data: { service: entry.serviceName, date: `${formatChinaDate(entry.date)} ${entry.startTime}`, place: entry.venueName, code: entry.code ?? '' },
    },
  };
}
