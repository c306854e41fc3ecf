import { z, idSchema, cursorSchema } from './common';
import { requestIdSchema } from './booking';
import { TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH } from '../ticket-code';
import { codeProblem, normaliseCode } from '../code-format';

/**
 * 幸福币: a studio's time-bank coins. Every movement is a transfer between two accounts (a resident's and the
 * studio's own) written as two ledger entries that sum to zero; a resident's balance never goes below zero.
 */

/** The card a resident shows at the stand so that staff can credit them: 8 characters, no look-alikes. */
export const COIN_CARD_LENGTH = 8;
/** The code of one redemption, shown by the resident and typed by staff at the stand. */
export const REDEMPTION_CODE_LENGTH = TICKET_CODE_LENGTH;

const codeSchema = (noun: string, length: number) =>
  z
    .string({ required_error: `请输入${noun}` })
    .max(40, `${noun}太长了，请核对`)
    .transform(normaliseCode)
    .superRefine((code, ctx) => {
      const problem = codeProblem(code, noun, length, TICKET_CODE_ALPHABET);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    });
export const coinCardCodeSchema = codeSchema('幸福币卡号', COIN_CARD_LENGTH);
export const redemptionCodeSchema = codeSchema('兑换码', REDEMPTION_CODE_LENGTH);

/** What earns coins at this studio: an activity staff confirm (邻里互助, 环境整治 …) and how many coins it gives. */
export const coinRule = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,24}$/, '规则编号只能用小写字母、数字和短横线'),
    activity: z.string().trim().min(2, '活动名称至少 2 个字').max(20, '活动名称不能超过 20 个字'),
    coins: z.number({ invalid_type_error: '幸福币数应为数字' }).int('幸福币数应为整数').min(1, '至少 1 个幸福币').max(100, '一次最多 100 个幸福币'),
  })
  .strict();
export type CoinRule = z.infer<typeof coinRule>;

/**
 * Rules with these ids are applied by the product itself, when the step that earns them is confirmed (the admin
 * keeps, changes the coins of, or removes them like any rule; without the rule, the step earns nothing):
 * a 微心愿 the wisher confirmed fulfilled (to its claimer), a 点单-配送 errand the resident confirmed (to the
 * volunteer who did it), each whole hour a volunteer served at a stand (checked out by staff).
 */
export const AUTOMATIC_COIN_RULES = { wishFulfilled: 'wish-fulfilled', errandDone: 'errand-done', volunteerHour: 'volunteer-hour' } as const;

/** What coins buy at the stand, and how many are left. */
export const coinReward = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,24}$/, '奖品编号只能用小写字母、数字和短横线'),
    name: z.string().trim().min(2, '奖品名称至少 2 个字').max(20, '奖品名称不能超过 20 个字'),
    cost: z.number({ invalid_type_error: '所需幸福币应为数字' }).int('所需幸福币应为整数').min(1, '至少 1 个幸福币').max(1000, '最多 1000 个幸福币'),
    stock: z.number({ invalid_type_error: '库存应为数字' }).int('库存应为整数').min(0, '库存不能是负数').max(9999, '库存最多 9999'),
  })
  .strict();
export type CoinReward = z.infer<typeof coinReward>;

const distinctIds = (list: { id: string }[], ctx: z.RefinementCtx, what: string) => {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i, 'id'], message: `${what}编号重复了` });
    seen.add(item.id);
  });
};

/** PUT /studios/{studioId}/coin-settings — the admin's rules and rewards (the whole list each time). */
export const coinSettingsRequest = z
  .object({
    rules: z.array(coinRule).max(20, '规则最多 20 条').superRefine((list, ctx) => distinctIds(list, ctx, '规则')),
    rewards: z.array(coinReward).max(20, '奖品最多 20 种').superRefine((list, ctx) => distinctIds(list, ctx, '奖品')),
  })
  .strict();
export type CoinSettingsRequest = z.infer<typeof coinSettingsRequest>;

export const coinSettingsView = z.object({ rules: z.array(coinRule), rewards: z.array(coinReward) });
export type CoinSettingsView = z.infer<typeof coinSettingsView>;

