import { z, idSchema, cursorSchema } from './common';
import { requestIdSchema } from './booking';

/**
 * 微心愿 (small wishes, "你的心愿我来圆"): a resident — or staff for them (代填) — posts a small wish (a walking
 * stick, a visit, a lamp fixed); a representative approves it (or refuses, saying why); the public 心愿墙 shows it
 * without the wisher's name; one approved volunteer of the studio claims it, fulfils it, and the wisher confirms —
 * which credits the volunteer the studio's `wish-fulfilled` coins.
 *
 * pending_review → approved (open) → claimed → fulfilled → confirmed; pending_review → refused;
 * pending_review | approved → withdrawn; claimed → approved (the claimer gives it back).
 */
export const WISH_STATUSES = ['pending_review', 'approved', 'refused', 'claimed', 'fulfilled', 'confirmed', 'withdrawn'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];
export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  approved: '待认领',
  refused: '未通过',
  claimed: '已认领',
  fulfilled: '已完成待确认',
  confirmed: '已圆梦',
  withdrawn: '已撤回',
};

/** The steps a wish takes; each is a route, each changes the status from exactly one (or two) states. */
export const WISH_STEPS = ['approve', 'refuse', 'claim', 'cancel_claim', 'fulfil', 'confirm', 'withdraw'] as const;
export type WishStep = (typeof WISH_STEPS)[number];

/** After how many days an open wish nobody claimed is brought to the representatives (the daily 08:00 job). */
export const WISH_CHASE_DAYS = 7;

const title = z.string({ required_error: '请写下心愿' }).trim().min(1, '请写下心愿').min(2, '心愿至少 2 个字').max(30, '心愿不能超过 30 个字');
const details = z.string().trim().max(300, '详细说明不能超过 300 个字').optional();
const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

/** POST /studios/{studioId}/wishes — a resident's own wish. */
export const postWishRequest = z.object({ requestId: requestIdSchema, title, details }).strict();
export type PostWishRequest = z.infer<typeof postWishRequest>;

/** POST /studios/{studioId}/wishes/on-behalf — staff type it for a resident without a phone (代填). */
export const postWishOnBehalfRequest = z
  .object({
    requestId: requestIdSchema,
    title,
    details,
    wisherName: z.string({ required_error: '请填写心愿人姓名' }).trim().min(1, '请填写心愿人姓名').max(20, '姓名不能超过 20 个字'),
    wisherPhone: phone.optional(),
  })
  .strict();
export type PostWishOnBehalfRequest = z.infer<typeof postWishOnBehalfRequest>;

export const refuseWishRequest = z.object({ reason: z.string({ required_error: '请写明不通过的原因' }).trim().min(1, '请写明不通过的原因').min(2, '请写明不通过的原因（至少 2 个字）').max(100, '原因不能超过 100 个字') }).strict();
export const fulfilWishRequest = z.object({ note: z.string({ required_error: '请简单写一下是怎么完成的' }).trim().min(2, '请简单写一下是怎么完成的（至少 2 个字）').max(200, '说明不能超过 200 个字') }).strict();

export const wishStepView = z.object({ step: z.string(), label: z.string(), by: z.string(), at: z.string(), note: z.string().optional() });

/** A wish as the person looking at it may see it: names only for the wisher, the claimer and the studio's people. */
export const wishView = z.object({
  id: idSchema,
  studioId: idSchema,
  title: z.string(),
  details: z.string().optional(),
  status: z.enum(WISH_STATUSES),
  statusLabel: z.string(),
  /** Masked (刘** or 居民) for everyone but the wisher and the studio's people. */
  wisherName: z.string(),
  wisherPhone: z.string().optional(),
  onBehalf: z.boolean(),
  claimerName: z.string().optional(),
  createdAt: z.string(),
  approvedAt: z.string().optional(),
  claimedAt: z.string().optional(),
  reason: z.string().optional(),
  note: z.string().optional(),
  /** What the caller may do now, so the page shows only those buttons. */
  can: z.array(z.enum(WISH_STEPS)),
  timeline: z.array(wishStepView).optional(),
});
export type WishView = z.infer<typeof wishView>;

export const wishPageQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export const wishesPage = z.object({ wishes: z.array(wishView), nextCursor: z.string().optional() });
export type WishesPage = z.infer<typeof wishesPage>;

/** This month's 微心愿 at a studio, and who helped most (confirmed wishes; claims do not count). */
export const wishFiguresView = z.object({
  month: z.string(),
  posted: z.number().int(),
  claimed: z.number().int(),
  confirmed: z.number().int(),
  helpers: z.array(z.object({ name: z.string(), confirmed: z.number().int() })),
});
export type WishFiguresView = z.infer<typeof wishFiguresView>;
