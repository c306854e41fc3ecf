import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { apiError, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import DeskConfirmPage from './index'

const TICKET = '01JDTICKET0000000000000001'
const pending = { ticketId: TICKET, browser: 'Chrome 浏览器 · Windows 电脑', expiresAt: '2099-11-20T02:02:00.000Z', status: 'pending' }
const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { ticket: TICKET }
})

describe('确认登录电脑工作台 (the phone, after the scan)', () => {
  it('asks 在电脑上登录连心工作台？ naming the browser, and 确认登录 binds this account to it', async () => {
    signInAs('representative')
    Taro.request.mockImplementation(((call: RequestCall) => ok(call.url.endsWith('/confirm') ? { ...pending, status: 'confirmed' } : pending)) as never)
    render(<DeskConfirmPage />)
    await screen.findByText('在电脑上登录连心工作台？')
    expect(screen.getByText('请求登录的浏览器：Chrome 浏览器 · Windows 电脑')).toBeTruthy()
    expect(calls()[0]!.url).toBe(`http://127.0.0.1:3000/auth/desk-tickets/${TICKET}`)
    fireEvent.click(screen.getByText('确认登录'))
    await screen.findByText('已确认登录。电脑上马上进入连心工作台。')
    expect(calls()[1]).toMatchObject({ method: 'POST', url: `http://127.0.0.1:3000/auth/desk-tickets/${TICKET}/confirm` })
  })

  it('取消 refuses the browser', async () => {
    signInAs('staff')
    Taro.request.mockImplementation(((call: RequestCall) => ok(call.url.endsWith('/cancel') ? { ...pending, status: 'cancelled' } : pending)) as never)
    render(<DeskConfirmPage />)
    fireEvent.click(await screen.findByText('取消'))
    await screen.findByText('已取消这次登录。')
  })

  it('says when the code has expired, and shows the server’s refusal when confirming fails', async () => {
    signInAs('admin')
    Taro.request.mockImplementation((() => ok({ ...pending, status: 'expired' })) as never)
    const { unmount } = render(<DeskConfirmPage />)
    await screen.findByText('二维码已过期。请在电脑上点击刷新，再扫一次。')
    expect(screen.queryByText('确认登录')).toBeNull()
    unmount()

    Taro.request.mockImplementation(((call: RequestCall) => (call.url.endsWith('/confirm') ? apiError(409, 'CONFLICT', '二维码已过期，请在电脑上点击刷新') : ok(pending))) as never)
    render(<DeskConfirmPage />)
    fireEvent.click(await screen.findByText('确认登录'))
    await screen.findByText('二维码已过期，请在电脑上点击刷新')
  })

  it('is not for residents: they are told who it is for, and nothing is asked of the server', async () => {
    signInAs('resident')
    render(<DeskConfirmPage />)
    await screen.findByText('电脑工作台只对工作室的党代表、工作人员和管理员开放。')
    await waitFor(() => expect(Taro.request).not.toHaveBeenCalled())
  })
})
