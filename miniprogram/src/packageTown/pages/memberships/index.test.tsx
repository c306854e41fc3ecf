import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { FUTURE, ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { getUser } from '../../../services/session'
import MembershipsPage from './index'

const OTHER = '01JD00000000000000000000S2'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('representative')
  let active = STUDIO_ID
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.method === 'POST') {
      active = (req.data as { studioId: string }).studioId
      return ok({ token: 't2', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U2', displayName: '王志强', role: 'admin', studioId: OTHER, studioName: '新开河村党代表工作室' } })
    }
    return ok({
      memberships: [
        { role: 'representative', studioId: STUDIO_ID, studioName: '青石镇党代表工作室', active: active === STUDIO_ID },
        { role: 'admin', studioId: OTHER, studioName: '新开河村党代表工作室', active: active === OTHER },
      ],
    })
  }) as never)
})

describe('切换身份', () => {
  it('lists the roles, marks the current one, and switches with one tap (a new session is kept)', async () => {
    const { container } = render(<MembershipsPage />)
    await waitFor(() => expect(container.querySelectorAll('.membership-card')).toHaveLength(2))
    expect(container.querySelector('.membership-card--active .membership-place')?.textContent).toBe('青石镇党代表工作室')
    fireEvent.click(container.querySelector('.membership-switch') as Element)
    await waitFor(() => expect(container.querySelector('.membership-card--active .membership-place')?.textContent).toBe('新开河村党代表工作室'))
    const post = Taro.request.mock.calls.map((c) => c[0] as RequestCall).find((c) => c.method === 'POST')
    expect(post).toMatchObject({ url: 'http://127.0.0.1:3000/me/active-membership', data: { role: 'admin', studioId: OTHER } })
    expect(getUser()).toMatchObject({ role: 'admin', studioId: OTHER })
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已切换为：新开河村党代表工作室工作室管理员' }))
  })

  it('names a unit liaison’s unit beside the town', async () => {
    Taro.request.mockImplementation((() => ok({ memberships: [{ role: 'unit_liaison', townId: '01JD00000000000000000000W1', townName: '洛社镇', unitId: '01JD00000000000000000000N1', unitName: '洛社镇卫生院', active: false }] })) as never)
    const { container } = render(<MembershipsPage />)
    await waitFor(() => expect(container.querySelector('.membership-place')?.textContent).toBe('洛社镇 · 洛社镇卫生院'))
  })
})
