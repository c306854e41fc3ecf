import { z, idSchema, cursorSchema, nextCursorSchema } from './common';
import { cancelConsultationRequest, CONSULTATION_STATUSES, consultationText as text, meetingFields, publishResultRequest } from './consultations';

/**
 * 协调会 / 联席会: the town-level 协商 of the alliance's member units (成员单位), called monthly by the town's 镇街管理员 —
 * topic, date, time, place, agenda, the invited units (all active ones unless chosen) and optionally studios; the
 * invited units' liaisons and the invited studios' admins are told. The same steps as a studio's 协商: planned →
 * held (attendance per unit, minutes, the decision) → result published; planned → cancelled.
 */
const distinct = (ids: readonly string[] | undefined) => !ids || new Set(ids).size === ids.length;

/** POST /towns/{townId}/coordinations */
export const createCoordinationRequest = z
  .object({
    ...meetingFields,
    /** The invited units; none: every active unit of the town. */
    unitIds: z.array(idSchema, { invalid_type_error: '请选择邀请的成员单位' }).min(1, '请至少邀请一个成员单位').max(50, '一次最多邀请 50 个成员单位').optional(),
    /** Studios of the town whose admins are invited too. */
    studioIds: z.array(idSchema, { invalid_type_error: '请选择邀请的工作室' }).max(30, '一次最多邀请 30 个工作室').optional(),
  })
  .strict()
  .refine((v) => distinct(v.unitIds), { path: ['unitIds'], message: '同一个成员单位选了两次' })
  .refine((v) => distinct(v.studioIds), { path: ['studioIds'], message: '同一个工作室选了两次' });
export type CreateCoordinationRequest = z.infer<typeof createCoordinationRequest>;

/** POST …/coordinations/{id}/record — after the meeting: which invited units attended, the minutes, the decision. */
export const recordCoordinationRequest = z
  .object({
    presentUnitIds: z.array(idSchema, { required_error: '请勾选到会的成员单位', invalid_type_error: '请勾选到会的成员单位' }).max(50, '到会单位不能超过 50 个'),
    minutes: text('会议纪要', 10, 2000),
    decision: text('会议决定', 5, 500),
  })
  .strict()
  .refine((v) => distinct(v.presentUnitIds), { path: ['presentUnitIds'], message: '同一个成员单位勾选了两次' });
export type RecordCoordinationRequest = z.infer<typeof recordCoordinationRequest>;

/** POST …/coordinations/{id}/result — the result of carrying out the decision (as a 协商's). */
export const coordinationResultRequest = publishResultRequest;
export type CoordinationResultRequest = z.infer<typeof coordinationResultRequest>;

/** POST …/coordinations/{id}/cancel (as a 协商's). */
export const cancelCoordinationRequest = cancelConsultationRequest;
export type CancelCoordinationRequest = z.infer<typeof cancelCoordinationRequest>;

export const coordinationPageQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export type CoordinationPageQuery = z.infer<typeof coordinationPageQuery>;

export const coordinationView = z.object({
  id: idSchema,
  townId: idSchema,
  townName: z.string(),
  topic: z.string(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  agenda: z.array(z.string()),
  /** The invited units; once recorded, whether each attended. */
  units: z.array(z.object({ id: idSchema, name: z.string(), present: z.boolean().optional() })),
  studios: z.array(z.object({ id: idSchema, name: z.string() })),
  status: z.enum(CONSULTATION_STATUSES),
  statusLabel: z.string(),
  minutes: z.string().optional(),
  decision: z.string().optional(),
  decidedAt: z.string().optional(),
  result: z.string().optional(),
  resultAt: z.string().optional(),
  cancelReason: z.string().optional(),
});
export type CoordinationView = z.infer<typeof coordinationView>;

export const coordinationsPage = z.object({ items: z.array(coordinationView), nextCursor: nextCursorSchema });
export type CoordinationsPage = z.infer<typeof coordinationsPage>;
