import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { apiError, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import StandVolunteersPage from './index'

const STAND_ID = '01JD0000000000000000000STD'
const A = '01JD00000000000000000000AA'
const B = '01JD00000000000000000000BB'
const VIEW = {
  stand: { id: STAND_ID, date: '2099-11-21', startTime: '08:00', endTime: '11:30', venueName: '洛社农贸集市', status: 'scheduled' },
  shifts: [{ standId: STAND_ID, userId: A, displayName: '张师傅', status: 'in', checkedInAt: '2099-11-21T00:10:00.000Z' }],
  volunteers: [
    { userId: A, displayName: '张师傅', skills: ['理发'] },
    { userId: B, displayName: '李老师', skills: ['辅导功课', '文艺'] },
  ],
}
const sent = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method !== 'GET')

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { standId: STAND_ID }
  signInAs('staff')
})

describe('志愿者签到 (staff)', () => {
  it('checks a waiting volunteer in and the one on duty out, showing the time and coins', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => {
      if (req.method === 'PUT') return ok({ standId: STAND_ID, userId: B, displayName: '李老师', status: 'in', checkedInAt: '2099-11-21T01:00:00.000Z' })
      if (req.method === 'POST') return ok({ ...VIEW.shifts[0], status: 'out', checkedOutAt: '2099-11-21T02:40:00.000Z', minutes: 150, coins: 4 })
      return ok(VIEW)
    }) as never)
    const { container } = render(<StandVolunteersPage />)
    await waitFor(() => expect(container.querySelectorAll('.shift-check-in')).toHaveLength(1)) // 张师傅 is on duty already
    expect(container.querySelector('.staff-heading-sub')?.textContent).toContain('洛社农贸集市')

    fireEvent.click(container.querySelector('.shift-check-in') as Element)
    await waitFor(() => expect(container.querySelectorAll('.shift-check-out')).toHaveLength(2))
    expect(sent()[0]).toMatchObject({ method: 'PUT', url: `http://127.0.0.1:3000/stands/${STAND_ID}/volunteer-shifts/${B}` })
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '李老师 已签到' }))

    fireEvent.click(container.querySelector('.shift-check-out') as Element)
    await waitFor(() => expect(container.querySelector('.shift-row--out .shift-meta')?.textContent).toContain('服务 2 小时 30 分 · +4 幸福币'))
    expect(sent()[1]).toMatchObject({ method: 'POST', url: `http://127.0.0.1:3000/stands/${STAND_ID}/volunteer-shifts/${A}/check-out` })
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '张师傅 已签退，服务 2 小时 30 分，记 4 个幸福币' }))
  })

  it('says why a check-in was refused and keeps the list', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'PUT' ? apiError(409, 'CONFLICT', '服务点已经结束，不能再签到') : ok(VIEW))) as never)
    const { container } = render(<StandVolunteersPage />)
    await waitFor(() => expect(container.querySelectorAll('.shift-check-in')).toHaveLength(1))
    fireEvent.click(container.querySelector('.shift-check-in') as Element)
    await waitFor(() => expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '服务点已经结束，不能再签到' })))
    expect(container.querySelectorAll('.shift-check-in')).toHaveLength(1)
  })

  it('is for the studio’s people only', () => {
    signInAs('resident')
    const { container } = render(<StandVolunteersPage />)
    expect(container.querySelector('.shift-row')).toBeNull()
  })
})
