/**
 * The one place that talks HTTP (`Taro.request`, and `downloadFile` for files such as PDF posters). Pages and
 * components call the typed functions in `api.ts`, each a one-liner over `call(routeName, input)` (JSON routes) or
 * `download(routeName, input, options)` (file routes): method, path, who may call and the types all come from the
 * contract in `@shared/contract`, never retyped here.
 *
 * - Base URL: `process.env.TARO_APP_API_BASE`, injected at build time (config/index.ts, .env.<mode>).
 * - Adds `Authorization: Bearer <token>` from the session module; JSON in, JSON out; a timeout on every call.
 * - Every failure becomes an `ApiError` whose `message` is Chinese and fit to show a resident.
 * - 401 on an authenticated call: the session is cleared, then on weapp we sign in again silently
 *   (`Taro.login` → POST /auth/wechat) and retry the call once; on H5 we open the login page and throw.
 */
import Taro from '@tarojs/taro'
import { DEFAULT_ERROR_MESSAGES, isErrorBody, type ErrorCode } from '@shared/errors'
import type { BodyInputOf, ParamsOf, QueryInputOf, ResponseOf, RouteName, Routes, RouteSpec } from '@shared/contract'
import { fillPath } from '@shared/contract/define'
import type { RouteEntry } from '@shared/contract/route-table'
// the routes' methods and paths without their schemas (generated from the contract: npm run routes)
import { ROUTE_TABLE } from './route-table'
import type { ZodTypeAny } from 'zod'
import { clearSession, getToken, saveSession } from './session'
import { ApiError, NETWORK_ERROR_MESSAGE, WECHAT_LOGIN_FAILED_MESSAGE } from './api-error'
import { isWeapp, LOGIN_PAGE } from './platform'
import { takeArrivedPrefetch, takePrefetched } from './entry-prefetch'

export const DEFAULT_TIMEOUT_MS = 15_000

// the error vocabulary lives in api-error.ts; pages keep importing it from here, the one door
import { filenameFromDisposition } from './filename'
export { filenameFromDisposition }
export { ApiError, errorMessage, isApiError, NETWORK_ERROR_MESSAGE, outcomeUnknown, WECHAT_LOGIN_FAILED_MESSAGE, type ApiErrorCode } from './api-error'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: HttpMethod
  data?: unknown
  /**
   * `none`: never send the token (public routes);
   * `optional`: send it when signed in;
   * `required` (default): the caller must be signed in — re-signs-in first on weapp, opens login on H5.
   */
  auth?: 'none' | 'optional' | 'required'
  timeout?: number
}

export function apiBase(): string {
  return (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, '')
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UPSTREAM_UNAVAILABLE',
}

function codeForStatus(status: number): ErrorCode {
  return STATUS_CODES[status] ?? (status >= 400 && status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL')
}

interface RawResponse {
  statusCode: number
  data: unknown
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<RawResponse> {
  const method = options.method ?? 'GET'
  const header: Record<string, string> = { Accept: 'application/json' }
  if (method !== 'GET') header['Content-Type'] = 'application/json'
  if (token) header.Authorization = `Bearer ${token}`
  const url = `${apiBase()}${path}`
  // H5: the stand a QR code opened was asked for by index.html already (entry-prefetch.ts); if that failed, ask again
  const prefetched = method === 'GET' && !token ? takePrefetched(url, { timeoutMs: options.timeout ?? DEFAULT_TIMEOUT_MS }) : undefined
  if (prefetched) {
    try {
      return await prefetched
    } catch {
      // the prefetch met a network error or took too long: the request below tries once more
    }
  }
  try {
    const res = await Taro.request({
      url,
      method,
      data: options.data as Taro.request.Option['data'],
      header,
      dataType: 'json',
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    })
    return { statusCode: res.statusCode, data: res.data }
  } catch {
    // fetch/wx.request failed: offline, DNS, timeout, CORS …
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: NETWORK_ERROR_MESSAGE })
  }
}

