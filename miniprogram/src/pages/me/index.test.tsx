import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { signInAs } from '../../../test/fixtures'
import { getUser } from '../../services/session'
import MePage from './index'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  // GET /me answers with the stored user
  Taro.request.mockImplementation((() => Promise.resolve({ statusCode: 200, data: getUser() })) as never)
})

describe('我的: entries', () => {
  it('everyone signed in sees 我的血压记录; residents see no studio entries', async () => {
    signInAs('resident')
    const { container } = render(<MePage />)
    fireEvent.click(container.querySelector('.readings-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/readings/index' }))
    expect(container.querySelector('.staff-entry')).toBeNull()
    expect(container.querySelector('.admin-entry')).toBeNull()
  })

  it('everyone signed in opens 我的数据 (see, export, delete their own data)', async () => {
    signInAs('resident')
    const { container } = render(<MePage />)
    fireEvent.click(container.querySelector('.my-data-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/my-data/index' }))
  })

  it('staff see the stand console but not 工作室设置', async () => {
    signInAs('staff')
    const { container } = render(<MePage />)
    await act(() => Promise.resolve()) // GET /me refreshes the user
    expect(container.querySelector('.staff-entry')).not.toBeNull()
    expect(container.querySelector('.admin-entry')).toBeNull()
  })

  it('an administrator opens 工作室设置 in the admin subpackage', async () => {
    signInAs('admin')
    const { container } = render(<MePage />)
    expect(container.querySelector('.admin-entry')?.textContent).toContain('工作室设置')
    fireEvent.click(container.querySelector('.admin-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageAdmin/pages/index/index' }))
  })
})

describe('我的: 意见建议 entries', () => {
  it('everyone sees 我的意见; only representatives and admins see 意见办理 (packageRep)', async () => {
    signInAs('resident')
    const resident = render(<MePage />)
    expect(resident.container.querySelector('.my-submissions-entry')).not.toBeNull()
    expect(resident.container.querySelector('.rep-entry')).toBeNull()
    fireEvent.click(resident.container.querySelector('.my-submissions-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/submissions/index' }))
    resident.unmount()

    signInAs('representative')
    const rep = render(<MePage />)
    fireEvent.click(rep.container.querySelector('.rep-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/inbox/index' }))
  })

  it('提意见 uses the last stand’s studio, or asks to scan a code first', async () => {
    signInAs('resident')
    const first = render(<MePage />)
    fireEvent.click(first.container.querySelector('.submit-entry') as HTMLElement)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先扫一扫服务点的二维码' })))
    first.unmount()

    Taro.setStorageSync('lianxin.lastStand', JSON.stringify({ scene: 'v=01JD00000000000000000000V1', studioId: '01JD00000000000000000000S1', standId: '01JD00000000000000000000T1', studioName: '青石镇党代表工作室' }))
    const { container } = render(<MePage />)
    expect(container.querySelector('.submit-entry')?.textContent).toContain('写给青石镇党代表工作室')
    fireEvent.click(container.querySelector('.submit-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/submit/index?studioId=01JD00000000000000000000S1&standId=01JD00000000000000000000T1' }))
  })
})

describe('我的: 消息', () => {
  it('shows the unread count from GET /me/notifications and opens 消息', async () => {
    signInAs('resident')
    Taro.request.mockImplementation(((...args: unknown[]) => {
      const { url } = args[0] as { url: string }
      if (url.endsWith('/me/notifications')) return Promise.resolve({ statusCode: 200, data: { notifications: [], unread: 3 } })
      return Promise.resolve({ statusCode: 200, data: getUser() })
    }) as never)
    const { container } = render(<MePage />)
    await waitFor(() => expect(container.querySelector('.notifications-entry .unread-badge')?.textContent).toBe('3'))
    fireEvent.click(container.querySelector('.notifications-entry') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/notifications/index' }))
  })

  it('shows no badge when everything is read', async () => {
    signInAs('resident')
    Taro.request.mockImplementation(((...args: unknown[]) => {
      const { url } = args[0] as { url: string }
      if (url.endsWith('/me/notifications')) return Promise.resolve({ statusCode: 200, data: { notifications: [], unread: 0 } })
      return Promise.resolve({ statusCode: 200, data: getUser() })
    }) as never)
    const { container } = render(<MePage />)
    await act(() => Promise.resolve())
    expect(container.querySelector('.notifications-entry')).not.toBeNull()
    expect(container.querySelector('.unread-badge')).toBeNull()
  })
})

describe('加入工作室 on 我的', () => {
  it('waits behind a small link, then takes an invite code', async () => {
    signInAs('resident')
    const { container } = render(<MePage />)
    expect(container.querySelector('.invite-input')).toBeNull()
    fireEvent.click(screen.getByText('我是党代表或工作人员，有邀请码 ›'))
    expect(container.querySelector('.invite-input')).not.toBeNull()
    fireEvent.click(container.querySelector('.invite-submit') as HTMLElement)
    expect(container.querySelector('.invite-error')?.textContent).toContain('邀请码应为 8 位')
  })
})
