import Taro, { pageStack, resetTaroMock, storage } from '../../test/mocks/taro'
import { ApiError, NETWORK_ERROR_MESSAGE, request } from './request'
import { getStandByScene, redeemInvite } from './api'
import { getSession, saveSession, SESSION_KEY } from './session'

const USER = { id: '01JD0000000000000000000001', displayName: '王阿姨', role: 'resident' as const }
const FUTURE = '2099-01-01T00:00:00.000Z'

function signIn(token = 'old-token') {
  saveSession({ token, expiresAt: FUTURE, user: USER })
}

function reply(statusCode: number, data: unknown) {
  return Promise.resolve({ statusCode, data, header: {} })
}

type RequestArg = { url: string; method?: string; header?: Record<string, string>; data?: unknown; timeout?: number }
const calls = () => Taro.request.mock.calls.map((args) => args[0] as RequestArg)

const originalEnv = { TARO_ENV: process.env.TARO_ENV, TARO_APP_API_BASE: process.env.TARO_APP_API_BASE }

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'weapp'
  process.env.TARO_APP_API_BASE = 'https://api.test/'
})

afterAll(() => {
  process.env.TARO_ENV = originalEnv.TARO_ENV
  process.env.TARO_APP_API_BASE = originalEnv.TARO_APP_API_BASE
})

describe('request', () => {
  it('sends JSON to the API base with the bearer token and a timeout', async () => {
    signIn('tok-123')
    Taro.request.mockImplementationOnce(() => reply(200, { ok: true }))

    await expect(request('/me')).resolves.toEqual({ ok: true })

    const [call] = calls()
    expect(call.url).toBe('https://api.test/me')
    expect(call.method).toBe('GET')
    expect(call.header?.Authorization).toBe('Bearer tok-123')
    expect(call.timeout).toBeGreaterThan(0)
  })

  it('does not send the token to public routes and encodes the scene once', async () => {
    signIn('tok-123')
    Taro.request.mockImplementationOnce(() => reply(200, {}))

    await getStandByScene('v=01JD0000000000000000000002')

    const [call] = calls()
    expect(call.url).toBe('https://api.test/stands/by-scene/v%3D01JD0000000000000000000002')
    expect(call.header?.Authorization).toBeUndefined()
  })

  it('posts JSON bodies', async () => {
    signIn()
    Taro.request.mockImplementationOnce(() => reply(200, { token: 'new', expiresAt: FUTURE, user: USER }))

    await redeemInvite({ code: 'ACDEFGHJ' })

    const [call] = calls()
    expect(call.method).toBe('POST')
    expect(call.data).toEqual({ code: 'ACDEFGHJ' })
    expect(call.header?.['Content-Type']).toBe('application/json')
  })

  it('turns the error envelope into an ApiError with code, message, fields and status', async () => {
    signIn()
    Taro.request.mockImplementationOnce(() =>
      reply(400, { error: { code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后再提交', fields: { code: '邀请码已失效' } } }))

    const error = await request('/invites/redeem', { method: 'POST', data: { code: 'ACDEFGHJ' } }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: '填写的内容有误，请检查后再提交', fields: { code: '邀请码已失效' } })
  })

  it('shows the request id of a server error in its message, for a screenshot; keeps it out of a form’s message', async () => {
    Taro.request.mockImplementationOnce(() => reply(503, { error: { code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', requestId: 'Kx2pQj8vPAMEbcQ=' } }))
    await expect(request('/stands/by-scene/x', { auth: 'none' })).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503, requestId: 'Kx2pQj8vPAMEbcQ=', message: '服务暂时不可用，请稍后再试（问题编号 Kx2pQj8vPAMEbcQ=）' })

    Taro.request.mockImplementationOnce(() => reply(400, { error: { code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后再提交', fields: { code: '邀请码已失效' }, requestId: 'Lz3' } }))
    await expect(request('/stands/by-scene/x', { auth: 'none' })).rejects.toMatchObject({ requestId: 'Lz3', message: '填写的内容有误，请检查后再提交' })
  })

  it('falls back to a Chinese message when the body is not an envelope', async () => {
    Taro.request.mockImplementationOnce(() => reply(502, '<html>Bad gateway</html>'))

    await expect(request('/stands/by-scene/x', { auth: 'none' })).rejects.toMatchObject({ code: 'INTERNAL', status: 502, message: '系统开小差了，请稍后再试' })
  })

  it('reports a network failure with a resident-friendly message', async () => {
    Taro.request.mockImplementationOnce(() => Promise.reject({ errMsg: 'request:fail timeout' }))

    const error = await request('/stands/by-scene/x', { auth: 'none' }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0, message: NETWORK_ERROR_MESSAGE })
  })

  it('on weapp, a 401 clears the session, signs in again silently and retries once', async () => {
    signIn('expired-token')
    Taro.login.mockImplementationOnce(() => Promise.resolve({ code: 'fresh-code', errMsg: 'login:ok' }))
    Taro.request
      .mockImplementationOnce(() => reply(401, { error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } }))
      .mockImplementationOnce(() => reply(200, { token: 'fresh-token', expiresAt: FUTURE, user: USER }))
      .mockImplementationOnce(() => reply(200, USER))

    await expect(request('/me')).resolves.toEqual(USER)

    const [first, signInCall, retry] = calls()
    expect(first.header?.Authorization).toBe('Bearer expired-token')
    expect(signInCall.url).toBe('https://api.test/auth/wechat')
    expect(signInCall.data).toEqual({ code: 'fresh-code' })
    expect(signInCall.header?.Authorization).toBeUndefined()
    expect(retry.url).toBe('https://api.test/me')
    expect(retry.header?.Authorization).toBe('Bearer fresh-token')
    expect(calls()).toHaveLength(3)
    expect(Taro.removeStorageSync).toHaveBeenCalledWith(SESSION_KEY)
    expect(getSession()?.token).toBe('fresh-token')
  })

  it('on weapp, retries only once: a second 401 is thrown and the session is cleared', async () => {
    signIn('expired-token')
    Taro.request
      .mockImplementationOnce(() => reply(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }))
      .mockImplementationOnce(() => reply(200, { token: 'fresh-token', expiresAt: FUTURE, user: USER }))
      .mockImplementationOnce(() => reply(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }))

    await expect(request('/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 })
    expect(calls()).toHaveLength(3)
    expect(getSession()).toBeNull()
  })

  it('on H5, a 401 clears the session, opens the login page and throws', async () => {
    process.env.TARO_ENV = 'h5'
    pageStack.splice(0, pageStack.length, { route: 'pages/me/index' })
    signIn('expired-token')
    Taro.request.mockImplementationOnce(() => reply(401, { error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } }))

    await expect(request('/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: '登录已过期，请重新登录' })

    expect(calls()).toHaveLength(1)
    expect(Taro.login).not.toHaveBeenCalled()
    expect(storage.has(SESSION_KEY)).toBe(false)
    // the session ran out: the login page says so
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index?reason=expired' })
  })

  it('on H5, a signed-in call without any session opens the login page without saying anything expired', async () => {
    process.env.TARO_ENV = 'h5'
    pageStack.splice(0, pageStack.length, { route: 'pages/me/index' })
    await expect(request('/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 })
    expect(calls()).toHaveLength(0)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('a 401 on a call made without a token is just an error', async () => {
    Taro.request.mockImplementationOnce(() => reply(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }))

    await expect(request('/auth/local', { method: 'POST', data: { persona: 'x' }, auth: 'none' })).rejects.toMatchObject({ status: 401 })
    expect(Taro.login).not.toHaveBeenCalled()
    expect(calls()).toHaveLength(1)
  })
})
