import { z, cursorSchema, idSchema, dateSchema, nextCursorSchema, timeSchema } from './common';
import { TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH } from '../ticket-code';
import { codeProblem, normaliseCode } from '../code-format';

/** Where a place in a stand's queue stands. `called` and `checked_in` are both "here" to a resident. */
export const BOOKING_STATUSES = ['booked', 'checked_in', 'called', 'served', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  checked_in: '已签到',
  called: '已叫号',
  served: '已完成',
  cancelled: '已取消',
  no_show: '未到',
};

/** A retry key made by the client once per tap; the same key never books twice. */
export const requestIdSchema = z
  .string({ required_error: '缺少请求编号，请刷新后重试' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确，请刷新后重试');

const phoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

/** POST /bookings — a resident takes a place in a slot. */
export const bookSlotRequest = z
  .object({
    standId: idSchema,
    serviceId: idSchema,
    startTime: timeSchema,
    requestId: requestIdSchema,
    /** Home-visit services only: where to come, and (with the consent tick) a phone number to call. */
    address: z.string().trim().min(5, '请填写详细地址（至少 5 个字）').max(100, '地址不能超过 100 个字').optional(),
    phone: phoneSchema.optional(),
    phoneConsent: z.boolean().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.phone && value.phoneConsent !== true) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phoneConsent'], message: '留手机号需要您勾选同意' });
    }
  });
export type BookSlotRequest = z.infer<typeof bookSlotRequest>;

export const ticketCodeSchema = z
  .string({ required_error: '请输入预约码' })
  .max(40, '预约码太长了，请核对')
  .transform(normaliseCode)
  .superRefine((code, ctx) => {
    const problem = codeProblem(code, '预约码', TICKET_CODE_LENGTH, TICKET_CODE_ALPHABET);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

export const bookingView = z.object({
  id: idSchema,
  kind: z.enum(['booking', 'walk_in']),
  /** The ticket code shown at the stand (bookings only). */
  code: z.string().optional(),
  /** Place in the service's queue, given at check-in or when a walk-in takes a number. */
  queueNumber: z.number().int().optional(),
  status: z.enum(BOOKING_STATUSES),
  standId: idSchema,
  serviceId: idSchema,
  serviceName: z.string(),
  /** 由…提供: the member unit (成员单位) that provides the service, when one does. */
  providerName: z.string().optional(),
  studioName: z.string(),
  venueName: z.string(),
  address: z.string(),
  date: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  createdAt: z.string(),
  checkedInAt: z.string().optional(),
  checkedInBy: z.string().optional(),
  servedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
});
export type BookingView = z.infer<typeof bookingView>;

/** GET /me/bookings?cursor= — the first page has every upcoming booking; the next pages (`cursor`) older ones. */
export const myBookingsQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export type MyBookingsQuery = z.infer<typeof myBookingsQuery>;

/** GET /me/bookings — upcoming first (soonest first), then past ones (latest first), a page at a time. */
export const myBookingsResponse = z.object({ upcoming: z.array(bookingView), past: z.array(bookingView), nextCursor: nextCursorSchema });
export type MyBookingsResponse = z.infer<typeof myBookingsResponse>;

/** POST /stands/{standId}/check-ins — staff type or scan a ticket code. */
export const checkInRequest = z.object({ code: ticketCodeSchema }).strict();
export type CheckInRequest = z.infer<typeof checkInRequest>;

/** POST /stands/{standId}/walk-ins — a numbered place for someone without a booking (no phone, no account). */
export const walkInRequest = z
  .object({
    serviceId: idSchema,
    requestId: requestIdSchema,
    /** Staff add one even though the service is full today; recorded on the entry. */
    overrideFull: z.boolean().default(false),
    note: z.string().trim().max(50, '备注不能超过 50 个字').optional(),
  })
  .strict();
export type WalkInRequest = z.infer<typeof walkInRequest>;

export const queueEntryView = bookingView.extend({
  residentName: z.string().optional(),
  overrideFull: z.boolean().optional(),
  note: z.string().optional(),
});
export type QueueEntryView = z.infer<typeof queueEntryView>;

/** GET /stands/{standId}/queue — today's stand for its staff: one queue per service. */
export const standQueueResponse = z.object({
  stand: z.object({ id: idSchema, date: dateSchema, startTime: timeSchema, endTime: timeSchema, venueName: z.string(), studioName: z.string(), status: z.enum(['scheduled', 'cancelled']) }),
  services: z.array(
    z.object({
      serviceId: idSchema,
      name: z.string(),
      keepsHealthReadings: z.boolean(),
      /** Checked in / walk-ins, in queue order, then those called and served. */
      queue: z.array(queueEntryView),
      /** Booked and not (yet) here, by slot time. */
      expected: z.array(queueEntryView),
    }),
  ),
});
export type StandQueueResponse = z.infer<typeof standQueueResponse>;

/** GET /studios/{studioId}/stands?date=YYYY-MM-DD — the studio's stands on a day (today by default). */
export const studioStandsResponse = z.object({
  stands: z.array(z.object({ id: idSchema, venueId: idSchema, venueName: z.string(), date: dateSchema, startTime: timeSchema, endTime: timeSchema, status: z.enum(['scheduled', 'cancelled']) })),
});
export type StudioStandsResponse = z.infer<typeof studioStandsResponse>;

/** Query of GET /studios/{studioId}/stands. */
export const studioStandsQuery = z.object({ date: dateSchema.optional() }).strict();
export type StudioStandsQuery = z.infer<typeof studioStandsQuery>;

/** GET /stands/{standId}/screen — the stand's large display: queue numbers only, nothing personal. */
export const queueScreenResponse = z.object({
  stand: z.object({ venueName: z.string(), studioName: z.string(), date: dateSchema }),
  services: z.array(z.object({ serviceId: idSchema, name: z.string(), nowServing: z.number().int().optional(), next: z.array(z.number().int()) })),
});
export type QueueScreenResponse = z.infer<typeof queueScreenResponse>;
