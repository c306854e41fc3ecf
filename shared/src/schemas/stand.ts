import { z, idSchema, dateSchema, timeSchema } from './common';

export const STAND_STATUSES = ['scheduled', 'cancelled'] as const;

export const slotView = z.object({
  id: z.string(),
  startTime: timeSchema,
  endTime: timeSchema,
  capacity: z.number().int(),
  booked: z.number().int(),
  left: z.number().int(),
  /** Over already (China time): shown as 已过, never bookable. */
  past: z.boolean(),
});
export type SlotView = z.infer<typeof slotView>;

export const standServiceView = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  minutesPerPerson: z.number().int(),
  homeVisit: z.boolean(),
  /** 由…提供: the member unit (成员单位) that provides the service, when one does. */
  providerName: z.string().optional(),
  slots: z.array(slotView),
});
export type StandServiceView = z.infer<typeof standServiceView>;

/** GET /stands/by-scene/{scene} — what a resident sees after scanning a venue's code. */
export const standPageResponse = z.object({
  studio: z.object({ id: idSchema, name: z.string() }),
  venue: z.object({ id: idSchema, name: z.string(), address: z.string() }),
  stand: z.object({
    id: idSchema,
    date: dateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    status: z.enum(STAND_STATUSES),
    isToday: z.boolean(),
  }),
  /**
   * Set when today's stand at this venue is already over (its last slot has ended): `stand` is then the next market
   * day, and this says when today's ended, so the page can say 今天的服务已结束.
   */
  endedToday: z.object({ date: dateSchema, endTime: timeSchema }).optional(),
  services: z.array(standServiceView),
});
export type StandPageResponse = z.infer<typeof standPageResponse>;