function toApiError(res: RawResponse): ApiError {
  let data = res.data
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data)
    } catch {
      // not JSON: fall through to the default message
    }
  }
  if (isErrorBody(data)) {
    const { code, message, fields, reason, requestId } = data.error
    // a server error carries its number on screen, so that a resident's screenshot finds the request's log lines
    const shown = requestId && res.statusCode >= 500 ? `${message}（问题编号 ${requestId}）` : message
    return new ApiError({ code, message: shown, fields, reason, requestId, status: res.statusCode })
  }
  const code = codeForStatus(res.statusCode)
  return new ApiError({ code, message: DEFAULT_ERROR_MESSAGES[code], status: res.statusCode })
}

function unwrap<T>(res: RawResponse): T {
  if (res.statusCode >= 200 && res.statusCode < 300) {
    return (res.statusCode === 204 ? undefined : res.data) as T
  }
  throw toApiError(res)
}

let wechatSignIn: Promise<string> | null = null

/** weapp only: `Taro.login` → POST /auth/wechat → store the session. Concurrent callers share one attempt. */
export function signInSilently(): Promise<string> {
  if (!wechatSignIn) {
    wechatSignIn = (async () => {
      let code: string | undefined
      try {
        code = (await Taro.login()).code
      } catch {
        code = undefined
      }
      if (!code) throw new ApiError({ code: 'WECHAT_LOGIN_FAILED', status: 0, message: WECHAT_LOGIN_FAILED_MESSAGE })
      const route = ROUTE_TABLE.signInWithWechat
      const session = unwrap<ResponseOf<Routes['signInWithWechat']>>(await send(route.path, { method: route.method, data: { code } }, null))
      saveSession(session)
      return session.token
    })().finally(() => {
      wechatSignIn = null
    })
  }
  return wechatSignIn
}

function currentRoute(): string {
  try {
    const pages = Taro.getCurrentPages()
    return pages[pages.length - 1]?.route ?? ''
  } catch {
    return ''
  }
}

/**
 * H5: there is no silent sign-in; send the person to the login page (which comes back afterwards). When the session
 * they had ran out (`expired`), the login page says so: otherwise it looks as if they had been thrown out.
 */
function openLoginPage(expired: boolean): void {
  if (currentRoute().includes(LOGIN_PAGE.slice(1))) return
  Taro.navigateTo({ url: expired ? `${LOGIN_PAGE}?reason=expired` : LOGIN_PAGE }).catch(() => undefined)
}

async function signInAgain(message?: string, expired = false): Promise<string> {
  if (isWeapp()) return signInSilently()
  openLoginPage(expired)
  throw new ApiError({ code: 'UNAUTHENTICATED', status: 401, message: message ?? DEFAULT_ERROR_MESSAGES.UNAUTHENTICATED })
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? 'required'
  let token = auth === 'none' ? null : getToken()
  if (auth === 'required' && !token) token = await signInAgain()

  let res = await send(path, options, token)
  if (res.statusCode === 401 && token) {
    clearSession()
    const fresh = await signInAgain(toApiError(res).message, true)
    res = await send(path, options, fresh)
    if (res.statusCode === 401) clearSession()
  }
  return unwrap<T>(res)
}

/* ---------- typed calls from the contract: `call('getMyBooking', { params: { bookingId } })` ---------- */

/**
 * One part of a call's input. Absent when the route declares nothing for it (so nothing can be sent by mistake);
 * required when it does, unless every field in it is optional (`listStudioStands`' `{ date? }`): then it may be left out.
 */
type InputPart<Name extends 'params' | 'query' | 'body', Declared extends boolean, T> = Declared extends true
  ? {} extends T
    ? { [K in Name]?: T }
    : { [K in Name]: T }
  : { [K in Name]?: undefined }

