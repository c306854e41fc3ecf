import { z, cursorSchema, idSchema, nextCursorSchema } from './common';
import { photoListSchema, photoView } from './photo';
import { SUBMISSION_STATUSES, submissionEventView } from './submission';
import { HAND_ON_STATES } from '../submission/hand-on';

/**
 * Departments that answer (部门与联络员): a studio's units (城管办, 环卫所, 派出所, 卫生院 …), the 大事 handed on to
 * them (a hand-on: its own due date), and what their liaisons (部门联络员) do with them — 签收, 办理进展, 办理结果, 退回.
 */

const departmentName = z.string({ required_error: '请填写部门名称' }).trim().min(2, '部门名称至少 2 个字').max(20, '部门名称不能超过 20 个字');
const departmentNote = z.string().trim().max(100, '说明不能超过 100 个字');

export const departmentView = z.object({
  id: idSchema,
  name: z.string(),
  note: z.string().optional(),
  active: z.boolean(),
  /** A member unit of the studio's town (成员单位: 卫生院, 中心小学 …), not the studio's own: it answers as a department. */
  memberUnit: z.boolean().optional(),
});
export type DepartmentView = z.infer<typeof departmentView>;

/** GET /studios/{studioId}/departments — the studio's own, in service first, by name; then the town's active member units. */
export const departmentsResponse = z.object({ departments: z.array(departmentView) });
export type DepartmentsResponse = z.infer<typeof departmentsResponse>;

/** POST /studios/{studioId}/departments */
export const addDepartmentRequest = z.object({ name: departmentName, note: departmentNote.optional() }).strict();
export type AddDepartmentRequest = z.infer<typeof addDepartmentRequest>;

/** PATCH /studios/{studioId}/departments/{departmentId} — rename, a new note, retire (停用) or back in service. */
export const updateDepartmentRequest = z
  .object({ name: departmentName.optional(), note: departmentNote.optional(), active: z.boolean({ invalid_type_error: '请选择是否启用' }).optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.note !== undefined || v.active !== undefined, { path: ['name'], message: '请填写要修改的内容' });
export type UpdateDepartmentRequest = z.infer<typeof updateDepartmentRequest>;

/** GET /departments/{departmentId}/queue?cursor= */
export const departmentQueueQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export type DepartmentQueueQuery = z.infer<typeof departmentQueueQuery>;

/** A matter handed on to a department, as its liaison sees it in the queue: no resident's name or phone. */
export const handOnView = z.object({
  submissionId: idSchema,
  handOnId: idSchema,
  departmentId: idSchema,
  department: z.string(),
  studioName: z.string(),
  category: z.string(),
  /** The first 60 characters, personal details masked. */
  summary: z.string(),
  state: z.enum(HAND_ON_STATES),
  stateLabel: z.string(),
  /** The hand-on's own due date (China date). */
  dueDate: z.string(),
  handedAt: z.string(),
  acknowledgedAt: z.string().optional(),
  answeredAt: z.string().optional(),
  /** Open (待签收 / 办理中) and past its due date. */
  overdue: z.boolean(),
});
export type HandOnView = z.infer<typeof handOnView>;

/** The department's queue: open matters first, soonest due first; then those done with, latest first. */
export const departmentQueueResponse = z.object({ department: departmentView, items: z.array(handOnView), nextCursor: nextCursorSchema });
export type DepartmentQueueResponse = z.infer<typeof departmentQueueResponse>;

/** One matter as the liaison handles it: the text (masked), place, photos, and the steps residents see. */
export const liaisonMatterView = handOnView.extend({
  text: z.string(),
  place: z.string().optional(),
  photos: z.array(photoView).optional(),
  status: z.enum(SUBMISSION_STATUSES),
  timeline: z.array(submissionEventView),
  /** What the liaison may do now: acknowledge, progress, result, hand_back. */
  allowedSteps: z.array(z.string()),
});
export type LiaisonMatterView = z.infer<typeof liaisonMatterView>;

/** POST …/progress — 办理进展 (a milestone followers see). */
export const departmentProgressRequest = z.object({ text: z.string({ required_error: '请写明进展' }).trim().min(4, '进展至少写 4 个字').max(300, '进展不能超过 300 个字') }).strict();
export type DepartmentProgressRequest = z.infer<typeof departmentProgressRequest>;

/** POST …/result — 办理结果, with up to 3 photos uploaded through POST /photo-uploads. */
export const departmentResultRequest = z
  .object({ text: z.string({ required_error: '请写明办理结果' }).trim().min(4, '办理结果至少写 4 个字').max(1000, '办理结果不能超过 1000 个字'), photos: photoListSchema.optional() })
  .strict();
export type DepartmentResultRequest = z.infer<typeof departmentResultRequest>;

/** POST …/hand-back — 退回, with the reason (the representatives see it; residents see that it came back). */
export const handBackRequest = z.object({ reason: z.string({ required_error: '请写明退回的原因' }).trim().min(4, '退回原因至少写 4 个字').max(200, '退回原因不能超过 200 个字') }).strict();
export type HandBackRequest = z.infer<typeof handBackRequest>;
