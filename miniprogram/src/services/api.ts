/** One typed function per API route. Pages call these, never `Taro.request`. */
import type { PersonasResponse, RedeemInviteRequest, SessionResponse, UserView } from '@shared/schemas/auth'
import type { StandPageResponse } from '@shared/schemas/stand'
import type {
  BookingView,
  BookSlotRequest,
  CheckInRequest,
  MyBookingsResponse,
  QueueEntryView,
  StandQueueResponse,
  StudioStandsResponse,
  walkInRequest,
} from '@shared/schemas/booking'
import type { input as ZodInput } from 'zod'
import { request } from './request'

const seg = encodeURIComponent

/** GET /stands/by-scene/{scene} — public. `scene` is the decoded scene, e.g. `v=01J…`. */
export function getStandByScene(scene: string): Promise<StandPageResponse> {
  return request<StandPageResponse>(`/stands/by-scene/${encodeURIComponent(scene)}`, { auth: 'none' })
}

/** GET /auth/local/personas — public, only on the local stage (404 elsewhere). */
export function getPersonas(): Promise<PersonasResponse> {
  return request<PersonasResponse>('/auth/local/personas', { auth: 'none' })
}

/** POST /auth/local — sign in as a demo persona (local stage only). */
export function signInLocal(persona: string): Promise<SessionResponse> {
  return request<SessionResponse>('/auth/local', { method: 'POST', data: { persona }, auth: 'none' })
}

/** POST /auth/wechat — `code` from `Taro.login` (weapp). */
export function signInWechat(code: string): Promise<SessionResponse> {
  return request<SessionResponse>('/auth/wechat', { method: 'POST', data: { code }, auth: 'none' })
}

/** GET /me */
export function getMe(): Promise<UserView> {
  return request<UserView>('/me')
}

/** POST /invites/redeem — answers with a new session carrying the new role. */
export function redeemInvite(body: RedeemInviteRequest): Promise<SessionResponse> {
  return request<SessionResponse>('/invites/redeem', { method: 'POST', data: body })
}

/* ---------- bookings (resident) ---------- */

/** POST /bookings → 201. Send the same `requestId` again when retrying after a network failure. */
export function bookSlot(body: BookSlotRequest): Promise<BookingView> {
  return request<BookingView>('/bookings', { method: 'POST', data: body })
}

/** GET /me/bookings — upcoming (soonest first), then past (latest first). */
export function getMyBookings(): Promise<MyBookingsResponse> {
  return request<MyBookingsResponse>('/me/bookings')
}

/** GET /bookings/{bookingId} — one's own booking only. */
export function getBooking(bookingId: string): Promise<BookingView> {
  return request<BookingView>(`/bookings/${seg(bookingId)}`)
}

/** POST /bookings/{bookingId}/cancel — only while the booking is `booked`. */
export function cancelBooking(bookingId: string): Promise<BookingView> {
  return request<BookingView>(`/bookings/${seg(bookingId)}/cancel`, { method: 'POST', data: {} })
}

/* ---------- stand console (staff, representative, admin of the stand's studio) ---------- */

/** GET /studios/{studioId}/stands?date= — the studio's stands on a day (today in China when no date). */
export function getStudioStands(studioId: string, date?: string): Promise<StudioStandsResponse> {
  const query = date ? `?date=${seg(date)}` : ''
  return request<StudioStandsResponse>(`/studios/${seg(studioId)}/stands${query}`)
}

/** GET /stands/{standId}/queue */
export function getStandQueue(standId: string): Promise<StandQueueResponse> {
  return request<StandQueueResponse>(`/stands/${seg(standId)}/queue`)
}

/** POST /stands/{standId}/check-ins — 409 when the ticket was already checked in (message says when and by whom). */
export function checkIn(standId: string, body: CheckInRequest): Promise<QueueEntryView> {
  return request<QueueEntryView>(`/stands/${seg(standId)}/check-ins`, { method: 'POST', data: body })
}

export type WalkInBody = ZodInput<typeof walkInRequest>

/** POST /stands/{standId}/walk-ins → 201 with a queue number; 409 when full unless `overrideFull`. */
export function addWalkIn(standId: string, body: WalkInBody): Promise<QueueEntryView> {
  return request<QueueEntryView>(`/stands/${seg(standId)}/walk-ins`, { method: 'POST', data: body })
}

/** POST /stands/{standId}/services/{serviceId}/call-next — 404 when nobody is waiting. */
export function callNext(standId: string, serviceId: string): Promise<QueueEntryView> {
  return request<QueueEntryView>(`/stands/${seg(standId)}/services/${seg(serviceId)}/call-next`, { method: 'POST', data: {} })
}

/** POST /stands/{standId}/entries/{entryId}/serve */
export function serveEntry(standId: string, entryId: string): Promise<QueueEntryView> {
  return request<QueueEntryView>(`/stands/${seg(standId)}/entries/${seg(entryId)}/serve`, { method: 'POST', data: {} })
}

/* ---------- queue screen (public) ---------- */

/** GET /stands/{standId}/screen — queue numbers only, nothing personal. (No shared schema yet.) */
export interface QueueScreenResponse {
  stand: { venueName: string; studioName: string; date: string }
  services: Array<{ serviceId: string; name: string; nowServing?: number; next: number[] }>
}

export function getQueueScreen(standId: string): Promise<QueueScreenResponse> {
  return request<QueueScreenResponse>(`/stands/${seg(standId)}/screen`, { auth: 'none' })
}
