import { z, idSchema, roleSchema, studioRoleSchema } from './common';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '../invite-code';
import { codeProblem, normaliseCode } from '../code-format';

/** POST /auth/wechat — the `code` from `wx.login`. */
export const wechatSignInRequest = z
  .object({ code: z.string({ required_error: '缺少微信登录凭证' }).trim().min(1, '缺少微信登录凭证').max(128, '微信登录凭证格式不正确') })
  .strict();
export type WechatSignInRequest = z.infer<typeof wechatSignInRequest>;

/** POST /auth/local — sign in as a demo persona (local stage only). */
export const localSignInRequest = z
  .object({ persona: z.string({ required_error: '请选择一个演示身份' }).trim().min(1, '请选择一个演示身份').max(40, '演示身份不存在') })
  .strict();
export type LocalSignInRequest = z.infer<typeof localSignInRequest>;

export const userView = z.object({
  id: idSchema,
  displayName: z.string(),
  role: roleSchema,
  studioId: idSchema.optional(),
  studioName: z.string().optional(),
  /** A grid head's grid. */
  gridId: idSchema.optional(),
  /** A liaison's department. */
  departmentId: idSchema.optional(),
  /** The town of a town role (镇街管理员). */
  townId: idSchema.optional(),
});
export type UserView = z.infer<typeof userView>;

export const sessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userView,
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const personaView = z.object({
  key: z.string(),
  displayName: z.string(),
  role: roleSchema,
  studioName: z.string().optional(),
});
export type PersonaView = z.infer<typeof personaView>;
export const personasResponse = z.object({ personas: z.array(personaView) });
export type PersonasResponse = z.infer<typeof personasResponse>;

/** POST /studios/{studioId}/invites — an admin invites someone into a studio role. */
export const createInviteRequest = z
  .object({
    role: studioRoleSchema,
    validHours: z.number({ invalid_type_error: '有效时长应为数字' }).int('有效时长应为整数小时').min(1, '有效时长至少 1 小时').max(168, '有效时长最多 168 小时（7 天）').default(72),
    /** 网格员: the grid the role is for (required for a grid head, refused for the other roles). */
    gridId: idSchema.optional(),
    /** The department a 部门联络员 answers for: required for that role, refused for the others. */
    departmentId: idSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.role === 'grid_head' && !value.gridId) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['gridId'], message: '请选择网格员负责的网格' });
    if (value.role !== 'grid_head' && value.gridId) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['gridId'], message: '只有网格员邀请码需要选择网格' });
    if (value.role === 'liaison' && !value.departmentId) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['departmentId'], message: '部门联络员要选定所属部门' });
    if (value.role !== 'liaison' && value.departmentId) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['departmentId'], message: '只有部门联络员属于部门' });
  });
export type CreateInviteRequest = z.infer<typeof createInviteRequest>;

export const inviteResponse = z.object({
  code: z.string(),
  role: studioRoleSchema,
  studioId: idSchema,
  gridId: idSchema.optional(),
  departmentId: idSchema.optional(),
  expiresAt: z.string(),
});
export type InviteResponse = z.infer<typeof inviteResponse>;

/** POST /invites/redeem — the signed-in person takes the role the code grants. */
export const redeemInviteRequest = z
  .object({
    code: z
      .string({ required_error: '请输入邀请码' })
      .max(40, '邀请码太长了，请核对')
      .transform(normaliseCode)
      .superRefine((code, ctx) => {
        const problem = codeProblem(code, '邀请码', INVITE_CODE_LENGTH, INVITE_CODE_ALPHABET);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      }),
  })
  .strict();
export type RedeemInviteRequest = z.infer<typeof redeemInviteRequest>;

/** A person of a studio, as its admin sees them in 成员与邀请. */
export const memberView = z.object({ userId: idSchema, displayName: z.string(), role: studioRoleSchema, joinedAt: z.string() });
export type MemberView = z.infer<typeof memberView>;

/** GET /studios/{studioId}/members — admins first, then representatives, then staff; by name. */
export const membersResponse = z.object({ members: z.array(memberView) });
export type MembersResponse = z.infer<typeof membersResponse>;

/** PUT /studios/{studioId}/members/{userId} — another role in the same studio. */
export const changeMemberRoleRequest = z.object({ role: studioRoleSchema }).strict();
export type ChangeMemberRoleRequest = z.infer<typeof changeMemberRoleRequest>;