/** What a route takes: `params` for the `{placeholders}` of its path, `query` and `body` when it declares them. */
export type CallInput<R extends RouteSpec> = InputPart<'params', keyof ParamsOf<R> extends never ? false : true, ParamsOf<R>> &
  InputPart<'query', R['query'] extends ZodTypeAny ? true : false, QueryInputOf<R>> &
  InputPart<'body', R['body'] extends ZodTypeAny ? true : false, BodyInputOf<R>>

/** The input of route `N`, e.g. `CallInputOf<'getInbox'>`. */
export type CallInputOf<N extends RouteName> = CallInput<Routes[N]>
/** What may be sent as the body of route `N` (before the API fills defaults in). */
export type BodyOf<N extends RouteName> = BodyInputOf<Routes[N]>
/** What may be sent as the query of route `N`. */
export type QueryOf<N extends RouteName> = QueryInputOf<Routes[N]>

/** Routes that answer JSON (checked by a schema), for `call`. */
export type JsonRouteName = { [N in RouteName]: Routes[N]['response'] extends ZodTypeAny ? N : never }[RouteName]
/** Routes that answer a file (`{ file: mime }`: a PDF poster, a CSV export), for `download`. */
export type FileRouteName = Exclude<RouteName, JsonRouteName>

/** `call(name)` when the route needs no input; `call(name, input)` when it does. */
type CallArgs<R extends RouteSpec> = {} extends CallInput<R> ? [input?: CallInput<R>, options?: CallOptions] : [input: CallInput<R>, options?: CallOptions]

export interface CallOptions {
  /** Public routes default to `none`, all others to `required`. */
  auth?: RequestOptions['auth']
  timeout?: number
}

interface AnyInput {
  params?: Record<string, string>
  query?: Record<string, unknown>
  body?: unknown
}

