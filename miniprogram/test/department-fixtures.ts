/** Fixtures for the 部门与联络员 pages: shapes follow @shared/schemas/departments. */
import type { DepartmentView, LiaisonMatterView } from '@shared/schemas/departments'
import { saveSession } from '../src/services/session'
import { FUTURE, STUDIO_ID } from './fixtures'

export const CHENGGUAN = '01JD00000000000000000000D1'
export const HUANWEI = '01JD00000000000000000000D2'
export const MATTER = '01JD00000000000000000000M1'

export const departments = (): DepartmentView[] => [
  { id: CHENGGUAN, name: '城管办', note: '市容、占道经营', active: true },
  { id: HUANWEI, name: '环卫所', active: false },
]

export function signInAsLiaison(departmentId = CHENGGUAN) {
  saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U3', displayName: '城管办联络员', role: 'liaison', studioId: STUDIO_ID, studioName: '青石镇党代表工作室', departmentId } })
}

export function aMatter(overrides: Partial<LiaisonMatterView> = {}): LiaisonMatterView {
  return {
    submissionId: MATTER,
    handOnId: '01JD00000000000000000000H1',
    departmentId: CHENGGUAN,
    department: '城管办',
    studioName: '青石镇党代表工作室',
    category: '环境卫生',
    summary: '菜场门口占道摆摊',
    state: 'handed',
    stateLabel: '待签收',
    dueDate: '2099-12-01',
    handedAt: '2099-11-20T02:00:00.000Z',
    overdue: false,
    text: '菜场门口占道摆摊，电话138****8000',
    place: '菜场东门',
    status: 'handed_on',
    timeline: [{ kind: '已交办', at: '2099-11-20T02:00:00.000Z', by: '青石镇党代表工作室', text: '已交办城管办，办理期限 2099-12-01' }],
    allowedSteps: ['acknowledge', 'hand_back'],
    ...overrides,
  }
}
