import { z, dateSchema, idSchema, timeSchema } from './common';
import { BOOKING_STATUSES } from './booking';

/**
 * POST /stands/{standId}/entries/{entryId}/record — what was done for a place in a stand's queue: served (已完成) or
 * not come (未到), with a short note (e.g. 血压 135/85，建议复查). Staff of the stand's studio, or a liaison of the unit
 * that provides the entry's service.
 */
export const recordEntryRequest = z
  .object({
    outcome: z.enum(['served', 'no_show'], { required_error: '请选择服务结果', invalid_type_error: '服务结果只能是已服务或未到' }),
    note: z.string().trim().max(100, '记录不能超过 100 个字').optional(),
  })
  .strict();
export type RecordEntryRequest = z.infer<typeof recordEntryRequest>;

/** One booking (or walk-in) of a unit's service, as its liaison sees it: the phone (home visits only) masked. */
export const unitServiceEntryView = z.object({
  id: idSchema,
  kind: z.enum(['booking', 'walk_in']),
  status: z.enum(BOOKING_STATUSES),
  residentName: z.string().optional(),
  /** The ticket code (bookings) and the queue number once checked in. */
  code: z.string().optional(),
  queueNumber: z.number().int().optional(),
  startTime: timeSchema,
  endTime: timeSchema,
  /** 138****5678: only for a home visit whose phone is still kept. */
  phone: z.string().optional(),
  note: z.string().optional(),
});
export type UnitServiceEntryView = z.infer<typeof unitServiceEntryView>;

/** One market day where the unit's service is offered, with its bookings. */
export const unitServiceDayView = z.object({
  standId: idSchema,
  date: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  status: z.enum(['scheduled', 'cancelled']),
  studioName: z.string(),
  venueName: z.string(),
  address: z.string(),
  service: z.object({ id: idSchema, name: z.string() }),
  counts: z.object({ booked: z.number().int(), served: z.number().int(), noShows: z.number().int() }),
  entries: z.array(unitServiceEntryView),
});
export type UnitServiceDayView = z.infer<typeof unitServiceDayView>;

/** GET /me/unit-services — 本单位服务: the unit's market days, upcoming (soonest first) and the last two weeks' (latest first). */
export const unitServiceDaysResponse = z.object({
  unit: z.object({ id: idSchema, name: z.string() }),
  upcoming: z.array(unitServiceDayView),
  recent: z.array(unitServiceDayView),
});
export type UnitServiceDaysResponse = z.infer<typeof unitServiceDaysResponse>;
