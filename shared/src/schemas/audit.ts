import { z, cursorSchema, idSchema, roleSchema } from './common';

/** What the audit trail records: who saw or changed what (never the personal detail itself). */
export const AUDIT_KINDS = [
  'phone_revealed',
  'csv_exported',
  'invite_created',
  'role_changed',
  'stand_cancelled',
  'service_changed',
  'venue_changed',
  'stands_generated',
  'settings_changed',
  'templates_changed',
  'readings_deleted',
  'coin_settings_changed',
  'errand_contact_revealed',
  'errand_kinds_changed',
  'desk_signed_in',
  'grid_changed',
  'department_changed',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  phone_revealed: '查看完整手机号',
  csv_exported: '导出意见建议',
  invite_created: '发放邀请码',
  role_changed: '角色变更',
  stand_cancelled: '取消服务',
  service_changed: '修改服务项目',
  venue_changed: '修改地点与排期',
  stands_generated: '生成服务点',
  settings_changed: '修改类别与时限',
  templates_changed: '修改答复模板',
  readings_deleted: '删除健康读数',
  coin_settings_changed: '修改幸福币规则与奖品',
  errand_contact_revealed: '查看代办服务的地址电话',
  errand_kinds_changed: '修改代办服务目录',
  desk_signed_in: '扫码登录电脑工作台',
  grid_changed: '修改网格',
  department_changed: '修改承办部门',
};

/** GET /studios/{studioId}/audit?actorId=&kind=&cursor= — newest first. */
export const auditQuery = z
  .object({
    actorId: idSchema.optional(),
    kind: z.enum(AUDIT_KINDS, { errorMap: () => ({ message: '请选择有效的记录类型' }) }).optional(),
    cursor: cursorSchema.optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(AUDIT_KINDS),
  /** Who did it: a studio person by name; a resident acting on their own data is never named. */
  actorId: z.string().optional(),
  actorName: z.string(),
  actorRole: roleSchema,
  /** What it was about, in Chinese (e.g. `洛社农贸集市 11月26日`); never a phone number or a reading. */
  summary: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditLogResponse = z.object({
  entries: z.array(auditEntryView),
  /** Present when there are older entries: send it back as `cursor`. */
  nextCursor: z.string().optional(),
});
export type AuditLogResponse = z.infer<typeof auditLogResponse>;
