import { z, cursorSchema, idSchema, roleSchema } from './common';
import { sessionResponse } from './auth';
import { monthSchema } from './submission-stats';

export const townView = z.object({ id: idSchema, name: z.string(), district: z.string() });
export type TownView = z.infer<typeof townView>;
export const townsResponse = z.object({ towns: z.array(townView) });
export type TownsResponse = z.infer<typeof townsResponse>;

/** A studio as its town lists it. */
export const townStudioView = z.object({ id: idSchema, name: z.string(), address: z.string(), createdAt: z.string() });
export type TownStudioView = z.infer<typeof townStudioView>;

/** GET /towns/{townId}/studios — the 镇街工作台's list, a page at a time. */
export const townStudiosQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export const townStudiosPage = z.object({ town: townView, studios: z.array(townStudioView), nextCursor: z.string().optional() });
export type TownStudiosPage = z.infer<typeof townStudiosPage>;

/** POST /towns/{townId}/studios — a town admin creates a studio and gets its first admin's invite code. */
export const createTownStudioRequest = z
  .object({
    name: z.string({ required_error: '请填写工作室名称' }).trim().min(2, '工作室名称至少 2 个字').max(40, '工作室名称最多 40 个字'),
    address: z.string({ required_error: '请填写工作室地址' }).trim().min(2, '工作室地址至少 2 个字').max(80, '工作室地址最多 80 个字'),
    inviteValidHours: z.number({ invalid_type_error: '邀请码有效时长应为数字' }).int('有效时长应为整数小时').min(1, '有效时长至少 1 小时').max(168, '有效时长最多 168 小时（7 天）').default(72),
  })
  .strict();
export type CreateTownStudioRequest = z.infer<typeof createTownStudioRequest>;
export const createdTownStudio = z.object({
  studio: townStudioView,
  /** The first admin's invite: whoever redeems it becomes the studio's 工作室管理员. */
  adminInvite: z.object({ code: z.string(), expiresAt: z.string() }),
});
export type CreatedTownStudio = z.infer<typeof createdTownStudio>;

/** GET /towns/{townId}/figures?month= and its CSV. */
export const townFiguresQuery = z.object({ month: monthSchema }).strict();
export type TownFiguresQuery = z.infer<typeof townFiguresQuery>;
export const studioFiguresRow = z.object({
  studioId: idSchema,
  name: z.string(),
  received: z.number().int(),
  /** Rates 0–1, or null when nothing to divide by. */
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  overdue: z.number().int(),
  bookings: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
});
export type StudioFiguresRow = z.infer<typeof studioFiguresRow>;
export const townFiguresView = z.object({ town: townView, month: z.string(), studios: z.array(studioFiguresRow) });
export type TownFiguresView = z.infer<typeof townFiguresView>;

/** GET /towns/{townId}/directory — 我的 → 工作室: a town's studios with their venues and next market days. */
export const townDirectoryView = z.object({
  town: townView,
  studios: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      address: z.string(),
      venues: z.array(z.object({ id: idSchema, name: z.string(), address: z.string(), nextMarketDays: z.array(z.string()) })),
    }),
  ),
});
export type TownDirectoryView = z.infer<typeof townDirectoryView>;

/** GET /studios/{studioId}/town — the one line "洛社镇 · 某某工作室" on the stand and board pages. */
export const studioTownView = z.object({ studioId: idSchema, studioName: z.string(), town: townView.optional() });
export type StudioTownView = z.infer<typeof studioTownView>;

/** One role a person holds (切换身份). */
export const membershipView = z.object({
  role: roleSchema,
  studioId: idSchema.optional(),
  studioName: z.string().optional(),
  townId: idSchema.optional(),
  townName: z.string().optional(),
  /** A unit liaison's unit (成员单位联络员 · 洛社镇卫生院). */
  unitId: idSchema.optional(),
  unitName: z.string().optional(),
  active: z.boolean(),
});
export type MembershipView = z.infer<typeof membershipView>;
export const membershipsResponse = z.object({ memberships: z.array(membershipView) });
export type MembershipsResponse = z.infer<typeof membershipsResponse>;

/** POST /me/active-membership and /me/memberships/leave — which role: its studio, or its town. */
export const membershipChoice = z
  .object({
    role: roleSchema.refine((role) => role !== 'resident', '请选择一个身份'),
    studioId: idSchema.optional(),
    townId: idSchema.optional(),
  })
  .strict()
  .refine((c) => Boolean(c.studioId) !== Boolean(c.townId), { message: '请选择一个工作室或一个镇街', path: ['studioId'] });
export type MembershipChoice = z.infer<typeof membershipChoice>;
export { sessionResponse };
