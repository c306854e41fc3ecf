/**
 * A small stand-in for `@tarojs/taro` in jest (jsdom). Map it with
 *   moduleNameMapper: { '^@tarojs/taro$': '<rootDir>/miniprogram/test/mocks/taro.ts' }
 * Tests reach the same instance by importing `@tarojs/taro` (or this file) and reset it with `resetTaroMock()`.
 */
import { useEffect } from 'react'

type AnyFn = (...args: any[]) => any

export const storage = new Map<string, unknown>()

/** What `useRouter()` returns; set `router.params` before rendering a page. */
export const router: { params: Record<string, string | undefined>; path: string } = { params: {}, path: '' }

/** The page stack `getCurrentPages()` reports (routes without a leading slash). */
export const pageStack: Array<{ route: string }> = [{ route: 'pages/index/index' }]

const resolved = (value: unknown = { errMsg: 'ok' }) => jest.fn((..._args: unknown[]) => Promise.resolve(value))

/* ---------- photos: chooseMedia and uploadFile ---------- */

export interface ChosenImage {
  path: string
  size: number
  type?: string
  /** H5 only: the File the person picked. */
  originalFileObj?: { type: string; name?: string; size?: number }
}
export interface ChosenMedia {
  tempFiles: { tempFilePath: string; size: number; fileType: string; originalFileObj?: ChosenImage['originalFileObj'] }[]
  type: string
  errMsg: string
}

/** What `Taro.chooseMedia` resolves with for these images (H5 adds the File as `originalFileObj`). */
export function chosenImages(files: ChosenImage[]): ChosenMedia {
  return {
    tempFiles: files.map((f) => ({ tempFilePath: f.path, size: f.size, fileType: 'image', ...(f.originalFileObj ? { originalFileObj: f.originalFileObj } : {}) })),
    type: 'image',
    errMsg: 'chooseMedia:ok',
  }
}

