import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { ok, signInAs, type RequestCall } from '../../../test/fixtures'
import type { NotificationsResponse } from '@shared/schemas/notice'
import NotificationsPage from './index'

const BASE = 'http://127.0.0.1:3000'

const inbox: NotificationsResponse = {
  unread: 1,
  notifications: [
    { id: 'N2', kind: 'submission_replied', title: '您的意见有了答复', body: '老街口路灯：已联系供电所', page: '/pages/submission/index?id=01JD00000000000000000000Q1', at: '2099-11-12T01:30:00.000Z', read: false },
    { id: 'N1', kind: 'board_update', title: '公示墙有新答复', body: '青石镇党代表工作室', page: '/pages/index/index', at: '2099-11-10T01:00:00.000Z', read: true },
  ],
}

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)

function api(data: NotificationsResponse) {
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url, method } = args[0] as RequestCall
    if (url === `${BASE}/me/notifications` && (method ?? 'GET') === 'GET') return ok(data)
    if (url === `${BASE}/me/notifications/read` && method === 'POST') return ok({ unread: 0 })
    return Promise.reject(new Error(`unexpected ${method} ${url}`))
  }) as never)
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = BASE
})

describe('消息', () => {
  it('lists newest first, shows unread ones bold with a dot, and marks all read on open', async () => {
    signInAs('resident')
    api(inbox)
    const { container } = render(<NotificationsPage />)
    await waitFor(() => expect(container.querySelectorAll('.notification-item')).toHaveLength(2))
    const items = container.querySelectorAll('.notification-item')
    expect(items[0].textContent).toContain('您的意见有了答复')
    expect(items[0].className).toContain('notification-item--unread')
    expect(items[0].querySelector('.unread-dot')).not.toBeNull()
    expect(items[1].className).not.toContain('notification-item--unread')
    expect(items[1].querySelector('.unread-dot')).toBeNull()
    // 2099-11-12T01:30Z is 09:30 in China
    expect(items[0].querySelector('.notification-time')?.textContent).toBe('11月12日 周四 09:30')

    await waitFor(() => expect(calls().map((c) => `${c.method ?? 'GET'} ${c.url}`)).toEqual([`GET ${BASE}/me/notifications`, `POST ${BASE}/me/notifications/read`]))
    // still shown as new during this visit
    expect(container.querySelector('.notification-item--unread')).not.toBeNull()
  })

  it('opens a message’s page: navigateTo for pages, switchTab for tab pages', async () => {
    signInAs('resident')
    api(inbox)
    const { container } = render(<NotificationsPage />)
    await waitFor(() => expect(container.querySelectorAll('.notification-item')).toHaveLength(2))
    fireEvent.click(container.querySelectorAll('.notification-item')[0])
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/submission/index?id=01JD00000000000000000000Q1' }))
    fireEvent.click(container.querySelectorAll('.notification-item')[1])
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }))
  })

  it('says so when there are no messages, and does not mark anything', async () => {
    signInAs('resident')
    api({ unread: 0, notifications: [] })
    const { container } = render(<NotificationsPage />)
    await waitFor(() => expect(container.querySelector('.notifications-empty')?.textContent).toContain('还没有消息'))
    expect(calls().some((c) => c.method === 'POST')).toBe(false)
  })
})
