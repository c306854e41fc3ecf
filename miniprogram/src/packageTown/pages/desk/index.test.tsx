import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { apiError, FUTURE, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import { saveSession } from '../../../services/session'
import TownDeskPage from './index'

const TOWN_ID = '01JD00000000000000000000W1'
const TOWN = { id: TOWN_ID, name: '洛社镇', district: '惠山区' }
const row = (studioId: string, name: string, received: number) => ({ studioId, name, received, responseRate: 0.5, resolutionRate: null, satisfactionRate: 1, overdue: 2, bookings: 12, served: 9, noShows: 1 })
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U9', displayName: '吴卫东', role: 'town_admin', townId: TOWN_ID } })
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.method === 'POST') return ok({ studio: { id: '01JD00000000000000000000S3', name: '石塘湾村党代表工作室', address: '石塘湾村村委会', createdAt: FUTURE }, adminInvite: { code: 'ACDEFGH3', expiresAt: FUTURE } }, 201)
    return ok({ town: TOWN, month: '2099-01', studios: [row('01JD00000000000000000000S1', '洛社镇党代表工作室', 7), row('01JD00000000000000000000S2', '新开河村党代表工作室', 3)] })
  }) as never)
})

describe('镇街工作台', () => {
  it('shows every studio’s figures side by side', async () => {
    const { container } = render(<TownDeskPage />)
    await waitFor(() => expect(container.querySelectorAll('.town-studio')).toHaveLength(2))
    expect(Array.from(container.querySelectorAll('.town-studio-name')).map((e) => e.textContent)).toEqual(['洛社镇党代表工作室', '新开河村党代表工作室'])
    const first = Array.from(container.querySelectorAll('.town-studio')[0]!.querySelectorAll('.figure')).map((f) => f.textContent)
    expect(first).toEqual(['7收到意见', '50%响应率', '—解决率', '100%满意率', '2超期', '12预约', '9已服务', '1爽约'])
    expect(Taro.request.mock.calls[0]![0]).toMatchObject({ url: expect.stringContaining(`/towns/${TOWN_ID}/figures?month=`) })
  })

  it('checks the new studio’s fields before sending, then shows the first admin’s invite code', async () => {
    const { container } = render(<TownDeskPage />)
    await waitFor(() => expect(container.querySelector('.new-studio-submit')).not.toBeNull())
    fireEvent.click(container.querySelector('.new-studio-submit') as Element)
    expect(container.querySelector('.studio-name-error')?.textContent).toBe('工作室名称至少 2 个字')
    expect(posts()).toHaveLength(0)
    fireEvent.input(container.querySelector('.studio-name-input') as Element, { target: { value: '石塘湾村党代表工作室' } })
    fireEvent.input(container.querySelector('.studio-address-input') as Element, { target: { value: '石塘湾村村委会' } })
    fireEvent.click(container.querySelector('.new-studio-submit') as Element)
    await waitFor(() => expect(container.querySelector('.admin-invite-code')?.textContent).toBe('ACDEFGH3'))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/towns/${TOWN_ID}/studios`, data: { name: '石塘湾村党代表工作室', address: '石塘湾村村委会' } })
  })

  it('opens 成员单位与三张清单', async () => {
    const { container } = render(<TownDeskPage />)
    await waitFor(() => expect(container.querySelector('.town-units-entry')).not.toBeNull())
    fireEvent.click(container.querySelector('.town-units-entry') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packageTown/pages/units/index' }))
  })

  it('says what went wrong when the town refuses', async () => {
    Taro.request.mockImplementation((() => apiError(403, 'FORBIDDEN', '只有本镇街的管理员可以操作')) as never)
    const { container } = render(<TownDeskPage />)
    await waitFor(() => expect(container.textContent).toContain('只有本镇街的管理员可以操作'))
  })

  it('is for town admins only', () => {
    signInAs('admin')
    const { container } = render(<TownDeskPage />)
    expect(container.querySelector('.no-town-access')?.textContent).toContain('镇街工作台只对镇街管理员开放。')
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