export interface UploadResult {
  statusCode: number
  data?: unknown
  errMsg?: string
}
export type ProgressCallback = (update: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void
export type UploadTask = Promise<UploadResult> & { progress: (callback: ProgressCallback) => void; abort: () => void }

/** An upload task like Taro's: the answer, with `progress` reporting each of `steps` (percent) as soon as it is listened to. */
export function uploadTask(result: Promise<UploadResult>, steps: number[] = []): UploadTask {
  result.catch(() => undefined) // a test may never await a refused upload
  return Object.assign(result, {
    progress: (callback: ProgressCallback) => {
      for (const progress of steps) callback({ progress, totalBytesSent: progress, totalBytesExpectedToSend: 100 })
    },
    abort: () => undefined,
  })
}

/** An upload a test drives by hand: `report(45)`, then `finish(204)` or `fail()`. */
export function pendingUpload() {
  let settle!: (value: UploadResult) => void
  let refuse!: (reason: unknown) => void
  const listeners: ProgressCallback[] = []
  const result = new Promise<UploadResult>((resolve, reject) => {
    settle = resolve
    refuse = reject
  })
  result.catch(() => undefined)
  const task: UploadTask = Object.assign(result, {
    progress: (callback: ProgressCallback) => {
      listeners.push(callback)
    },
    abort: () => undefined,
  })
  return {
    task,
    report: (progress: number) => listeners.forEach((cb) => cb({ progress, totalBytesSent: progress, totalBytesExpectedToSend: 100 })),
    finish: (statusCode = 204) => settle({ statusCode, data: '', errMsg: 'uploadFile:ok' }),
    fail: () => refuse({ errMsg: 'uploadFile:fail network' }),
  }
}

function createTaro() {
  return {
    request: jest.fn((..._args: unknown[]): Promise<{ statusCode: number; data: unknown; header?: Record<string, string> }> =>
      Promise.reject(new Error('Taro.request is not mocked in this test'))),
    requestSubscribeMessage: jest.fn((..._args: unknown[]): Promise<Record<string, string>> => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })),
    login: jest.fn((..._args: unknown[]): Promise<{ code: string; errMsg: string }> => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' })),
    scanCode: jest.fn((..._args: unknown[]): Promise<{ result: string; path?: string; scanType: string; charSet: string }> =>
      Promise.reject({ errMsg: 'scanCode:fail cancel' })),
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => {
      storage.set(key, value)
    }),
    removeStorageSync: jest.fn((key: string) => {
      storage.delete(key)
    }),
    showToast: resolved(),
    /** WeChat's privacy flow: tests take the listener from `mock.calls` and call it with a resolve of their own. */
    onNeedPrivacyAuthorization: jest.fn((_listener: AnyFn) => undefined),
    openPrivacyContract: jest.fn((_options?: unknown) => undefined),
    pageScrollTo: resolved(),
    showLoading: resolved(),
    hideLoading: jest.fn(),
    showModal: resolved({ confirm: true, cancel: false, errMsg: 'showModal:ok' }),
    navigateTo: resolved(),
    navigateBack: resolved(),
    redirectTo: resolved(),
    switchTab: resolved(),
    reLaunch: resolved(),
    stopPullDownRefresh: jest.fn(),
    getLaunchOptionsSync: jest.fn(() => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
    getCurrentPages: jest.fn(() => pageStack),
    downloadFile: jest.fn((..._args: unknown[]): Promise<{ statusCode: number; tempFilePath?: string; filePath?: string; errMsg: string }> =>
      Promise.reject(new Error('Taro.downloadFile is not mocked in this test'))),
    openDocument: resolved(),
    getFileSystemManager: jest.fn(() => ({ readFileSync: jest.fn((..._args: unknown[]): string => '') })),
    /** Cancelled unless a test says otherwise: `Taro.chooseMedia.mockResolvedValueOnce(chosenImages([...]))`. */
    chooseMedia: jest.fn((..._args: unknown[]): Promise<ChosenMedia> => Promise.reject({ errMsg: 'chooseMedia:fail cancel' })),
    /** Returns an upload task (a promise with `progress`); see `pendingUpload()` for one a test finishes by hand. */
    uploadFile: jest.fn((..._args: unknown[]): UploadTask => uploadTask(Promise.reject({ errMsg: 'Taro.uploadFile is not mocked in this test' }))),
    previewImage: resolved(),
    /** WeChat's 我-设置-通用-字体大小 at its default (17); a test sets another with mockReturnValue. */
    getSystemInfoSync: jest.fn((): { fontSizeSetting?: number } => ({ fontSizeSetting: 17 })),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  }
}

const Taro = createTaro()
export type TaroMock = typeof Taro

/** Back to a clean state: empty storage, default router, fresh jest.fn implementations. */
export function resetTaroMock(): void {
  storage.clear()
  router.params = {}
  router.path = ''
  pageStack.splice(0, pageStack.length, { route: 'pages/index/index' })
  Object.assign(Taro, createTaro())
}

export function useRouter() {
  return router
}

/** Page-show hooks run once after mount (no page lifecycle in jsdom). */
function useOnMount(callback: AnyFn) {
  useEffect(() => {
    callback()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}

export const useDidShow = useOnMount
export const useLoad = useOnMount
export const useReady = useOnMount
export const useLaunch = useOnMount
export function useDidHide(_callback: AnyFn) {}
/** The share callbacks a page registered (the last one of each wins, as in WeChat); tests call them. */
export const shareHandlers: { appMessage?: AnyFn; timeline?: AnyFn } = {}
export function useShareAppMessage(callback: AnyFn) {
  shareHandlers.appMessage = callback
}
export function useShareTimeline(callback: AnyFn) {
  shareHandlers.timeline = callback
}
export function usePullDownRefresh(_callback: AnyFn) {}
export function useReachBottom(_callback: AnyFn) {}

export default Taro
