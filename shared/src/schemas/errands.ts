import { z, idSchema, cursorSchema } from './common';
import { requestIdSchema } from './booking';

/**
 * 点单-配送 (seed 003): a studio's catalogue of 代办服务 and home visits; a resident orders one (or staff order for
 * them, 代下单); staff review it before volunteers see it; staff assign an approved volunteer or a volunteer claims it
 * (and staff accept the claim when the kind says so); the volunteer delivers; the resident (or staff) confirms and rates.
 * The address and phone are read only by the assigned volunteer, through an audited reveal.
 */
export const ERRAND_STATUSES = ['ordered', 'refused', 'open', 'claimed', 'assigned', 'delivered', 'confirmed', 'cancelled'] as const;
export type ErrandStatus = (typeof ERRAND_STATUSES)[number];
export const ERRAND_STATUS_LABELS: Record<ErrandStatus, string> = {
  ordered: '已下单',
  refused: '未通过',
  open: '已审核',
  claimed: '待确认接单',
  assigned: '已接单',
  delivered: '已送达',
  confirmed: '已确认',
  cancelled: '已取消',
};

/** 1 is the most urgent. */
export const ERRAND_URGENCIES = [1, 2, 3, 4] as const;
export const ERRAND_URGENCY_LABELS: Record<number, string> = { 1: '紧急（危及生命）', 2: '较急（今明两天）', 3: '一般（本周内）', 4: '不急' };
export const ERRAND_FOR_WHOM = ['独居老人', '空巢老人', '残疾人', '困难家庭', '其他'] as const;
export const ERRAND_DISPATCH = ['assign', 'claim'] as const;
export const ERRAND_DISPATCH_LABELS: Record<(typeof ERRAND_DISPATCH)[number], string> = { assign: '工作人员派单', claim: '志愿者接单' };
export const ERRAND_CONTACT_KINDS = ['call', 'visit', 'note'] as const;
export const ERRAND_CONTACT_LABELS: Record<(typeof ERRAND_CONTACT_KINDS)[number], string> = { call: '电话', visit: '上门', note: '备注' };

const phoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

/** One kind of 代办服务 or home visit in the studio's catalogue (kept by the admin). */
export const errandKindRequest = z
  .object({
    name: z.string().trim().min(2, '名称至少 2 个字').max(20, '名称不能超过 20 个字'),
    description: z.string().trim().min(2, '说明至少 2 个字').max(200, '说明不能超过 200 个字'),
    dispatch: z.enum(ERRAND_DISPATCH, { errorMap: () => ({ message: '请选择派单方式' }) }),
    /** Claim kinds: staff accept each claim before the volunteer is assigned. */
    acceptClaims: z.boolean().default(false),
    /** Only members of this volunteer team may claim or be assigned. */
    teamId: idSchema.optional(),
    /** A home visit (上门服务): the volunteer goes to the address. */
    homeVisit: z.boolean().default(false),
    /** Withdrawn from the catalogue (orders already placed go on). */
    retired: z.boolean().default(false),
  })
  .strict();
export type ErrandKindRequest = z.infer<typeof errandKindRequest>;

export const errandKindView = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  dispatch: z.enum(ERRAND_DISPATCH),
  acceptClaims: z.boolean(),
  teamId: z.string().optional(),
  homeVisit: z.boolean(),
  retired: z.boolean(),
});
export type ErrandKindView = z.infer<typeof errandKindView>;
export const errandKindsResponse = z.object({ kinds: z.array(errandKindView) });
export const errandKindsQuery = z.object({ all: z.enum(['true', 'false'], { errorMap: () => ({ message: '参数 all 只能是 true 或 false' }) }).optional() }).strict();

