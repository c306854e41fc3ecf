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
import type { HealthConsentView, MyReadingsResponse, ReadingView, RecordReadingRequest } from '@shared/schemas/reading'
import type {
  CancelStandResponse,
  GenerateStandsResponse,
  ServiceView,
  StandSummaryResponse,
  UpsertServiceRequest,
} from '@shared/schemas/admin'
import type { ScheduleRule, UpsertVenueRequest } from '@shared/schemas/venue'
import type {
  AcceptRequest,
  BoardResponse,
  InboxGroup,
  InboxResponse,
  MySubmissionsResponse,
  OnBehalfRequest,
  RateRequest,
  ReplyRequest,
  StatsResponse,
  StudioSubmissionView,
  SubmissionSettingsRequest,
  SubmissionSettingsResponse,
  SubmissionView,
  SubmitRequest,
  ReplyTemplatesRequest,
  ReplyTemplatesResponse,
} from '@shared/schemas/submission'
import type { PhotoUploadRequest, PhotoUploadResponse } from '@shared/schemas/photo'
import type { input as ZodInput } from 'zod'
import { downloadFile, request, type DownloadedFile } from './request'

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

/* ---------- health readings (sensitive: separate consent, retention limit, the resident sees and deletes) ---------- */

/** GET /me/readings — the resident's own readings, oldest first (expired ones are not listed), and the consent. */
export function getMyReadings(): Promise<MyReadingsResponse> {
  return request<MyReadingsResponse>('/me/readings')
}

/** PUT /me/consents/health-readings — give or withdraw the separate consent. */
export function setHealthConsent(consent: boolean): Promise<HealthConsentView> {
  return request<HealthConsentView>('/me/consents/health-readings', { method: 'PUT', data: { consent } })
}

/** DELETE /me/readings/{readingId} */
export function deleteMyReading(readingId: string): Promise<{ deleted: true }> {
  return request<{ deleted: true }>(`/me/readings/${seg(readingId)}`, { method: 'DELETE' })
}

/**
 * POST /stands/{standId}/entries/{entryId}/reading → 201. 409 (message fit to show staff) when the resident did not
 * consent, has no account (walk-in), is not checked in, or the service keeps no readings.
 */
export function recordReading(standId: string, entryId: string, body: RecordReadingRequest): Promise<ReadingView> {
  return request<ReadingView>(`/stands/${seg(standId)}/entries/${seg(entryId)}/reading`, { method: 'POST', data: body })
}

/** GET /stands/{standId}/summary — per service: booked, served, walk-ins, no-shows, check-in times. */
export function getStandSummary(standId: string): Promise<StandSummaryResponse> {
  return request<StandSummaryResponse>(`/stands/${seg(standId)}/summary`)
}

/* ---------- studio set-up (admin of the studio; reading lists is open to the studio's people) ---------- */

/** GET /studios/{studioId}/services */
export function listServices(studioId: string): Promise<{ services: ServiceView[] }> {
  return request<{ services: ServiceView[] }>(`/studios/${seg(studioId)}/services`)
}

/** POST /studios/{studioId}/services → 201 */
export function createService(studioId: string, body: UpsertServiceRequest): Promise<ServiceView> {
  return request<ServiceView>(`/studios/${seg(studioId)}/services`, { method: 'POST', data: body })
}

/** PUT /studios/{studioId}/services/{serviceId} — stands already made keep what they were made with. */
export function updateService(studioId: string, serviceId: string, body: UpsertServiceRequest): Promise<ServiceView> {
  return request<ServiceView>(`/studios/${seg(studioId)}/services/${seg(serviceId)}`, { method: 'PUT', data: body })
}

/** A venue as the API lists it. (No shared schema yet: mirrors `VenueView` in functions/src/use-cases/studio-setup.ts.) */
export interface VenueView {
  id: string
  name: string
  address: string
  rules: ScheduleRule[]
  /** Each rule in Chinese, e.g. `农历逢三六九 08:00–11:30`. */
  schedule: string[]
  /** The next market days in Chinese, e.g. `11月25日 周二（十月初六）`. */
  nextMarketDays: string[]
}

/** GET /studios/{studioId}/venues */
export function listVenues(studioId: string): Promise<{ venues: VenueView[] }> {
  return request<{ venues: VenueView[] }>(`/studios/${seg(studioId)}/venues`)
}

/** POST /studios/{studioId}/venues → 201 */
export function createVenue(studioId: string, body: UpsertVenueRequest): Promise<VenueView> {
  return request<VenueView>(`/studios/${seg(studioId)}/venues`, { method: 'POST', data: body })
}

