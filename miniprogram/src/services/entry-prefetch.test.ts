import { routes } from '@shared/contract'
import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { STAND_BY_SCENE_PATH, standHeadStartScript } from '../../config/stand-head-start'
import { getStandByScene, standAnsweredAlready } from './api'
import { takePrefetched } from './entry-prefetch'

const API = 'https://api.test'
const SCENE = 'v=01JD0000000000000000000002'
const STAND_URL = `${API}/stands/by-scene/v%3D01JD0000000000000000000002`
const FILES = ['/js/common.0a1b2c3d.js', '/js/44.4e5f6a7b.js', '/css/44.8c9d0e1f.css']
const stand = { studio: { name: '青石镇党代表工作室' } }

const fetchMock = jest.fn()

/** Opens the browser build at `hash` and runs index.html's inline script, as the phone does before any app script. */
function openAt(hash: string) {
  window.location.hash = hash
  new Function(standHeadStartScript({ apiBase: API, path: STAND_BY_SCENE_PATH, files: FILES }))()
}

const preloaded = () => Array.from(document.head.querySelectorAll('link[rel=preload]')).map((l) => [l.getAttribute('href'), l.getAttribute('as')])

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = API
  document.head.innerHTML = ''
  delete window.__lianxinPrefetch
  fetchMock.mockReset()
  fetchMock.mockImplementation(() => Promise.resolve({ status: 200, text: () => Promise.resolve(JSON.stringify(stand)) }))
  Object.assign(window, { fetch: fetchMock })
  Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: { studio: { name: '从 API 再问一次' } } }))
})

// A venue's QR code opens the stand page: index.html starts the page's files and its API call before the app's scripts
// have arrived, and the page's first call takes that answer instead of waiting another round trip.
describe('the stand page’s head start from index.html', () => {
  it('preloads the stand page’s files and asks for the stand; the page’s first call takes that answer, later ones ask again', async () => {
    openAt(`#/pages/stand/index?scene=${encodeURIComponent(SCENE)}`)
    expect(preloaded()).toEqual([
      ['/js/common.0a1b2c3d.js', 'script'],
      ['/js/44.4e5f6a7b.js', 'script'],
      ['/css/44.8c9d0e1f.css', 'style'],
    ])
    expect(fetchMock).toHaveBeenCalledWith(STAND_URL, { headers: { Accept: 'application/json' }, credentials: 'omit' })

    await expect(getStandByScene(SCENE)).resolves.toEqual(stand)
    expect(Taro.request).not.toHaveBeenCalled()
    await expect(getStandByScene(SCENE)).resolves.toEqual({ studio: { name: '从 API 再问一次' } })
    expect(Taro.request).toHaveBeenCalledTimes(1)
  })

  it('hands an answer that has arrived to the page’s first render, once; one still on its way is left to the page’s call', async () => {
    let arrive!: (value: { status: number; text: () => Promise<string> }) => void
    fetchMock.mockImplementation(() => new Promise((resolve) => (arrive = resolve)))
    openAt(`#/pages/stand/index?scene=${encodeURIComponent(SCENE)}`)
    expect(standAnsweredAlready(SCENE)).toBeUndefined() // not yet: the page opens as it would without it

    arrive({ status: 200, text: () => Promise.resolve(JSON.stringify(stand)) })
    await new Promise((r) => setTimeout(r, 0))
    expect(standAnsweredAlready('v=01JD0000000000000000000003')).toBeUndefined() // another venue's
    expect(standAnsweredAlready(SCENE)).toEqual(stand)
    expect(standAnsweredAlready(SCENE)).toBeUndefined()
    await expect(getStandByScene(SCENE)).resolves.toEqual({ studio: { name: '从 API 再问一次' } })
  })

  it('leaves a refusal that has arrived to the page’s call, which says why', async () => {
    const refusal = { error: { code: 'NOT_FOUND', message: '这个地点近期没有服务点' } }
    fetchMock.mockImplementation(() => Promise.resolve({ status: 404, text: () => Promise.resolve(JSON.stringify(refusal)) }))
    openAt(`#/pages/stand/index?scene=${encodeURIComponent(SCENE)}`)
    await new Promise((r) => setTimeout(r, 0))
    expect(standAnsweredAlready(SCENE)).toBeUndefined()
    await expect(getStandByScene(SCENE)).rejects.toMatchObject({ status: 404 })
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('reads the scene as the page does: encoded twice (as WeChat may hand it), among other parameters', () => {
    openAt(`#/pages/stand/index?from=poster&scene=${encodeURIComponent(encodeURIComponent(SCENE))}`)
    expect(fetchMock).toHaveBeenCalledWith(STAND_URL, expect.anything())
  })

  it('starts nothing on another page, or for a scene the page would refuse', () => {
    openAt('#/pages/index/index')
    openAt('#/pages/stand/index?scene=garbage')
    openAt('#/pages/board/index?scene=v%3D01JD0000000000000000000002')
    expect(fetchMock).not.toHaveBeenCalled()
    expect(preloaded()).toEqual([])
  })

  it('asks the API itself when the head start met no network', async () => {
    fetchMock.mockImplementation(() => Promise.reject(new TypeError('Failed to fetch')))
    openAt(`#/pages/stand/index?scene=${encodeURIComponent(SCENE)}`)
    await expect(getStandByScene(SCENE)).resolves.toEqual({ studio: { name: '从 API 再问一次' } })
    expect(Taro.request).toHaveBeenCalledTimes(1)
  })

  it('passes on the API’s refusal as the page’s own call would', async () => {
    const refusal = { error: { code: 'NOT_FOUND', message: '这个地点近期没有服务点' } }
    fetchMock.mockImplementation(() => Promise.resolve({ status: 404, text: () => Promise.resolve(JSON.stringify(refusal)) }))
    openAt(`#/pages/stand/index?scene=${encodeURIComponent(SCENE)}`)
    await expect(getStandByScene(SCENE)).rejects.toMatchObject({ status: 404, message: '这个地点近期没有服务点' })
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('is not used when too old, when it takes longer than the call may, or on WeChat', async () => {
    openAt(`#/pages/stand/index?scene=${encodeURIComponent(SCENE)}`)
    const at = window.__lianxinPrefetch!.at
    expect(takePrefetched(STAND_URL, { timeoutMs: 15_000, now: at + 31_000 })).toBeUndefined()

    fetchMock.mockImplementation(() => new Promise(() => undefined)) // no answer, ever
    openAt(`#/pages/stand/index?scene=${encodeURIComponent(SCENE)}`)
    await expect(takePrefetched(STAND_URL, { timeoutMs: 20 })).rejects.toThrow('timed out')

    process.env.TARO_ENV = 'weapp'
    openAt(`#/pages/stand/index?scene=${encodeURIComponent(SCENE)}`)
    expect(takePrefetched(STAND_URL, { timeoutMs: 15_000 })).toBeUndefined()
  })

  it('asks the address the contract gives for the stand page', () => {
    expect(STAND_BY_SCENE_PATH).toBe(routes.getStandByScene.path)
  })
})
