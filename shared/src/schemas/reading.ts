import { z, idSchema } from './common';
import { requestIdSchema } from './booking';

const reading = (label: string, min: number, max: number) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}应在 ${min}–${max} 之间`)
    .max(max, `${label}应在 ${min}–${max} 之间`);

/** POST /stands/{standId}/entries/{entryId}/reading — staff record a blood-pressure check. */
export const recordReadingRequest = z
  .object({
    /** A retry key: sent again after a dropped answer, it returns the reading already kept instead of a second one. */
    requestId: requestIdSchema,
    systolic: reading('收缩压（高压）', 60, 260),
    diastolic: reading('舒张压（低压）', 30, 160),
    pulse: reading('脉搏', 30, 220).optional(),
  })
  .strict()
  .refine((r) => r.systolic > r.diastolic, { path: ['diastolic'], message: '舒张压（低压）应低于收缩压（高压）' });
export type RecordReadingRequest = z.infer<typeof recordReadingRequest>;

/** PUT /me/consents/health-readings — the separate consent to keep health readings (sensitive personal information). */
export const healthConsentRequest = z.object({ consent: z.boolean({ required_error: '请选择是否同意', invalid_type_error: '请选择是否同意' }) }).strict();
export type HealthConsentRequest = z.infer<typeof healthConsentRequest>;

export const healthConsentView = z.object({ consent: z.boolean(), updatedAt: z.string().optional(), retentionDays: z.number().int() });
export type HealthConsentView = z.infer<typeof healthConsentView>;

export const readingView = z.object({
  id: idSchema,
  systolic: z.number().int(),
  diastolic: z.number().int(),
  pulse: z.number().int().optional(),
  measuredAt: z.string(),
  venueName: z.string(),
  serviceName: z.string(),
  /** The day it will be deleted by itself. */
  expiresAt: z.string(),
});
export type ReadingView = z.infer<typeof readingView>;

/** GET /me/readings — oldest first, for the chart. */
export const myReadingsResponse = z.object({ readings: z.array(readingView), consent: healthConsentView });
export type MyReadingsResponse = z.infer<typeof myReadingsResponse>;
