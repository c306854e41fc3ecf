import { fireEvent, render, screen } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../test/mocks/taro'
import LoginPage, { SESSION_EXPIRED_MESSAGE } from './index'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: { personas: [] } }))
})

describe('login page', () => {
  it('says the session ran out when a signed-in call sent the person here', async () => {
    router.params = { reason: 'expired' }
    render(<LoginPage />)
    expect(screen.getByText(SESSION_EXPIRED_MESSAGE).closest('.session-expired')).not.toBeNull()
    await screen.findByText('选择身份登录')
  })

  it('says nothing of the kind when the person came to sign in', async () => {
    router.params = {}
    render(<LoginPage />)
    await screen.findByText('选择身份登录')
    expect(screen.queryByText(SESSION_EXPIRED_MESSAGE)).toBeNull()
  })

  it('offers the desk sign-in by QR code in a browser, beside the demo personas', async () => {
    router.params = {}
    render(<LoginPage />)
    await screen.findByText('选择身份登录')
    fireEvent.click(screen.getByText('用手机扫码登录工作台'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/desk-login/index' })
  })

  it('does not offer it in WeChat, where the phone itself signs in', () => {
    process.env.TARO_ENV = 'weapp'
    router.params = {}
    render(<LoginPage />)
    expect(screen.queryByText('用手机扫码登录工作台')).toBeNull()
  })
})