/** PUT /studios/{studioId}/venues/{venueId} */
export function updateVenue(studioId: string, venueId: string, body: UpsertVenueRequest): Promise<VenueView> {
  return request<VenueView>(`/studios/${seg(studioId)}/venues/${seg(venueId)}`, { method: 'PUT', data: body })
}

/** POST /venues/{venueId}/stands/generate — days that already have a stand are kept as they are. */
export function generateStands(venueId: string, weeks = 4): Promise<GenerateStandsResponse> {
  return request<GenerateStandsResponse>(`/venues/${seg(venueId)}/stands/generate`, { method: 'POST', data: { weeks } })
}

/** GET /venues/{venueId}/poster — the A4 QR-code poster (PDF). */
export function downloadVenuePoster(venueId: string, venueName: string): Promise<DownloadedFile> {
  return downloadFile(`/venues/${seg(venueId)}/poster`, { fallbackName: `${venueName}二维码海报.pdf`, accept: 'application/pdf', timeout: 30_000 })
}

/** POST /stands/{standId}/cancel — every booking is cancelled and its resident notified. */
export function cancelStand(standId: string, reason: string): Promise<CancelStandResponse> {
  return request<CancelStandResponse>(`/stands/${seg(standId)}/cancel`, { method: 'POST', data: { reason } })
}

/* ---------- submissions (意见建议): resident, public board, representatives ---------- */

/** POST /photo-uploads — a signed form for one photo (then `uploadToStorage`, then its `key` in the submission). */
export function requestPhotoUpload(body: PhotoUploadRequest): Promise<PhotoUploadResponse> {
  return request<PhotoUploadResponse>('/photo-uploads', { method: 'POST', data: body })
}

/** GET /studios/{studioId}/reply-templates — the studio's reply templates (the defaults until edited). */
export function getReplyTemplates(studioId: string): Promise<ReplyTemplatesResponse> {
  return request<ReplyTemplatesResponse>(`/studios/${seg(studioId)}/reply-templates`)
}

/** PUT /studios/{studioId}/reply-templates — the whole list; 409 when someone else saved meanwhile. */
export function saveReplyTemplates(studioId: string, body: ReplyTemplatesRequest): Promise<ReplyTemplatesResponse> {
  return request<ReplyTemplatesResponse>(`/studios/${seg(studioId)}/reply-templates`, { method: 'PUT', data: body })
}

/** POST /submissions → 201. Send the same `requestId` again when retrying after a network failure. */
export function submitSubmission(body: SubmitRequest): Promise<SubmissionView> {
  return request<SubmissionView>('/submissions', { method: 'POST', data: body })
}

/**
 * POST /studios/{studioId}/submissions → 201 — staff, representatives or the admin of the studio enter one for a
 * resident without a phone (代填). The same `requestId` again returns the same submission; with another body, 422.
 */
export function submitOnBehalf(studioId: string, body: OnBehalfRequest): Promise<StudioSubmissionView> {
  return request<StudioSubmissionView>(`/studios/${seg(studioId)}/submissions`, { method: 'POST', data: body })
}

/** GET /me/submissions — newest first, without timelines. */
export function getMySubmissions(): Promise<MySubmissionsResponse> {
  return request<MySubmissionsResponse>('/me/submissions')
}

/** GET /submissions/{id} — one's own submission with its timeline and reply due date. */
export function getSubmission(id: string): Promise<SubmissionView> {
  return request<SubmissionView>(`/submissions/${seg(id)}`)
}

/** POST /submissions/{id}/rating — once per resolution; 不满意 reopens it once. */
export function rateSubmission(id: string, body: RateRequest): Promise<SubmissionView> {
  return request<SubmissionView>(`/submissions/${seg(id)}/rating`, { method: 'POST', data: body })
}

/** GET /studios/{studioId}/board — public: replied submissions without personal details, newest first. */
export function getBoard(studioId: string): Promise<BoardResponse> {
  return request<BoardResponse>(`/studios/${seg(studioId)}/board`, { auth: 'none' })
}

/** GET /studios/{studioId}/inbox — representatives/admins: one group, overdue first, with counts of all groups. */
export function getInbox(studioId: string, query: { group: InboxGroup; category?: string; standId?: string }): Promise<InboxResponse> {
  const params = [`group=${seg(query.group)}`]
  if (query.category) params.push(`category=${seg(query.category)}`)
  if (query.standId) params.push(`standId=${seg(query.standId)}`)
  return request<InboxResponse>(`/studios/${seg(studioId)}/inbox?${params.join('&')}`)
}

/** GET /studios/{studioId}/submissions/{id} — everything, internal notes and phone included. */
export function getStudioSubmission(studioId: string, id: string): Promise<StudioSubmissionView> {
  return request<StudioSubmissionView>(`/studios/${seg(studioId)}/submissions/${seg(id)}`)
}

