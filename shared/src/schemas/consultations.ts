import { z, idSchema, cursorSchema, dateSchema, timeSchema, nextCursorSchema } from './common';
import { requestIdSchema } from './booking';

/**
 * 协商 / 议事会 (四议两公开): a representative opens a consultation on one or several submissions — topic, date, time,
 * place, agenda, who is invited (the residents who raised them and who 附议'd them, the representatives, units by
 * name); invitees are told and may sign up; after the meeting the representative records attendance, minutes and the
 * decision (published on the board with the submissions it answers), and later the result of carrying it out.
 *
 * planned → held → result_published; planned → cancelled.
 */
export const CONSULTATION_STATUSES = ['planned', 'held', 'result_published', 'cancelled'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  planned: '待召开',
  held: '已召开，决定已公示',
  result_published: '结果已公示',
  cancelled: '已取消',
};

/** The steps; each is a route and moves the status from exactly one state (consultation-states.ts). */
export const CONSULTATION_STEPS = ['cancel', 'record', 'publish_result', 'sign_up', 'withdraw'] as const;
export type ConsultationStep = (typeof CONSULTATION_STEPS)[number];

/** A required text field of a 协商 (or a 协调会) form: its name in each message, trimmed, between min and max characters. */
export const consultationText = (field: string, min: number, max: number) =>
  z.string({ required_error: `请填写${field}`, invalid_type_error: `请填写${field}` }).trim().min(1, `请填写${field}`).min(min, `${field}至少 ${min} 个字`).max(max, `${field}不能超过 ${max} 个字`);

/**
 * What every meeting is called with (a studio's 协商, a town's 协调会): the client's retry key (the same key again, its
 * answer lost, answers the meeting it made), topic, date and time (China), place, the agenda.
 */
export const meetingFields = {
  requestId: requestIdSchema,
  topic: consultationText('议题', 4, 60),
  date: dateSchema,
  time: timeSchema,
  place: consultationText('地点', 2, 60),
  agenda: z.array(consultationText('议程', 2, 100), { required_error: '请填写议程', invalid_type_error: '请填写议程' }).min(1, '请至少写一项议程').max(10, '议程最多 10 项'),
};

/** POST /studios/{studioId}/consultations */
export const createConsultationRequest = z
  .object({
    ...meetingFields,
    submissionIds: z.array(idSchema, { required_error: '请选择要协商的意见', invalid_type_error: '请选择要协商的意见' }).min(1, '请至少选择一条意见').max(10, '一次最多协商 10 条意见'),
    /** Units invited by name, e.g. 城管办、物业. */
    invitedUnits: z.string().trim().max(100, '邀请单位不能超过 100 个字').optional(),
    /** How many may sign up; none: no limit. */
    capacity: z.number({ invalid_type_error: '人数上限应为数字' }).int('人数上限应为整数').min(1, '人数上限至少 1 人').max(500, '人数上限不能超过 500 人').optional(),
  })
  .strict()
  .refine((v) => new Set(v.submissionIds).size === v.submissionIds.length, { path: ['submissionIds'], message: '同一条意见选了两次' });
export type CreateConsultationRequest = z.infer<typeof createConsultationRequest>;

/** POST …/consultations/{id}/record — after the meeting: attendance, minutes, the decision (published). */
export const recordConsultationRequest = z
  .object({
    attendance: z.number({ required_error: '请填写到会人数', invalid_type_error: '到会人数应为数字' }).int('到会人数应为整数').min(1, '到会人数至少 1 人').max(1000, '到会人数不能超过 1000 人'),
    attendeeNames: z.string().trim().max(300, '到会人员不能超过 300 个字').optional(),
    minutes: consultationText('会议纪要', 10, 2000),
    decision: consultationText('协商决定', 5, 500),
  })
  .strict();
export type RecordConsultationRequest = z.infer<typeof recordConsultationRequest>;

/** POST …/consultations/{id}/result — the result of carrying out the decision (published). */
export const publishResultRequest = z.object({ result: consultationText('落实结果', 5, 500) }).strict();
export type PublishResultRequest = z.infer<typeof publishResultRequest>;

/** POST …/consultations/{id}/cancel */
export const cancelConsultationRequest = z.object({ reason: consultationText('取消原因', 2, 100) }).strict();
export type CancelConsultationRequest = z.infer<typeof cancelConsultationRequest>;

export const consultationPageQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export type ConsultationPageQuery = z.infer<typeof consultationPageQuery>;

/** A submission a consultation answers, as the public may read it (masked). */
export const consultedSubmissionView = z.object({ id: idSchema, category: z.string(), text: z.string() });

export const consultationView = z.object({
  id: idSchema,
  studioId: idSchema,
  topic: z.string(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  agenda: z.array(z.string()),
  submissions: z.array(consultedSubmissionView),
  invitedUnits: z.string().optional(),
  status: z.enum(CONSULTATION_STATUSES),
  statusLabel: z.string(),
  capacity: z.number().int().optional(),
  signedUp: z.number().int(),
  decision: z.string().optional(),
  decidedAt: z.string().optional(),
  result: z.string().optional(),
  resultAt: z.string().optional(),
  cancelReason: z.string().optional(),
  /** For the studio's people only: the minutes and attendance. */
  attendance: z.number().int().optional(),
  attendeeNames: z.string().optional(),
  minutes: z.string().optional(),
  /** For a signed-in resident: whether they signed up. */
  signedUpByMe: z.boolean().optional(),
});
export type ConsultationView = z.infer<typeof consultationView>;

export const consultationsPage = z.object({ items: z.array(consultationView), nextCursor: nextCursorSchema });
export type ConsultationsPage = z.infer<typeof consultationsPage>;

/** GET …/consultations/{id}/invitees — who is invited: residents (by name), representatives and units. */
export const consultationInviteesView = z.object({
  residents: z.array(z.object({ userId: z.string(), name: z.string(), why: z.enum(['raised', 'seconded']) })),
  representatives: z.array(z.object({ userId: z.string(), name: z.string() })),
  units: z.string().optional(),
});
export type ConsultationInviteesView = z.infer<typeof consultationInviteesView>;

export const consultationSignUpView = z.object({ consultationId: idSchema, signedUp: z.boolean(), count: z.number().int() });
export type ConsultationSignUpView = z.infer<typeof consultationSignUpView>;
