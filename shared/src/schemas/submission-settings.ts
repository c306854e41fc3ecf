/** A studio's submission settings (categories, time limits, days off, 超期上报) and its reply templates. Re-exported by ./submission. */
import { z } from './common';

// ---- A studio's own categories, time limits and holidays ----

export const categorySettingSchema = z
  .object({
    name: z.string({ required_error: '请填写类别名称' }).trim().min(2, '类别名称至少 2 个字').max(10, '类别名称不能超过 10 个字'),
    /** Working days to accept (0 = the same day) and to reply. */
    acceptDays: z.number({ invalid_type_error: '受理时限应为数字' }).int('受理时限应为整数').min(0, '受理时限不能为负').max(30, '受理时限最多 30 个工作日'),
    replyDays: z.number({ invalid_type_error: '答复时限应为数字' }).int('答复时限应为整数').min(0, '答复时限不能为负').max(60, '答复时限最多 60 个工作日'),
  })
  .strict()
  .refine((c) => c.replyDays >= c.acceptDays, { path: ['replyDays'], message: '答复时限不能短于受理时限' });
export type CategorySetting = z.infer<typeof categorySettingSchema>;

/** Working days overdue after which the daily job reports a matter to the studio's admin, unless the studio says otherwise. */
export const DEFAULT_ESCALATE_AFTER_DAYS = 3;

const dateList = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')).max(60, '最多 60 天');

/** PUT /studios/{studioId}/submission-settings — the admin's categories with their time limits, and extra days off / 调休. */
export const submissionSettingsRequest = z
  .object({
    categories: z
      .array(categorySettingSchema)
      .min(1, '至少保留一个类别')
      .max(12, '最多 12 个类别')
      .refine((list) => new Set(list.map((c) => c.name)).size === list.length, '类别名称不能重复'),
    holidays: dateList.default([]),
    workdays: dateList.default([]),
    /** 超期上报: a matter overdue by this many working days is reported to the studio's admin (the daily 催办 job). */
    escalateAfterDays: z.number({ invalid_type_error: '上报天数应为数字' }).int('上报天数应为整数').min(1, '上报天数至少 1 个工作日').max(30, '上报天数最多 30 个工作日').default(DEFAULT_ESCALATE_AFTER_DAYS),
  })
  .strict();
export type SubmissionSettingsRequest = z.infer<typeof submissionSettingsRequest>;

export const submissionSettingsResponse = z.object({
  categories: z.array(z.object({ name: z.string(), acceptDays: z.number().int(), replyDays: z.number().int() })),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  escalateAfterDays: z.number().int(),
  /**
   * The national calendar of this year and the next (entered by an operator, `npm run holidays`): which are entered
   * and from what notice, and the admin's warning when one that should be is missing (its deadlines count weekends only).
   */
  national: z.object({ years: z.array(z.object({ year: z.number().int(), entered: z.boolean(), source: z.string().optional() })), warning: z.string().optional() }).optional(),
});
export type SubmissionSettingsResponse = z.infer<typeof submissionSettingsResponse>;

// ---- A studio's reply templates (答复模板), edited by its representatives and admin ----

export const MAX_REPLY_TEMPLATES = 12;

export const replyTemplateSchema = z
  .object({
    title: z.string({ required_error: '请填写模板名称' }).trim().min(2, '模板名称至少 2 个字').max(10, '模板名称不能超过 10 个字'),
    /** May contain {类别} {部门} {期限} {地点} {工作室}, filled in from the submission when used. */
    text: z.string({ required_error: '请填写模板内容' }).trim().min(5, '模板内容至少 5 个字').max(500, '模板内容不能超过 500 个字'),
  })
  .strict();
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;

/** PUT /studios/{studioId}/reply-templates — the whole list, with the version it was edited from. */
export const replyTemplatesRequest = z
  .object({
    templates: z
      .array(replyTemplateSchema)
      .max(MAX_REPLY_TEMPLATES, `最多 ${MAX_REPLY_TEMPLATES} 个模板`)
      .refine((list) => new Set(list.map((t) => t.title)).size === list.length, '模板名称不能重复'),
    /** The version read (0 for the defaults); an edit made meanwhile by someone else is refused with 409. */
    version: z.number({ required_error: '缺少版本号，请刷新后再改', invalid_type_error: '版本号应为数字' }).int('版本号应为整数').min(0, '版本号不正确，请刷新后再改').max(1_000_000, '版本号不正确，请刷新后再改'),
  })
  .strict();
export type ReplyTemplatesRequest = z.infer<typeof replyTemplatesRequest>;

export const replyTemplatesResponse = z.object({
  templates: z.array(z.object({ title: z.string(), text: z.string() })),
  version: z.number().int(),
  /** Present once someone has edited them; absent while the defaults are in use. */
  updatedAt: z.string().optional(),
});
export type ReplyTemplatesResponse = z.infer<typeof replyTemplatesResponse>;
