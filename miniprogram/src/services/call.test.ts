import { fillPath, pathParamNames, routes, type RouteSpec } from '@shared/contract'
import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { call, download, queryString, type JsonRouteName } from './request'
import { saveSession } from './session'

const USER = { id: '01JD0000000000000000000001', displayName: '王志强', role: 'representative' as const, studioId: '01JD00000000000000000000S1' }
const FUTURE = '2099-01-01T00:00:00.000Z'
const STUDIO = '01JD00000000000000000000S1'
const STAND = '01JD00000000000000000000T1'
const BASE = 'https://api.test'

type RequestArg = { url: string; method?: string; header?: Record<string, string>; data?: unknown; timeout?: number }
const calls = () => Taro.request.mock.calls.map((args) => args[0] as RequestArg)
const answer = (data: unknown = {}, statusCode = 200) => Taro.request.mockImplementation(() => Promise.resolve({ statusCode, data, header: {} }))

function signIn(token = 'tok-1') {
  saveSession({ token, expiresAt: FUTURE, user: USER })
}

const originalEnv = { TARO_ENV: process.env.TARO_ENV, TARO_APP_API_BASE: process.env.TARO_APP_API_BASE }

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'weapp'
  process.env.TARO_APP_API_BASE = `${BASE}/`
})

afterAll(() => {
  process.env.TARO_ENV = originalEnv.TARO_ENV
  process.env.TARO_APP_API_BASE = originalEnv.TARO_APP_API_BASE
})

describe('call(route, input)', () => {
  it('public GET with a path param: the param encoded once, no token, no body', async () => {
    signIn()
    answer({ stand: null })

    await expect(call('getStandByScene', { params: { scene: 'v=01JD0000000000000000000002' } })).resolves.toEqual({ stand: null })

    const [req] = calls()
    expect(req.url).toBe(`${BASE}/stands/by-scene/v%3D01JD0000000000000000000002`)
    expect(req.method).toBe('GET')
    expect(req.data).toBeUndefined()
    expect(req.header?.Authorization).toBeUndefined()
    expect(req.header?.['Content-Type']).toBeUndefined()
  })

  it('POST with a body: the body as JSON, with the token', async () => {
    signIn('tok-desk')
    answer()

    await call('checkIn', { params: { standId: STAND }, body: { code: 'ACD347' } })

    const [req] = calls()
    expect(req.url).toBe(`${BASE}/stands/${STAND}/check-ins`)
    expect(req.method).toBe('POST')
    expect(req.data).toEqual({ code: 'ACD347' })
    expect(req.header?.Authorization).toBe('Bearer tok-desk')
    expect(req.header?.['Content-Type']).toBe('application/json')
  })

  it('GET with a query: values URI-encoded, undefined ones left out', async () => {
    signIn()
    answer()

    await call('getInbox', { params: { studioId: STUDIO }, query: { group: 'replied', category: '环境 卫生&路灯', standId: undefined } })

    const [req] = calls()
    expect(req.url).toBe(`${BASE}/studios/${STUDIO}/inbox?group=replied&category=${encodeURIComponent('环境 卫生&路灯')}`)
    expect(req.url).not.toContain('standId')
    expect(req.method).toBe('GET')
    expect(req.data).toBeUndefined()
    expect(req.header?.Authorization).toBe('Bearer tok-1')
  })

  it('a query of optional fields may be left out, and then adds no "?"', async () => {
    signIn()
    answer({ stands: [] })

    await call('listStudioStands', { params: { studioId: STUDIO } })
    await call('listStudioStands', { params: { studioId: STUDIO }, query: { date: '2099-11-22' } })

    expect(calls().map((c) => c.url)).toEqual([`${BASE}/studios/${STUDIO}/stands`, `${BASE}/studios/${STUDIO}/stands?date=2099-11-22`])
  })

  it('bodiless POST sends {}; bodiless PUT and DELETE send nothing', async () => {
    signIn()
    answer()

    await call('callNext', { params: { standId: STAND, serviceId: 'svc/1' } })
    await call('markNotificationsRead')
    await call('followStudio', { params: { studioId: STUDIO } })
    await call('deleteMyReading', { params: { readingId: 'R1' } })

    expect(calls().map((c) => [c.method, c.url, c.data])).toEqual([
      ['POST', `${BASE}/stands/${STAND}/services/svc%2F1/call-next`, {}],
      ['POST', `${BASE}/me/notifications/read`, {}],
      ['PUT', `${BASE}/studios/${STUDIO}/follow`, undefined],
      ['DELETE', `${BASE}/me/readings/R1`, undefined],
    ])
  })

  it('a signed-in route with no session signs in first (weapp), a public one never does', async () => {
    Taro.request.mockImplementation(((...args: unknown[]) => {
      const { url } = args[0] as RequestArg
      if (url === `${BASE}/auth/wechat`) return Promise.resolve({ statusCode: 200, data: { token: 'fresh', expiresAt: FUTURE, user: USER } })
      return Promise.resolve({ statusCode: 200, data: {} })
    }) as never)

    await call('getBoard', { params: { studioId: STUDIO } })
    expect(Taro.login).not.toHaveBeenCalled()

    await call('getMe')
    const [board, signInCall, me] = calls()
    expect(board.header?.Authorization).toBeUndefined()
    expect([signInCall.method, signInCall.url, signInCall.data]).toEqual(['POST', `${BASE}/auth/wechat`, { code: 'wx-code' }])
    expect([me.url, me.header?.Authorization]).toEqual([`${BASE}/me`, 'Bearer fresh'])
  })

  it('options override the route’s auth and the timeout', async () => {
    signIn('tok-opt')
    answer()

    await call('getBoard', { params: { studioId: STUDIO } }, { auth: 'optional', timeout: 1234 })

    const [req] = calls()
    expect(req.header?.Authorization).toBe('Bearer tok-opt')
    expect(req.timeout).toBe(1234)
  })

  it('errors are ApiErrors, as with request()', async () => {
    signIn()
    answer({ error: { code: 'NOT_FOUND', message: '没有找到这个预约' } }, 404)

    await expect(call('getMyBooking', { params: { bookingId: 'B1' } })).rejects.toMatchObject({ name: 'ApiError', status: 404, message: '没有找到这个预约' })
  })

  it('every JSON route of the contract is called with its method and filled path', async () => {
    signIn()
    answer()
    const names = (Object.keys(routes) as (keyof typeof routes)[]).filter((name) => !('file' in routes[name].response)) as JsonRouteName[]
    const expected: string[] = []

    for (const name of names) {
      const route: RouteSpec = routes[name]
      const params = Object.fromEntries(pathParamNames(route.path).map((p) => [p, `${p}-1`]))
      // the types are checked by the wrappers in api.ts; here only the wire, for each route
      await (call as (name: JsonRouteName, input: object) => Promise<unknown>)(name, { params })
      expected.push(`${route.method} ${BASE}${fillPath(route.path, params)}`)
    }

    expect(names.length).toBeGreaterThan(40)
    expect(calls().map((c) => `${c.method} ${c.url}`)).toEqual(expected)
  })
})

