/** Shared fixtures for component tests: shapes follow @shared/schemas/booking. */
import type { BookingView, QueueEntryView, StandQueueResponse } from '@shared/schemas/booking'
import type { MyReadingsResponse, ReadingView } from '@shared/schemas/reading'
import type { StudioSubmissionView, SubmissionView } from '@shared/schemas/submission'
import { saveSession } from '../src/services/session'

export const STAND_ID = '01JD00000000000000000000T1'
export const STUDIO_ID = '01JD00000000000000000000S1'
export const BP = '01JD00000000000000000000A1'
export const SHOES = '01JD00000000000000000000A2'

export const FUTURE = '2099-01-01T00:00:00.000Z'

/** A grid of the studio (网格), and the grid head's. */
export const GRID_ID = '01JD00000000000000000000G1'
export const GRID_ID_2 = '01JD00000000000000000000G2'

export function signInAs(role: 'resident' | 'staff' | 'representative' | 'admin' | 'grid_head' = 'resident') {
  saveSession({
    token: 't',
    expiresAt: FUTURE,
    user: role === 'resident'
      ? { id: '01JD00000000000000000000U1', displayName: '王阿姨', role }
      : { id: '01JD00000000000000000000U2', displayName: '王志强', role, studioId: STUDIO_ID, studioName: '青石镇党代表工作室', ...(role === 'grid_head' ? { gridId: GRID_ID } : {}) },
  })
}

/** The studio's grids as `GET /studios/{id}/grids` answers. */
export const someGrids = () => [
  { id: GRID_ID, studioId: STUDIO_ID, name: '人民路网格', kind: '网格' as const, area: '人民路两侧', heads: [{ userId: '01JD00000000000000000000U2', displayName: '王志强' }] },
  { id: GRID_ID_2, studioId: STUDIO_ID, name: '新村院落', kind: '院落' as const, heads: [] },
]

export function aBooking(overrides: Partial<BookingView> = {}): BookingView {
  return {
    id: '01JD00000000000000000000B1',
    kind: 'booking',
    code: 'ACD347',
    status: 'booked',
    standId: STAND_ID,
    serviceId: BP,
    serviceName: '量血压',
    studioName: '青石镇党代表工作室',
    venueName: '青石镇集市',
    address: '青石镇老街 18 号',
    date: '2099-11-22',
    startTime: '09:00',
    endTime: '10:00',
    createdAt: '2099-11-20T01:00:00.000Z',
    ...overrides,
  }
}

export function anEntry(overrides: Partial<QueueEntryView> = {}): QueueEntryView {
  return { ...aBooking(), residentName: '王阿姨', ...overrides }
}

export function aQueue(): StandQueueResponse {
  return {
    stand: { id: STAND_ID, date: '2099-11-22', startTime: '08:00', endTime: '12:00', venueName: '青石镇集市', studioName: '青石镇党代表工作室', status: 'scheduled' },
    services: [
      {
        serviceId: BP,
        name: '量血压',
        keepsHealthReadings: true,
        queue: [
          anEntry({ id: '01JD000000000000000000000E', status: 'called', queueNumber: 1, checkedInAt: '2099-11-22T01:00:00.000Z' }),
          anEntry({ id: '01JD000000000000000000000F', status: 'checked_in', queueNumber: 2, residentName: '李大爷', code: 'CDE467' }),
          anEntry({ id: '01JD000000000000000000000G', kind: 'walk_in', status: 'checked_in', queueNumber: 3, code: undefined, residentName: undefined }),
        ],
        expected: [anEntry({ id: '01JD000000000000000000000H', residentName: '张奶奶', code: 'FGH763', startTime: '10:00', endTime: '11:00' })],
      },
      { serviceId: SHOES, name: '修鞋', keepsHealthReadings: false, queue: [], expected: [] },
    ],
  }
}

export type RequestCall = { url: string; method?: string; data?: Record<string, unknown>; header?: Record<string, string> }

export const ok = (data: unknown, statusCode = 200) => Promise.resolve({ statusCode, data })
/** An error answer of the API; `reason` as the API gives it for the 409s a screen tells apart. */
export const apiError = (statusCode: number, code: string, message: string, reason?: string) =>
  Promise.resolve({ statusCode, data: { error: { code, message, ...(reason ? { reason } : {}) } } })
export const networkDown = () => Promise.reject({ errMsg: 'request:fail timeout' })

/* ---------- health readings (shapes follow @shared/schemas/reading) ---------- */

export function aReading(overrides: Partial<ReadingView> = {}): ReadingView {
  return {
    id: '01JD00000000000000000000R1',
    systolic: 138,
    diastolic: 85,
    pulse: 72,
    measuredAt: '2099-11-22T01:12:00.000Z',
    venueName: '青石镇集市',
    serviceName: '量血压',
    expiresAt: '2100-05-21T01:12:00.000Z',
    ...overrides,
  }
}

export function myReadings(readings: ReadingView[], consent = true, retentionDays = 180): MyReadingsResponse {
  return { readings, consent: { consent, retentionDays, ...(consent ? { updatedAt: '2099-11-01T02:00:00.000Z' } : {}) } }
}

/* ---------- submissions (shapes follow @shared/schemas/submission) ---------- */

export const SUBMISSION_ID = '01JD00000000000000000000Q1'

export function aSubmission(overrides: Partial<SubmissionView> = {}): SubmissionView {
  return {
    id: SUBMISSION_ID,
    studioId: STUDIO_ID,
    studioName: '青石镇党代表工作室',
    standId: STAND_ID,
    venueName: '青石镇集市',
    source: 'resident',
    canRate: false,
    category: '道路交通',
    text: '老街口的路灯坏了两个星期，晚上走路看不清。',
    place: '老街口',
    public: true,
    status: 'submitted',
    createdAt: '2099-11-20T01:00:00.000Z',
    replyDueDate: '2099-12-07',
    timeline: [{ kind: '已提交', at: '2099-11-20T01:00:00.000Z', by: '青石镇党代表工作室' }],
    ...overrides,
  }
}

export function aStudioSubmission(overrides: Partial<StudioSubmissionView> = {}): StudioSubmissionView {
  return {
    ...aSubmission(),
    acceptDueDate: '2099-11-23',
    contentHeld: false,
    notes: [],
    allowedActions: ['accept'],
    seconds: 0,
    ...overrides,
  }
}
