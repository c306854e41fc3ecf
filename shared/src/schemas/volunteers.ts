import { z, idSchema, cursorSchema } from './common';

/**
 * Volunteers (志愿者) of a studio: residents who register — party members say whether they serve in a workplace
 * (在职党员, 双报到: reporting to the community where they live) and where — with their skills and when they can help;
 * the studio's admin approves. Approved volunteers are put in teams (助老服务队 …) with a leader.
 */
export const VOLUNTEER_SKILLS = ['助老陪伴', '理发', '家电维修', '医护', '法律咨询', '辅导功课', '文艺', '代购跑腿', '环境整治', '治安巡逻'] as const;
export const VOLUNTEER_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = { pending: '待审核', approved: '已通过', declined: '未通过', withdrawn: '已退出' };

export const volunteerRequest = z
  .object({
    partyMember: z.boolean({ required_error: '请选择是否党员', invalid_type_error: '请选择是否党员' }),
    /** 在职党员: a party member working in a unit, reporting to the community where they live (双报到). */
    inService: z.boolean().default(false),
    organisation: z.string().trim().max(40, '工作单位不能超过 40 个字').optional(),
    skills: z.array(z.enum(VOLUNTEER_SKILLS, { errorMap: () => ({ message: '请从列表里选择特长' }) })).min(1, '请至少选一项能帮的事').max(VOLUNTEER_SKILLS.length, '特长选多了'),
    availability: z.string().trim().min(2, '请写明什么时候有空（至少 2 个字）').max(40, '有空的时间不能超过 40 个字'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.inService && !value.partyMember) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['inService'], message: '在职党员报到需先选择“是党员”' });
    if (value.inService && !value.organisation) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['organisation'], message: '在职党员请填写工作单位' });
  });
export type VolunteerRequest = z.infer<typeof volunteerRequest>;

export const volunteerView = z.object({
  studioId: idSchema,
  userId: idSchema,
  displayName: z.string(),
  status: z.enum(VOLUNTEER_STATUSES),
  partyMember: z.boolean(),
  inService: z.boolean(),
  organisation: z.string().optional(),
  skills: z.array(z.string()),
  availability: z.string(),
  teamIds: z.array(z.string()),
  registeredAt: z.string(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
});
export type VolunteerView = z.infer<typeof volunteerView>;

export const teamView = z.object({
  id: idSchema,
  name: z.string(),
  leaderUserId: z.string().optional(),
  members: z.array(z.object({ userId: idSchema, displayName: z.string() })),
});
export type TeamView = z.infer<typeof teamView>;

export const myVolunteerView = z.object({
  registration: volunteerView.optional(),
  teams: z.array(z.object({ id: idSchema, name: z.string(), leader: z.boolean() })),
  /** Time served at this studio's stands (checked out by staff). */
  served: z.object({ minutes: z.number().int(), shifts: z.number().int() }).optional(),
});
export type MyVolunteerView = z.infer<typeof myVolunteerView>;

export const listVolunteersQuery = z.object({ status: z.enum(VOLUNTEER_STATUSES, { errorMap: () => ({ message: '请选择有效的状态' }) }), cursor: cursorSchema.optional() }).strict();
export const volunteersPage = z.object({ volunteers: z.array(volunteerView), nextCursor: z.string().optional() });

export const volunteerDecisionRequest = z
  .object({ approve: z.boolean({ required_error: '请选择通过或不通过' }), reason: z.string().trim().max(100, '原因不能超过 100 个字').optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.approve && !value.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reason'], message: '不通过请写明原因，申请人会看到' });
  });

export const createTeamRequest = z.object({ name: z.string().trim().min(2, '队名至少 2 个字').max(20, '队名不能超过 20 个字') }).strict();
export const teamMemberRequest = z.object({ leader: z.boolean().default(false) }).strict();
export const teamsResponse = z.object({ teams: z.array(teamView) });

/**
 * Volunteer time at a stand (服务点志愿服务): staff check an approved volunteer in and out; the minutes within the
 * stand's hours count, and each whole hour earns the coins of the studio's `volunteer-hour` rule.
 */
export const SHIFT_STATUSES = ['in', 'out'] as const;
export const shiftView = z.object({
  standId: idSchema,
  userId: idSchema,
  displayName: z.string(),
  status: z.enum(SHIFT_STATUSES),
  checkedInAt: z.string(),
  checkedOutAt: z.string().optional(),
  minutes: z.number().int().optional(),
  coins: z.number().int().optional(),
});
export type ShiftView = z.infer<typeof shiftView>;

export const standVolunteersQuery = z.object({ cursor: cursorSchema.optional() }).strict();
/** The stand, who is (or was) on duty there, and a page of the studio's approved volunteers to check in. */
export const standVolunteersView = z.object({
  stand: z.object({ id: idSchema, date: z.string(), startTime: z.string(), endTime: z.string(), venueName: z.string(), status: z.string() }),
  shifts: z.array(shiftView),
  volunteers: z.array(z.object({ userId: idSchema, displayName: z.string(), skills: z.array(z.string()) })),
  nextCursor: z.string().optional(),
});
export type StandVolunteersView = z.infer<typeof standVolunteersView>;
