/** Fixtures for the 点单-配送 page tests: shapes follow @shared/schemas/errands. */
import type { ErrandKindView, ErrandView } from '@shared/schemas/errands'
import { STUDIO_ID } from './fixtures'

export const ERRAND_ID = '01JD00000000000000000000E1'
export const MEDICINE = '01JD00000000000000000000K1'
export const HAIRCUT = '01JD00000000000000000000K2'

export const errandKinds = (): ErrandKindView[] => [
  { id: MEDICINE, name: '代购药品', description: '志愿者到药店代买常用药，送到家里', dispatch: 'claim', acceptClaims: false, homeVisit: false, retired: false },
  { id: HAIRCUT, name: '上门理发', description: '理发志愿者上门为老人理发', dispatch: 'claim', acceptClaims: true, homeVisit: true, retired: false },
]

export function anErrand(overrides: Partial<ErrandView> = {}): ErrandView {
  return {
    id: ERRAND_ID,
    studioId: STUDIO_ID,
    kindId: MEDICINE,
    kindName: '代购药品',
    homeVisit: false,
    personName: '王阿姨',
    onBehalf: false,
    forWhom: '独居老人',
    urgency: 2,
    when: '明天上午',
    area: '贡井区筱溪街道…',
    status: 'ordered',
    createdAt: '2099-11-20T02:00:00.000Z',
    updatedAt: '2099-11-20T02:00:00.000Z',
    actions: ['cancel'],
    ...overrides,
  }
}
