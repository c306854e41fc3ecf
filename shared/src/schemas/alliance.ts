import { z, cursorSchema, dateSchema, idSchema } from './common';

/**
 * 成员单位与三张清单 (区域化党建, seeds 000 and 004): a town's member units, what they offer (资源清单), what its
 * communities need (需求清单), and the agreed matches (项目清单) — each a 双向服务 agreement signed by both sides.
 */

/** What kind of member unit it is: the alliance joins hospitals, schools, enterprises, police stations … */
export const UNIT_KINDS = ['hospital', 'school', 'enterprise', 'police', 'agency', 'social', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  hospital: '医院 / 卫生院',
  school: '学校',
  enterprise: '企业',
  police: '派出所',
  agency: '机关事业单位',
  social: '两新组织 / 社会组织',
  other: '其他',
};

/** What a resource (or a need) is: one vocabulary on both lists, so that they can be matched. */
export const RESOURCE_KINDS = ['service', 'venue', 'volunteers', 'goods', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = { service: '服务', venue: '场地', volunteers: '志愿者', goods: '资金物资', other: '其他' };

/** 待对接 → 已对接 (a project was made from it) / 已撤回; a cancelled project puts its need back to 待对接. */
export const NEED_STATUSES = ['open', 'matched', 'withdrawn'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = { open: '待对接', matched: '已对接', withdrawn: '已撤回' };

/** 待签约 → 已签约 (both sides signed) → 进行中 → 已完成; 已取消 from any but 已完成. */
export const PROJECT_STATUSES = ['pending', 'signed', 'in_progress', 'done', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { pending: '待签约', signed: '已签约', in_progress: '进行中', done: '已完成', cancelled: '已取消' };

const text = (field: string, min: number, max: number) =>
  z.string({ required_error: `请填写${field}`, invalid_type_error: `请填写${field}` }).trim().min(1, `请填写${field}`).min(min, `${field}至少 ${min} 个字`).max(max, `${field}最多 ${max} 个字`);
const optionalText = (field: string, max: number) => z.string({ invalid_type_error: `${field}应为文字` }).trim().max(max, `${field}最多 ${max} 个字`).optional();
const versionSchema = z.number({ required_error: '缺少版本号，请刷新后再改', invalid_type_error: '版本号应为数字' }).int('版本号应为整数').min(1, '版本号应为正数');

// ——— 成员单位 ———

export const unitKindSchema = z.enum(UNIT_KINDS, { errorMap: () => ({ message: '请选择单位类型' }) });
/** POST /towns/{townId}/units and PUT …/units/{unitId} (with `version`): a unit's profile. */
const unitProfile = {
  name: text('单位名称', 2, 40),
  kind: unitKindSchema,
  intro: optionalText('单位简介', 200),
  contactName: optionalText('联系人', 20),
  contactPhone: z
    .string({ invalid_type_error: '联系电话应为文字' })
    .trim()
    .refine((v) => v === '' || /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(v), '联系电话应为 11 位手机号或带区号的座机号')
    .optional(),
};
export const createUnitRequest = z.object(unitProfile).strict();
export type CreateUnitRequest = z.infer<typeof createUnitRequest>;
export const updateUnitRequest = z.object({ ...unitProfile, version: versionSchema }).strict();
export type UpdateUnitRequest = z.infer<typeof updateUnitRequest>;

export const unitView = z.object({
  id: idSchema,
  townId: idSchema,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  kindLabel: z.string(),
  intro: z.string().optional(),
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UnitView = z.infer<typeof unitView>;
export const unitsResponse = z.object({ units: z.array(unitView) });
export type UnitsResponse = z.infer<typeof unitsResponse>;
/** GET /towns/{townId}/alliance — the public list: names, kinds and intros of the active units (no contacts). */
export const publicUnitsResponse = z.object({ units: z.array(z.object({ id: idSchema, name: z.string(), kind: z.enum(UNIT_KINDS), kindLabel: z.string(), intro: z.string().optional() })) });
export type PublicUnitsResponse = z.infer<typeof publicUnitsResponse>;

/** POST /towns/{townId}/units/{unitId}/invites — an invite code for the unit's liaison (成员单位联络员). */
export const unitInviteRequest = z
  .object({ validHours: z.number({ invalid_type_error: '有效时长应为数字' }).int('有效时长应为整数小时').min(1, '有效时长至少 1 小时').max(168, '有效时长最多 168 小时（7 天）').default(72) })
  .strict();
export const unitInviteView = z.object({ code: z.string(), expiresAt: z.string(), unitName: z.string() });
export type UnitInviteView = z.infer<typeof unitInviteView>;

// ——— 资源清单 ———

const resourceKindSchema = z.enum(RESOURCE_KINDS, { errorMap: () => ({ message: '请选择类别' }) });
const resourceFields = {
  title: text('资源名称', 2, 30),
  kind: resourceKindSchema,
  description: optionalText('说明', 200),
  /** 频次 / 数量, free text: 每月两次, 周末开放, 20 人 … */
  amount: optionalText('频次或数量', 30),
};
export const createResourceRequest = z.object(resourceFields).strict();
export type CreateResourceRequest = z.infer<typeof createResourceRequest>;
/** PUT …/resources/{resourceId}: the whole entry; `active: false` withdraws it (撤下), `true` offers it again. */
export const updateResourceRequest = z.object({ ...resourceFields, active: z.boolean({ required_error: '请说明是否提供', invalid_type_error: '是否提供应为是或否' }), version: versionSchema }).strict();
export type UpdateResourceRequest = z.infer<typeof updateResourceRequest>;

export const resourceView = z.object({
  id: idSchema,
  townId: idSchema,
  unitId: idSchema,
  unitName: z.string(),
  title: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  kindLabel: z.string(),
  description: z.string().optional(),
  amount: z.string().optional(),
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ResourceView = z.infer<typeof resourceView>;
export const pageQuery = z.object({ cursor: cursorSchema.optional() }).strict();
export const resourcesPage = z.object({ resources: z.array(resourceView), nextCursor: z.string().optional() });
export type ResourcesPage = z.infer<typeof resourcesPage>;

// ——— 需求清单 ———

export const fileNeedRequest = z
  .object({
    title: text('需求名称', 2, 30),
    kind: resourceKindSchema,
    description: optionalText('需求说明', 300),
    /** 希望何时前解决 (China date), optional. */
    wantedBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '希望完成日期格式应为 年-月-日').optional(),
  })
  .strict();
export type FileNeedRequest = z.infer<typeof fileNeedRequest>;

export const needView = z.object({
  id: idSchema,
  townId: idSchema,
  studioId: idSchema,
  studioName: z.string(),
  title: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  kindLabel: z.string(),
  description: z.string().optional(),
  wantedBy: dateSchema.optional(),
  status: z.enum(NEED_STATUSES),
  statusLabel: z.string(),
  projectId: idSchema.optional(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type NeedView = z.infer<typeof needView>;
export const needsPage = z.object({ needs: z.array(needView), nextCursor: z.string().optional() });
export type NeedsPage = z.infer<typeof needsPage>;
/** GET /towns/{townId}/needs/{needId}/matches — the need and the town's resources that fit it, best first. */
export const needMatchesView = z.object({ need: needView, matches: z.array(z.object({ resource: resourceView, sameKind: z.boolean(), sharedWords: z.array(z.string()) })) });
export type NeedMatchesView = z.infer<typeof needMatchesView>;

// ——— 项目清单 ———

export const createProjectRequest = z
  .object({
    needId: idSchema,
    unitId: idSchema,
    resourceId: idSchema.optional(),
    owner: text('负责人', 2, 20),
    startDate: z.string({ required_error: '请选择开始日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '开始日期格式应为 年-月-日'),
    endDate: z.string({ required_error: '请选择结束日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '结束日期格式应为 年-月-日'),
  })
  .strict()
  .refine((p) => p.endDate >= p.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });
export type CreateProjectRequest = z.infer<typeof createProjectRequest>;

/** POST …/projects/{projectId}/progress — the next step after both signed (进行中, 已完成) or 已取消. */
export const PROJECT_MOVES = ['in_progress', 'done', 'cancelled'] as const;
export const moveProjectRequest = z.object({ status: z.enum(PROJECT_MOVES, { errorMap: () => ({ message: '请选择项目的新状态' }) }) }).strict();
export type MoveProjectRequest = z.infer<typeof moveProjectRequest>;

const signature = z.object({ name: z.string(), at: z.string() });
export const projectView = z.object({
  id: idSchema,
  townId: idSchema,
  needId: idSchema,
  needTitle: z.string(),
  studioId: idSchema,
  studioName: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  resourceId: idSchema.optional(),
  resourceTitle: z.string().optional(),
  kind: z.enum(RESOURCE_KINDS),
  owner: z.string(),
  startDate: dateSchema,
  endDate: dateSchema,
  status: z.enum(PROJECT_STATUSES),
  statusLabel: z.string(),
  /** 单位签字 / 社区签字: who signed for each side of the 双向服务 agreement, and when. */
  unitSignature: signature.optional(),
  studioSignature: signature.optional(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ProjectView = z.infer<typeof projectView>;
export const projectsPage = z.object({ projects: z.array(projectView), nextCursor: z.string().optional() });
export type ProjectsPage = z.infer<typeof projectsPage>;
