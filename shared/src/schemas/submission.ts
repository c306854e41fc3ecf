import { z, idSchema } from './common';
import { requestIdSchema } from './booking';

/** Where a submission came from: the resident's own phone, or entered for them by staff (代填). */
export const SUBMISSION_SOURCES = ['resident', 'on_behalf'] as const;

/** The studio's own category list; these are the defaults a new studio starts with. */
export const DEFAULT_SUBMISSION_CATEGORIES = ['环境卫生', '道路交通', '治安安全', '民生服务', '邻里纠纷', '其他'] as const;

const text = z
  .string({ required_error: '请写下您的意见或建议', invalid_type_error: '内容格式不正确' })
  .trim()
  .min(5, '请至少写 5 个字，把事情说清楚')
  .max(1000, '内容不能超过 1000 个字');

const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

/** POST /submissions — a resident's suggestion or complaint (意见建议). */
export const submitRequest = z
  .object({
    requestId: requestIdSchema,
    studioId: idSchema,
    /** Set when the resident scanned a stand: the submission is linked to it. */
    standId: idSchema.optional(),
    category: z.string({ required_error: '请选择类别' }).trim().min(1, '请选择类别').max(20, '类别不存在'),
    text,
    place: z.string().trim().max(50, '地点不能超过 50 个字').optional(),
    /** May it appear, without personal details, on the studio's public board (公示墙)? */
    public: z.boolean({ required_error: '请选择是否公开', invalid_type_error: '请选择是否公开' }),
    phone: phone.optional(),
    phoneConsent: z.boolean().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.phone && value.phoneConsent !== true) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phoneConsent'], message: '留手机号需要您勾选同意' });
    }
  });
export type SubmitRequest = z.infer<typeof submitRequest>;

export const SUBMISSION_STATUSES = ['submitted', 'accepted', 'handed_on', 'replied', 'resolved', 'reopened'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const submissionEventView = z.object({
  kind: z.string(),
  at: z.string(),
  /** Always the studio, never a person's name, for residents. */
  by: z.string(),
  text: z.string().optional(),
});
export type SubmissionEventView = z.infer<typeof submissionEventView>;

export const submissionView = z.object({
  id: idSchema,
  studioId: idSchema,
  studioName: z.string(),
  standId: idSchema.optional(),
  venueName: z.string().optional(),
  source: z.enum(SUBMISSION_SOURCES),
  category: z.string(),
  text: z.string(),
  place: z.string().optional(),
  public: z.boolean(),
  status: z.enum(SUBMISSION_STATUSES),
  createdAt: z.string(),
  /** The date a reply is due (China date). */
  replyDueDate: z.string(),
  timeline: z.array(submissionEventView),
});
export type SubmissionView = z.infer<typeof submissionView>;

export const mySubmissionsResponse = z.object({
  submissions: z.array(submissionView.omit({ timeline: true })),
});
export type MySubmissionsResponse = z.infer<typeof mySubmissionsResponse>;
