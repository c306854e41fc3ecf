/** 成员单位与三张清单 (资源清单 / 需求清单 / 项目清单): one typed function per route, like api.ts. */
import { call, type BodyOf } from './request'

/* ---------- 成员单位 ---------- */

/** The town admin and the town's unit liaisons: every unit, retired ones marked. */
export const listUnits = (townId: string) => call('listUnits', { params: { townId } })
export const getUnit = (townId: string, unitId: string) => call('getUnit', { params: { townId, unitId } })
/** Town admin. 201. */
export const createUnit = (townId: string, body: BodyOf<'createUnit'>) => call('createUnit', { params: { townId }, body })
/** The town admin, or the unit's own liaison; `version` as read. */
export const updateUnit = (townId: string, unitId: string, body: BodyOf<'updateUnit'>) => call('updateUnit', { params: { townId, unitId }, body })
export const retireUnit = (townId: string, unitId: string) => call('retireUnit', { params: { townId, unitId } })
/** Town admin: an invite code for the unit's liaison. 201. */
export const createUnitInvite = (townId: string, unitId: string, validHours: number) => call('createUnitInvite', { params: { townId, unitId }, body: { validHours } })

/* ---------- 资源清单 ---------- */

export const listTownResources = (townId: string, cursor?: string) => call('listTownResources', { params: { townId }, query: { cursor } })
export const listUnitResources = (townId: string, unitId: string, cursor?: string) => call('listUnitResources', { params: { townId, unitId }, query: { cursor } })
export const addResource = (townId: string, unitId: string, body: BodyOf<'addResource'>) => call('addResource', { params: { townId, unitId }, body })
/** The whole entry; `active: false` withdraws it (撤下). */
export const updateResource = (townId: string, unitId: string, resourceId: string, body: BodyOf<'updateResource'>) => call('updateResource', { params: { townId, unitId, resourceId }, body })

/* ---------- 需求清单 ---------- */

export const listTownNeeds = (townId: string, cursor?: string) => call('listTownNeeds', { params: { townId }, query: { cursor } })
export const getNeedMatches = (townId: string, needId: string) => call('getNeedMatches', { params: { townId, needId } })
/** A studio's admin or representative. 201. */
export const fileNeed = (studioId: string, body: BodyOf<'fileNeed'>) => call('fileNeed', { params: { studioId }, body })
export const listStudioNeeds = (studioId: string, cursor?: string) => call('listStudioNeeds', { params: { studioId }, query: { cursor } })
export const withdrawNeed = (studioId: string, needId: string) => call('withdrawNeed', { params: { studioId, needId } })

/* ---------- 项目清单 ---------- */

/** The town admin, or a unit's liaison for their own unit: the need becomes 已对接. 201. */
export const createProject = (townId: string, body: BodyOf<'createProject'>) => call('createProject', { params: { townId }, body })
export const listTownProjects = (townId: string, cursor?: string) => call('listTownProjects', { params: { townId }, query: { cursor } })
export const listUnitProjects = (townId: string, unitId: string, cursor?: string) => call('listUnitProjects', { params: { townId, unitId }, query: { cursor } })
export const listStudioProjects = (studioId: string, cursor?: string) => call('listStudioProjects', { params: { studioId }, query: { cursor } })
/** 单位签字: the liaison of the project's unit. */
export const signProjectForUnit = (townId: string, projectId: string) => call('signProjectForUnit', { params: { townId, projectId } })
/** 社区签字: the studio's admin or a representative. */
export const signProjectForStudio = (studioId: string, projectId: string) => call('signProjectForStudio', { params: { studioId, projectId } })
/** 开始 / 完成 / 取消 (the town admin, or the unit's liaison). */
export const moveProject = (townId: string, projectId: string, status: BodyOf<'moveProject'>['status']) => call('moveProject', { params: { townId, projectId }, body: { status } })