/** 点单 (or 代下单 by staff, who type the person's name). */
export const placeErrandRequest = z
  .object({
    requestId: requestIdSchema,
    kindId: z.string({ required_error: '请选择要办什么' }).regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '请选择要办什么'),
    /** 代下单: staff ordering for a person without the app. */
    onBehalf: z.boolean().default(false),
    personName: z.string().trim().min(1, '请填写服务对象的姓名').max(20, '姓名不能超过 20 个字').optional(),
    forWhom: z.enum(ERRAND_FOR_WHOM, { errorMap: () => ({ message: '请选择服务对象' }) }),
    urgency: z.number({ required_error: '请选择紧急程度', invalid_type_error: '请选择紧急程度' }).int('请选择紧急程度').min(1, '请选择紧急程度').max(4, '请选择紧急程度'),
    when: z.string().trim().min(2, '请写明希望的时间（至少 2 个字）').max(40, '希望的时间不能超过 40 个字'),
    address: z.string().trim().min(4, '请填写详细地址（至少 4 个字）').max(80, '地址不能超过 80 个字'),
    phone: phoneSchema,
    note: z.string().trim().max(200, '备注不能超过 200 个字').optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.onBehalf && !value.personName) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['personName'], message: '代下单请填写服务对象的姓名' });
  });
export type PlaceErrandRequest = z.infer<typeof placeErrandRequest>;

export const contactEntryView = z.object({ id: z.string(), at: z.string(), by: z.string(), kind: z.enum(ERRAND_CONTACT_KINDS), text: z.string(), followUp: z.boolean() });
export type ContactEntryView = z.infer<typeof contactEntryView>;

export const errandView = z.object({
  id: idSchema,
  studioId: idSchema,
  kindId: idSchema,
  kindName: z.string(),
  homeVisit: z.boolean(),
  personName: z.string(),
  onBehalf: z.boolean(),
  forWhom: z.string(),
  urgency: z.number().int(),
  when: z.string(),
  note: z.string().optional(),
  /** The area only (the address's first part, the rest masked); the whole address only through the reveal. */
  area: z.string(),
  status: z.enum(ERRAND_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  volunteerId: z.string().optional(),
  volunteerName: z.string().optional(),
  reason: z.string().optional(),
  rating: z.number().int().optional(),
  comment: z.string().optional(),
  coins: z.number().int().optional(),
  /** For staff and the assigned volunteer only. */
  contacts: z.array(contactEntryView).optional(),
  /** What the caller may do now (buttons). */
  actions: z.array(z.string()),
});
export type ErrandView = z.infer<typeof errandView>;
export const errandsPage = z.object({ errands: z.array(errandView), nextCursor: z.string().optional() });
export type ErrandsPage = z.infer<typeof errandsPage>;

export const errandsQuery = z.object({ status: z.enum(ERRAND_STATUSES, { errorMap: () => ({ message: '请选择有效的状态' }) }), cursor: cursorSchema.optional() }).strict();
export const errandPageQuery = z.object({ cursor: cursorSchema.optional() }).strict();

export const reviewErrandRequest = z
  .object({ approve: z.boolean({ required_error: '请选择通过或不通过' }), reason: z.string().trim().max(100, '原因不能超过 100 个字').optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.approve && !value.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: '不通过请写明原因，下单的人会看到' });
  });
export const assignErrandRequest = z.object({ volunteerId: idSchema }).strict();
export const claimDecisionRequest = z.object({ accept: z.boolean({ required_error: '请选择同意或不同意' }) }).strict();
export const confirmErrandRequest = z
  .object({
    rating: z.number({ required_error: '请为服务打分', invalid_type_error: '请为服务打分' }).int('请为服务打分').min(1, '评分是 1 到 5 分').max(5, '评分是 1 到 5 分'),
    comment: z.string().trim().max(200, '评价不能超过 200 个字').optional(),
  })
  .strict();
export const cancelErrandRequest = z.object({ reason: z.string().trim().min(2, '请写明取消的原因（至少 2 个字）').max(100, '原因不能超过 100 个字') }).strict();
export const contactEntryRequest = z
  .object({
    kind: z.enum(ERRAND_CONTACT_KINDS, { errorMap: () => ({ message: '请选择电话、上门或备注' }) }),
    text: z.string().trim().min(2, '请写明联系的情况（至少 2 个字）').max(200, '联系情况不能超过 200 个字'),
    followUp: z.boolean().default(false),
  })
  .strict();
export const revealedContactView = z.object({ address: z.string(), phone: z.string() });

export const errandFiguresView = z.object({
  month: z.string(),
  byStatus: z.record(z.number().int()),
  confirmed: z.number().int(),
  ratings: z.number().int(),
  averageRating: z.number().optional(),
});
export type ErrandFiguresView = z.infer<typeof errandFiguresView>;
