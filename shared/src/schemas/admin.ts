import { z, idSchema, dateSchema, timeSchema } from './common';

/** POST/PUT /studios/{studioId}/services — what a studio offers at its stands. */
export const upsertServiceRequest = z
  .object({
    name: z.string({ required_error: '请填写服务名称' }).trim().min(2, '服务名称至少 2 个字').max(20, '服务名称不能超过 20 个字'),
    description: z.string().trim().max(100, '说明不能超过 100 个字').default(''),
    minutesPerPerson: z.number({ required_error: '请填写每人所需分钟数', invalid_type_error: '每人所需分钟数应为数字' }).int('每人所需分钟数应为整数').min(1, '每人至少 1 分钟').max(240, '每人最多 240 分钟'),
    peoplePerSlot: z.number({ required_error: '请填写每个时段可服务人数', invalid_type_error: '每个时段可服务人数应为数字' }).int('每个时段可服务人数应为整数').min(1, '每个时段至少 1 人').max(50, '每个时段最多 50 人'),
    homeVisit: z.boolean().default(false),
    keepsHealthReadings: z.boolean().default(false),
    /** 提供单位: a member unit (成员单位) of the studio's town that provides the service (义诊 by 卫生院); none when the studio does. */
    providerUnitId: idSchema.optional(),
  })
  .strict();
export type UpsertServiceRequest = z.infer<typeof upsertServiceRequest>;

export const serviceView = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  minutesPerPerson: z.number().int(),
  peoplePerSlot: z.number().int(),
  homeVisit: z.boolean(),
  keepsHealthReadings: z.boolean(),
  providerUnitId: idSchema.optional(),
  /** The provider's name, copied when it was chosen: 由洛社镇卫生院提供. */
  providerName: z.string().optional(),
});
export type ServiceView = z.infer<typeof serviceView>;

/** POST /venues/{venueId}/stands/generate — make the stands of the weeks ahead from the venue's rules. */
export const generateStandsRequest = z
  .object({ weeks: z.number({ invalid_type_error: '周数应为数字' }).int('周数应为整数').min(1, '至少 1 周').max(12, '最多 12 周').default(4) })
  .strict();
export type GenerateStandsRequest = z.infer<typeof generateStandsRequest>;

export const generateStandsResponse = z.object({ created: z.array(dateSchema), existing: z.array(dateSchema) });
export type GenerateStandsResponse = z.infer<typeof generateStandsResponse>;

/** POST /stands/{standId}/cancel — e.g. bad weather; everyone booked gets a notice. */
export const cancelStandRequest = z
  .object({ reason: z.string({ required_error: '请填写取消原因' }).trim().min(2, '取消原因至少 2 个字').max(20, '取消原因不能超过 20 个字') })
  .strict();
export type CancelStandRequest = z.infer<typeof cancelStandRequest>;

export const cancelStandResponse = z.object({ standId: idSchema, status: z.literal('cancelled'), cancelledBookings: z.number().int(), notified: z.number().int() });
export type CancelStandResponse = z.infer<typeof cancelStandResponse>;

/** GET /stands/{standId}/summary — what the stand did, per service. */
export const standSummaryResponse = z.object({
  stand: z.object({ id: idSchema, date: dateSchema, startTime: timeSchema, endTime: timeSchema, venueName: z.string(), status: z.enum(['scheduled', 'cancelled']) }),
  services: z.array(
    z.object({
      serviceId: idSchema,
      name: z.string(),
      booked: z.number().int(),
      served: z.number().int(),
      walkIns: z.number().int(),
      overrides: z.number().int(),
      noShows: z.number().int(),
      cancelled: z.number().int(),
      /** China wall-clock check-in times, in order. */
      checkInTimes: z.array(timeSchema),
    }),
  ),
  totals: z.object({ served: z.number().int(), walkIns: z.number().int(), noShows: z.number().int() }),
});
export type StandSummaryResponse = z.infer<typeof standSummaryResponse>;

/** GET /studios/{studioId}/provider-units — the active member units of the studio's town, for the service editor. */
export const providerUnitsResponse = z.object({ units: z.array(z.object({ id: idSchema, name: z.string(), kind: z.string() })) });
export type ProviderUnitsResponse = z.infer<typeof providerUnitsResponse>;

/** GET /studios/{studioId}/services */
export const servicesResponse = z.object({ services: z.array(serviceView) });
export type ServicesResponse = z.infer<typeof servicesResponse>;