describe('download(route, input, options)', () => {
  const fetchMock = jest.fn()
  const originalFetch = (globalThis as { fetch?: unknown }).fetch
  beforeEach(() => {
    fetchMock.mockReset()
    ;(globalThis as { fetch?: unknown }).fetch = fetchMock
  })
  afterAll(() => {
    ;(globalThis as { fetch?: unknown }).fetch = originalFetch
  })

  it('GETs a file route with its query, the token, and Accept from the contract', async () => {
    process.env.TARO_ENV = 'h5'
    signIn('tok-csv')
    fetchMock.mockResolvedValueOnce({ ok: true, status: 200, headers: { get: () => null }, blob: () => Promise.resolve(new Blob(['a,b'])) })

    const file = await download('exportSubmissions', { params: { studioId: STUDIO }, query: { from: '2099-11-01', to: '2099-11-30' } }, { fallbackName: '意见建议.csv' })

    const [url, init] = fetchMock.mock.calls[0] as [string, { headers: Record<string, string> }]
    expect(url).toBe(`${BASE}/studios/${STUDIO}/submissions.csv?from=2099-11-01&to=2099-11-30`)
    expect(init.headers.Accept).toBe('text/csv')
    expect(init.headers.Authorization).toBe('Bearer tok-csv')
    expect(file.filename).toBe('意见建议.csv')
  })
})

describe('queryString', () => {
  it('encodes names and values and drops undefined and null', () => {
    expect(queryString({ a: 'x y', 'b&c': '1/2', d: undefined, e: null, f: 0, g: false })).toBe('?a=x%20y&b%26c=1%2F2&f=0&g=false')
    expect(queryString({ a: undefined })).toBe('')
    expect(queryString(undefined)).toBe('')
  })
})

/** Type-level checks (run by `tsc -p miniprogram/tsconfig.json`): what a route needs is required, what it lacks is refused. */
export function typeChecks() {
  // @ts-expect-error path params are required
  void call('getMyBooking')
  // @ts-expect-error the params must be the path's
  void call('callNext', { params: { standId: 'a', entryId: 'b' } })
  // @ts-expect-error a route with a body needs it
  void call('bookSlot', {})
  // @ts-expect-error a route without a body refuses one
  void call('getMe', { body: {} })
  // @ts-expect-error a query with a required field is required
  void call('getStudioStats', { params: { studioId: 's' } })
  // @ts-expect-error a route without a query refuses one
  void call('getBoard', { params: { studioId: 's' }, query: { x: '1' } })
  // @ts-expect-error file routes are downloaded, not called
  void call('getVenuePoster', { params: { venueId: 'v' } })
  // @ts-expect-error JSON routes are called, not downloaded
  void download('getMe', {}, { fallbackName: 'x' })
  // the response type is the contract's
  void call('markNotificationsRead').then((r) => {
    const unread: 0 = r.unread
    return unread
  })
}
