import type { StandPageResponse } from '@shared/schemas/stand'
import { resetTaroMock, storage } from '../../test/mocks/taro'
import { LAST_STAND_PAGE_KEY, rememberedStandPage, rememberStandPage } from './last-stand'

const SCENE = 'v=01JD00000000000000000000V1'
const page: StandPageResponse = {
  studio: { id: '01JD00000000000000000000S1', name: '青石镇党代表工作室' },
  venue: { id: '01JD00000000000000000000V1', name: '青石镇集市', address: '青石镇老街 18 号' },
  stand: { id: '01JD00000000000000000000T1', date: '2025-11-25', startTime: '08:00', endTime: '12:00', status: 'scheduled', isToday: false },
  endedToday: { date: '2025-11-22', endTime: '11:30' },
  services: [{ id: '01JD00000000000000000000A1', name: '量血压', description: '', minutesPerPerson: 5, homeVisit: false, slots: [] }],
}
/** China time: the 22nd at 12:00, the 25th at 09:00, the 26th at 08:00. */
const SAT_NOON = new Date('2025-11-22T04:00:00.000Z')
const TUE_MORNING = new Date('2025-11-25T01:00:00.000Z')
const WED_MORNING = new Date('2025-11-26T00:00:00.000Z')

beforeEach(() => resetTaroMock())

// The stand page shows the stand as last seen at once while it asks again (a weak signal at the market).
describe('the stand page as last seen', () => {
  it('comes back for the same venue, with when it was seen', () => {
    rememberStandPage(SCENE, page, SAT_NOON)
    expect(rememberedStandPage(SCENE, SAT_NOON)).toEqual({ page, savedAt: SAT_NOON.toISOString() })
    expect(rememberedStandPage('v=01JD00000000000000000000V2', SAT_NOON)).toBeNull()
  })

  it('reads 今天 and today’s end again against the day it is shown', () => {
    rememberStandPage(SCENE, page, SAT_NOON)
    const onTheDay = rememberedStandPage(SCENE, TUE_MORNING)?.page
    expect(onTheDay?.stand.isToday).toBe(true)
    expect(onTheDay?.endedToday).toBeUndefined() // Saturday's end is not Tuesday's
  })

  it('is not shown once its market day is over', () => {
    rememberStandPage(SCENE, page, SAT_NOON)
    expect(rememberedStandPage(SCENE, WED_MORNING)).toBeNull()
  })

  it('is not shown when what is stored cannot be read (another version of the app, a broken value)', () => {
    storage.set(LAST_STAND_PAGE_KEY, JSON.stringify({ scene: SCENE, savedAt: SAT_NOON.toISOString(), page: { ...page, services: 'none' } }))
    expect(rememberedStandPage(SCENE, SAT_NOON)).toBeNull()
    storage.set(LAST_STAND_PAGE_KEY, '{not json')
    expect(rememberedStandPage(SCENE, SAT_NOON)).toBeNull()
    storage.set(LAST_STAND_PAGE_KEY, JSON.stringify({ scene: SCENE, savedAt: 'yesterday', page }))
    expect(rememberedStandPage(SCENE, SAT_NOON)).toBeNull()
  })
})