export const COIN_ENTRY_KINDS = ['award', 'redeem', 'refund'] as const;
export const COIN_ENTRY_LABELS: Record<(typeof COIN_ENTRY_KINDS)[number], string> = { award: '获得', redeem: '兑换', refund: '退回' };

/** One line of a resident's ledger: + for coins in, − for coins out, and who did it. */
export const coinEntryView = z.object({
  id: z.string(),
  amount: z.number().int(),
  kind: z.enum(COIN_ENTRY_KINDS),
  /** The activity or the reward. */
  what: z.string(),
  /** Who confirmed it (staff's name) or 本人. */
  by: z.string(),
  at: z.string(),
});
export type CoinEntryView = z.infer<typeof coinEntryView>;

export const REDEMPTION_STATUSES = ['reserved', 'handed_over', 'cancelled', 'refused'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = { reserved: '待领取', handed_over: '已领取', cancelled: '已取消（已退回）', refused: '未发放（已退回）' };

export const redemptionView = z.object({
  code: z.string(),
  rewardId: z.string(),
  rewardName: z.string(),
  cost: z.number().int(),
  status: z.enum(REDEMPTION_STATUSES),
  createdAt: z.string(),
  /** Staff only: whose it is (their name), to hand it to the right person. */
  residentName: z.string().optional(),
  reason: z.string().optional(),
});
export type RedemptionView = z.infer<typeof redemptionView>;

/** GET /studios/{studioId}/me/coins — the resident's account at this studio. */
export const myCoinsView = z.object({
  studioId: idSchema,
  balance: z.number().int(),
  /** Shown at the stand to be credited; absent until the resident asks for it. */
  cardCode: z.string().optional(),
  entries: z.array(coinEntryView),
  nextCursor: z.string().optional(),
  rewards: z.array(coinReward),
  rules: z.array(coinRule),
  redemptions: z.array(redemptionView),
});
export type MyCoinsView = z.infer<typeof myCoinsView>;

export const myCoinsQuery = z.object({ cursor: cursorSchema.optional() }).strict();

export const coinCardView = z.object({ cardCode: z.string() });

/** POST /studios/{studioId}/coin-awards — staff confirm an activity for the resident whose card they typed. */
export const awardCoinsRequest = z
  .object({
    requestId: requestIdSchema,
    cardCode: coinCardCodeSchema,
    ruleId: z.string({ required_error: '请选择活动' }).regex(/^[a-z0-9-]{1,24}$/, '请选择活动'),
    note: z.string().trim().max(100, '备注不能超过 100 个字').optional(),
  })
  .strict();
export type AwardCoinsRequest = z.infer<typeof awardCoinsRequest>;

export const awardView = z.object({ residentName: z.string(), activity: z.string(), coins: z.number().int(), at: z.string() });
export type AwardView = z.infer<typeof awardView>;

/** POST /studios/{studioId}/redemptions — a resident trades coins for a reward (deducted and reserved at once). */
export const redeemRequest = z.object({ requestId: requestIdSchema, rewardId: z.string({ required_error: '请选择奖品' }).regex(/^[a-z0-9-]{1,24}$/, '请选择奖品') }).strict();
export type RedeemRequest = z.infer<typeof redeemRequest>;

/** POST …/redemptions/{code}/refuse — staff cannot hand it over (the coins go back). */
export const refuseRedemptionRequest = z.object({ reason: z.string().trim().min(2, '请写明原因（至少 2 个字）').max(100, '原因不能超过 100 个字') }).strict();

export const coinFiguresQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 年-月') }).strict();
export const coinFiguresView = z.object({
  month: z.string(),
  issued: z.number().int(),
  redeemed: z.number().int(),
  refunded: z.number().int(),
  awards: z.number().int(),
  redemptions: z.number().int(),
  /** Volunteer time served at stands this month (checked in and out by staff). */
  volunteerMinutes: z.number().int(),
  volunteerShifts: z.number().int(),
});
export type CoinFiguresView = z.infer<typeof coinFiguresView>;