/** `?a=1&b=x%20y`: undefined (and null) values left out, names and values URI-encoded; '' when nothing is left. */
export function queryString(query: Record<string, unknown> | undefined): string {
  const parts = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

/** The path and query of one call: `/studios/S1/inbox?group=new`. */
function urlPathOf(route: RouteEntry, input: AnyInput): string {
  return `${fillPath(route.path, input.params)}${queryString(input.query)}`
}

/**
 * Calls one JSON route of the contract by name: fills the path's `{params}` (URI-encoded), adds the query string,
 * sends the body (`{}` for a POST without one), signs in unless the route is public, and answers with the route's
 * response type. Failures are `ApiError`s, as with `request`.
 */
export function call<N extends JsonRouteName>(name: N, ...args: CallArgs<Routes[N]>): Promise<ResponseOf<Routes[N]>> {
  const route = ROUTE_TABLE[name]
  const [input = {}, options = {}] = args as [AnyInput?, CallOptions?]
  const data = route.method === 'GET' ? undefined : (input.body ?? (route.method === 'POST' ? {} : undefined))
  return request<ResponseOf<Routes[N]>>(urlPathOf(route, input), {
    method: route.method,
    data,
    auth: options.auth ?? (route.public ? 'none' : 'required'),
    timeout: options.timeout,
  })
}

/**
 * H5: the answer to this public call that index.html has already received (entry-prefetch.ts), if it is a success;
 * taken once. A page shows it in its first render instead of waiting for its own call. `undefined` otherwise.
 */
export function answeredAlready<N extends JsonRouteName>(name: N, input: CallInput<Routes[N]>): ResponseOf<Routes[N]> | undefined {
  const route = ROUTE_TABLE[name]
  if (route.method !== 'GET' || !route.public) return undefined
  return takeArrivedPrefetch(`${apiBase()}${urlPathOf(route, input as AnyInput)}`)?.data as ResponseOf<Routes[N]> | undefined
}

/* ---------- files (PDF posters): the same base URL, token, 401 handling and Chinese errors ---------- */

export interface DownloadedFile {
  /** From `Content-Disposition` (`filename*=UTF-8''…` preferred), else the caller's fallback. */
  filename: string
  /** H5: the file's bytes (open or save it through an object URL). */
  blob?: Blob
  /** weapp: the local file `Taro.downloadFile` wrote, for `Taro.openDocument`. */
  filePath?: string
}

export interface DownloadOptions {
  /** The name to use when the answer does not give one (or, on weapp, cannot: no headers there). */
  fallbackName: string
  /** e.g. `application/pdf` */
  accept?: string
  timeout?: number
}

interface RawDownload {
  statusCode: number
  /** The error body (JSON text or parsed) when the status is not 2xx. */
  data?: unknown
  file?: DownloadedFile
}

const networkError = () => new ApiError({ code: 'NETWORK_ERROR', status: 0, message: NETWORK_ERROR_MESSAGE })

async function fetchFile(path: string, options: DownloadOptions, token: string | null): Promise<RawDownload> {
  const url = `${apiBase()}${path}`
  const header: Record<string, string> = { Accept: options.accept ?? '*/*' }
  if (token) header.Authorization = `Bearer ${token}`
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS

  if (isWeapp()) {
    // wx.downloadFile: no response headers, so the file gets the caller's name (shown when it is forwarded)
    const filePath = `${Taro.env.USER_DATA_PATH}/${filenameFromDisposition(null, options.fallbackName)}`
    let res: { statusCode: number; tempFilePath?: string; filePath?: string }
    try {
      res = await Taro.downloadFile({ url, header, timeout, filePath })
    } catch {
      throw networkError()
    }
    const saved = res.filePath || res.tempFilePath
    if (res.statusCode >= 200 && res.statusCode < 300) {
      return { statusCode: res.statusCode, file: { filename: filenameFromDisposition(null, options.fallbackName), filePath: saved } }
    }
    let data: unknown
    try {
      // an error answer is written to the file too: read its JSON message
      data = saved ? Taro.getFileSystemManager().readFileSync(saved, 'utf8') : undefined
    } catch {
      data = undefined
    }
    return { statusCode: res.statusCode, data }
  }

  const controller = typeof AbortController === 'function' ? new AbortController() : undefined
  const timer = setTimeout(() => controller?.abort(), timeout)
  try {
    const res = await fetch(url, { method: 'GET', headers: header, signal: controller?.signal })
    if (!res.ok) {
      let data: unknown
      try {
        data = await res.text()
      } catch {
        data = undefined
      }
      return { statusCode: res.status, data }
    }
    const blob = await res.blob()
    // the API must list Content-Disposition in Access-Control-Expose-Headers for a browser to read it
    const filename = filenameFromDisposition(res.headers.get('Content-Disposition'), options.fallbackName)
    return { statusCode: res.status, file: { filename, blob } }
  } catch {
    throw networkError()
  } finally {
    clearTimeout(timer)
  }
}

/** GETs a file (signed in). Failures are `ApiError`s with a Chinese message, like `request`. */
export async function downloadFile(path: string, options: DownloadOptions): Promise<DownloadedFile> {
  let token = getToken()
  if (!token) token = await signInAgain()
  let res = await fetchFile(path, options, token)
  if (res.statusCode === 401) {
    clearSession()
    const fresh = await signInAgain(toApiError({ statusCode: 401, data: res.data }).message, true)
    res = await fetchFile(path, options, fresh)
    if (res.statusCode === 401) clearSession()
  }
  if (res.file) return res.file
  throw toApiError({ statusCode: res.statusCode, data: res.data })
}

/**
 * Downloads one file route of the contract by name (signed in): the path filled like `call`'s, `Accept` from the
 * route's declared type unless `options.accept` says otherwise.
 */
export function download<N extends FileRouteName>(name: N, input: CallInput<Routes[N]>, options: DownloadOptions): Promise<DownloadedFile> {
  const route = ROUTE_TABLE[name]
  const accept = options.accept ?? route.file
  return downloadFile(urlPathOf(route, input as AnyInput), { ...options, accept })
}
