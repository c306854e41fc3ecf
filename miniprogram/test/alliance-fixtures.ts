import type { NeedView, ProjectView, ResourceView } from '@shared/schemas/alliance'

/** What the alliance's routes answer, for the pages' jsdom tests. */
export const TOWN_ID = '01JD00000000000000000000W1'
export const HOSPITAL = '01JD00000000000000000000N1'
export const SCHOOL = '01JD00000000000000000000N2'
export const STUDIO = '01JD00000000000000000000S1'
export const NEED_ID = '01JD00000000000000000000E1'
export const PROJECT_ID = '01JD00000000000000000000P1'
const AT = '2099-01-01T00:00:00.000Z'

export const aResource = (overrides: Partial<ResourceView> = {}): ResourceView => ({ id: '01JD00000000000000000000R1', townId: TOWN_ID, unitId: HOSPITAL, unitName: '洛社镇卫生院', title: '义诊', kind: 'service', kindLabel: '服务', description: '量血压、测血糖', amount: '每月两次', active: true, createdAt: AT, version: 1, ...overrides })
export const aNeed = (overrides: Partial<NeedView> = {}): NeedView => ({ id: NEED_ID, townId: TOWN_ID, studioId: STUDIO, studioName: '洛社镇党代表工作室', title: '老人健康检查', kind: 'service', kindLabel: '服务', status: 'open', statusLabel: '待对接', createdBy: '工作室管理员 赵敏', createdAt: AT, ...overrides })
export const aProject = (overrides: Partial<ProjectView> = {}): ProjectView => ({ id: PROJECT_ID, townId: TOWN_ID, needId: NEED_ID, needTitle: '老人健康检查', studioId: STUDIO, studioName: '洛社镇党代表工作室', unitId: HOSPITAL, unitName: '洛社镇卫生院', resourceId: '01JD00000000000000000000R1', resourceTitle: '义诊', kind: 'service', owner: '周丽萍', startDate: '2099-02-01', endDate: '2099-06-30', status: 'pending', statusLabel: '待签约', createdAt: AT, version: 1, ...overrides })