/** POST /submissions/{id}/accept — 受理 with 三事分流 (大事: department and due date). */
export function acceptSubmission(id: string, body: AcceptRequest): Promise<StudioSubmissionView> {
  return request<StudioSubmissionView>(`/submissions/${seg(id)}/accept`, { method: 'POST', data: body })
}

/** POST /submissions/{id}/replies — 答复, signed as the studio. */
export function replyToSubmission(id: string, body: ReplyRequest): Promise<StudioSubmissionView> {
  return request<StudioSubmissionView>(`/submissions/${seg(id)}/replies`, { method: 'POST', data: body })
}

/** POST /submissions/{id}/resolve — 办结 (only after a reply). */
export function resolveSubmission(id: string): Promise<StudioSubmissionView> {
  return request<StudioSubmissionView>(`/submissions/${seg(id)}/resolve`, { method: 'POST', data: {} })
}

/** POST /submissions/{id}/approve-board — 准予公示 for a submission whose content was held back. */
export function approveBoard(id: string): Promise<StudioSubmissionView> {
  return request<StudioSubmissionView>(`/submissions/${seg(id)}/approve-board`, { method: 'POST', data: {} })
}

/** GET /studios/{studioId}/submission-settings — public: the studio's categories with their time limits (the defaults when it has none). */
export function getSubmissionSettings(studioId: string): Promise<SubmissionSettingsResponse> {
  return request<SubmissionSettingsResponse>(`/studios/${seg(studioId)}/submission-settings`, { auth: 'none' })
}

/** PUT /studios/{studioId}/submission-settings — admin of the studio; 400 with per-field messages (`categories.1.replyDays`). */
export function saveSubmissionSettings(studioId: string, body: SubmissionSettingsRequest): Promise<SubmissionSettingsResponse> {
  return request<SubmissionSettingsResponse>(`/studios/${seg(studioId)}/submission-settings`, { method: 'PUT', data: body })
}

/* ---------- follow a studio's board, notifications (消息), studio statistics and export ---------- */

/** GET/PUT/DELETE /studios/{studioId}/follow */
export interface FollowResponse {
  following: boolean
}

/** GET /studios/{studioId}/follow — whether the signed-in person follows the studio's board. */
export function getFollow(studioId: string): Promise<FollowResponse> {
  return request<FollowResponse>(`/studios/${seg(studioId)}/follow`)
}

/** PUT (on) or DELETE (off) /studios/{studioId}/follow */
export function setFollow(studioId: string, on: boolean): Promise<FollowResponse> {
  return request<FollowResponse>(`/studios/${seg(studioId)}/follow`, { method: on ? 'PUT' : 'DELETE' })
}

export const NOTIFICATION_KINDS = ['submission_replied', 'submission_status', 'rate_request', 'booking_reminder', 'stand_cancelled', 'board_update'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** One message in 消息. (No shared schema yet: mirrors the API contract.) */
export interface NotificationView {
  id: string
  kind: NotificationKind | string
  title: string
  body: string
  /** The page to open, e.g. `/pages/submission/index?id=…`. */
  page: string
  /** ISO instant */
  at: string
  read: boolean
}

export interface NotificationsResponse {
  /** Newest first. */
  notifications: NotificationView[]
  unread: number
}

/** GET /me/notifications — newest first, with the unread count. */
export function getNotifications(): Promise<NotificationsResponse> {
  return request<NotificationsResponse>('/me/notifications')
}

/** POST /me/notifications/read — marks every message read. */
export function markNotificationsRead(): Promise<{ unread: number }> {
  return request<{ unread: number }>('/me/notifications/read', { method: 'POST' })
}

/** GET /studios/{studioId}/stats?month=YYYY-MM&category= — representatives/admins. */
export function getStudioStats(studioId: string, query: { month: string; category?: string }): Promise<StatsResponse> {
  const params = [`month=${seg(query.month)}`]
  if (query.category) params.push(`category=${seg(query.category)}`)
  return request<StatsResponse>(`/studios/${seg(studioId)}/stats?${params.join('&')}`)
}

/** GET /studios/{studioId}/submissions.csv?from=&to= — China dates `YYYY-MM-DD`; a UTF-8 CSV (with BOM). */
export function downloadSubmissionsCsv(studioId: string, from: string, to: string): Promise<DownloadedFile> {
  return downloadFile(`/studios/${seg(studioId)}/submissions.csv?from=${seg(from)}&to=${seg(to)}`, {
    fallbackName: `意见建议_${from}_${to}.csv`,
    accept: 'text/csv',
    timeout: 30_000,
  })
}
