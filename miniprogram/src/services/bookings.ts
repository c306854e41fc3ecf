import type { BookingView } from '@shared/schemas/booking'
import { TICKET_PAGE } from './platform'

/**
 * Bookings this app has just seen (after booking, or in 我的预约), so the ticket page can show the ticket at once —
 * even when the signal drops right after booking — and refresh it from the API behind the scenes.
 */
const cache = new Map<string, BookingView>()

export function rememberBooking(booking: BookingView): void {
  cache.set(booking.id, booking)
}

export function rememberedBooking(bookingId: string | undefined): BookingView | undefined {
  return bookingId ? cache.get(bookingId) : undefined
}

export function forgetBookings(): void {
  cache.clear()
}

export function ticketPageUrl(bookingId: string): string {
  return `${TICKET_PAGE}?id=${encodeURIComponent(bookingId)}`
}

/** A ticket code as characters in groups of three (`ACD 347`), to be read aloud one by one. */
export function ticketCodeGroups(code: string): string[][] {
  const chars = code.toUpperCase().replace(/[^0-9A-Z]/g, '').split('')
  const groups: string[][] = []
  for (let i = 0; i < chars.length; i += 3) groups.push(chars.slice(i, i + 3))
  return groups
}

/** A booking that can still be used at the stand (booked, checked in or called). */
export function isUsable(booking: Pick<BookingView, 'status'>): boolean {
  return booking.status === 'booked' || booking.status === 'checked_in' || booking.status === 'called'
}
