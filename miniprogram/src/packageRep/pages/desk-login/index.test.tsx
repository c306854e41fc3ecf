import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { apiError, ok, type RequestCall } from '../../../../test/fixtures'
import { getSession } from '../../../services/session'
import DeskLoginPage from './index'

const NOW = new Date('2099-11-20T02:00:00.000Z')
const ticket = (id: string) => ({ ticketId: id, secret: `secret-of-${id}-0123456789abcdef`, expiresAt: new Date(NOW.getTime() + 120_000).toISOString(), qrPayload: `lianxin-desk:${id}` })
const session = { token: 'desk-token', expiresAt: '2099-11-20T04:00:00.000Z', user: { id: '01JD00000000000000000000R1', displayName: '张建国', role: 'representative', studioId: '01JD00000000000000000000S1' } }
const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)

beforeEach(() => {
  resetTaroMock()
  window.sessionStorage.clear()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  jest.useFakeTimers({ now: NOW, advanceTimers: true })
})
afterEach(() => jest.useRealTimers())

describe('扫码登录连心工作台 (the desk browser)', () => {
  it('shows the QR code of a new ticket with a countdown, polls with the secret, and opens the inbox with its own session', async () => {
    let confirmed = false
    Taro.request.mockImplementation(((call: RequestCall) =>
      call.url.endsWith('/auth/desk-tickets') ? ok(ticket('01JDTICKET0000000000000001'), 201) : ok(confirmed ? { status: 'signed_in', session } : { status: 'pending', expiresAt: ticket('x').expiresAt })) as never)
    const { container } = render(<DeskLoginPage />)
    await waitFor(() => expect(container.querySelector('.desk-ticket')?.getAttribute('data-ticket-id')).toBe('01JDTICKET0000000000000001'))
    expect(screen.getByRole('img', { name: '登录连心工作台的二维码' })).toBeTruthy()
    expect(container.querySelector('.desk-countdown')?.textContent).toBe('120 秒后过期')
    expect(container.querySelector('.desk-open-on-phone')?.getAttribute('data-href')).toContain('#/packageRep/pages/desk-confirm/index?ticket=01JDTICKET0000000000000001')
    // the secret stays in this tab: sessionStorage, not the persistent storage, and never in a URL
    expect(window.sessionStorage.getItem('lianxin.desk-ticket')).toContain('secret-of-01JDTICKET')
    expect(Taro.setStorageSync).not.toHaveBeenCalled()

    await act(async () => void jest.advanceTimersByTime(2100))
    const polls = calls().filter((c) => c.url.endsWith('/session'))
    expect(polls.length).toBeGreaterThan(0)
    expect(polls[0]).toMatchObject({ method: 'POST', data: { secret: 'secret-of-01JDTICKET0000000000000001-0123456789abcdef' } })
    expect(polls[0]!.url).not.toContain('secret')
    expect(Taro.reLaunch).not.toHaveBeenCalled()

    confirmed = true
    await act(async () => void jest.advanceTimersByTime(2100))
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packageRep/pages/inbox/index' }))
    expect(getSession()?.token).toBe('desk-token')
    expect(window.sessionStorage.getItem('lianxin.desk-ticket')).toBeNull()
  })

  it('says the code is over when the phone cancelled it, and 点击刷新 shows a new one', async () => {
    let n = 0
    Taro.request.mockImplementation(((call: RequestCall) =>
      call.url.endsWith('/auth/desk-tickets') ? ok(ticket(`01JDTICKET000000000000000${++n}`), 201) : apiError(409, 'CONFLICT', '已在手机上取消这次登录，请在电脑上刷新二维码')) as never)
    const { container } = render(<DeskLoginPage />)
    await waitFor(() => expect(container.querySelector('.desk-ticket')).not.toBeNull())
    await act(async () => void jest.advanceTimersByTime(2100))
    await screen.findByText('已在手机上取消这次登录，请在电脑上刷新二维码')
    expect(container.querySelector('.desk-ticket')).toBeNull()
    fireEvent.click(screen.getByText('二维码已过期，点击刷新'))
    await waitFor(() => expect(container.querySelector('.desk-ticket')?.getAttribute('data-ticket-id')).toBe('01JDTICKET0000000000000002'))
  })

  it('counts down to 0 and offers 二维码已过期，点击刷新 without asking the server', async () => {
    Taro.request.mockImplementation(((call: RequestCall) =>
      call.url.endsWith('/auth/desk-tickets') ? ok(ticket('01JDTICKET0000000000000001'), 201) : ok({ status: 'pending', expiresAt: ticket('x').expiresAt })) as never)
    const { container } = render(<DeskLoginPage />)
    await waitFor(() => expect(container.querySelector('.desk-ticket')).not.toBeNull())
    await act(async () => void jest.advanceTimersByTime(60_000))
    expect(container.querySelector('.desk-countdown')?.textContent).toBe('60 秒后过期')
    await act(async () => void jest.advanceTimersByTime(61_000))
    await screen.findByText('二维码已过期，请刷新后重新扫码')
    expect(screen.getByText('二维码已过期，点击刷新')).toBeTruthy()
    expect(window.sessionStorage.getItem('lianxin.desk-ticket')).toBeNull()
  })
})
