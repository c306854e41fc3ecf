import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { errorMessage } from './request'

/** What a page that loads its data shows: 正在加载…, the error card with 重试, or the data. */
export type LoadState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }

/**
 * What a failed load does to a page that already shows data (a refresh: back on the page, pull-down, after an action):
 * - `toast`: the data stays and the message is said in a toast (a weak signal at the market should not blank the page);
 * - `keep`: the data stays, nothing is said;
 * - `error`: the error card takes the page's place.
 */
export type RefreshFailure = 'toast' | 'keep' | 'error'

export interface PageDataOptions<T> {
  /** `false`: nothing is loaded (no studio, no page parameter …) and the state stays as it is. Default `true`. */
  enabled?: boolean
  /** The state before the first answer. Default loading; e.g. an error for a missing page parameter, or data remembered from another page. */
  initial?: () => LoadState<T>
  /**
   * `initial` is already the API's answer (e.g. one index.html received before the app started): nothing is loaded when
   * the page opens. Later loads (deps changing, `reload`, polling, shows) happen as usual. Default `false`.
   */
  opensWithAnswer?: boolean
  /**
   * Load again each time the page shows after the first time (back from another page); a function decides from what
   * is shown at that moment (e.g. not while polling anyway). Default `false`.
   */
  reloadOnShow?: boolean | ((state: LoadState<T>) => boolean)
  /** Load again on pull-down, then stop the spinner. Default `false`. */
  pullDownRefresh?: boolean
  /** See `RefreshFailure`; a function decides from the error (e.g. no network vs. the server's answer). Default `toast`. */
  onRefreshError?: RefreshFailure | ((error: unknown) => RefreshFailure)
  /** Called with each answer that is shown (never with one that came too late), e.g. to remember it. */
  onData?: (data: T) => void
}

export interface PageData<T> {
  state: LoadState<T>
  /**
   * Loads again, keeping what is shown until the answer comes. `quiet`: a background refresh (polling) whose failure
   * changes nothing on the page. Resolves once the answer is handled; never rejects.
   */
  reload: (options?: { quiet?: boolean }) => Promise<void>
  /** The error card's 重试: back to 正在加载…, then loads again. Does nothing while not `enabled`. */
  retry: () => Promise<void>
  /**
   * Shows this data (or changes the data shown, when given a function; nothing then unless data is shown), e.g. the
   * fresh record an action returned. An answer still on its way is then older than the page, and is ignored.
   */
  setData: (next: T | ((current: T) => T)) => void
}

const LOADING: LoadState<never> = { status: 'loading' }

/**
 * A page's data, loaded by `load` when the page opens and again whenever `deps` change (back to 正在加载… first), with:
 * - only the answer to the latest load shown: one that comes after a newer load, or after `setData`, is ignored;
 * - a failed refresh of a page that already shows data handled as `onRefreshError` says (a toast by default);
 * - optionally, a reload each time the page shows again and on pull-down.
 *
 * `load` may change from render to render: the latest one is called.
 */
export function usePageData<T>(load: () => Promise<T>, deps: DependencyList, options: PageDataOptions<T> = {}): PageData<T> {
  const enabled = options.enabled ?? true
  const [state, setState] = useState<LoadState<T>>(options.initial ?? LOADING)
  const latest = useRef({ load, options, enabled, state })
  latest.current = { load, options, enabled, state }
  const loadId = useRef(0)

  const reload = useCallback(async ({ quiet = false }: { quiet?: boolean } = {}) => {
    if (!latest.current.enabled) return
    const id = ++loadId.current
    let data: T
    try {
      data = await latest.current.load()
    } catch (error) {
      if (id !== loadId.current || quiet) return
      const message = errorMessage(error)
      const chosen = latest.current.options.onRefreshError ?? 'toast'
      const onRefreshError = typeof chosen === 'function' ? chosen(error) : chosen
      if (latest.current.state.status === 'ready' && onRefreshError !== 'error') {
        if (onRefreshError === 'toast') Taro.showToast({ title: message, icon: 'none', duration: 3000 })
        return
      }
      setState({ status: 'error', message })
      return
    }
    if (id !== loadId.current) return
    setState({ status: 'ready', data })
    latest.current.options.onData?.(data)
  }, [])

  const retry = useCallback(async () => {
    if (!latest.current.enabled) return
    setState(LOADING)
    await reload()
  }, [reload])

  const setData = useCallback((next: T | ((current: T) => T)) => {
    loadId.current += 1
    setState((previous) => {
      if (typeof next !== 'function') return { status: 'ready', data: next }
      return previous.status === 'ready' ? { status: 'ready', data: (next as (current: T) => T)(previous.data) } : previous
    })
  }, [])

  // Shows after the first one are counted, and the reload is done in an effect: by then the page has re-rendered with
  // what changed on the way back (e.g. `useSessionUser` re-reading the signed-in person), so `enabled` is current.
  const [shows, setShows] = useState(0)
  const shownOnce = useRef(false)
  /** The shows a load has already answered for (one started by `deps` or `enabled` changing in the same render). */
  const showsHandled = useRef(0)
  const opened = useRef(false)

  useEffect(() => {
    showsHandled.current = shows
    if (!enabled) return
    if (opened.current) setState(LOADING)
    else if (latest.current.options.opensWithAnswer) {
      opened.current = true
      return
    }
    opened.current = true
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps])

  useDidShow(() => {
    if (shownOnce.current) setShows((n) => n + 1)
    shownOnce.current = true
  })

  useEffect(() => {
    if (shows === showsHandled.current) return
    showsHandled.current = shows
    const { options, state: shown } = latest.current
    if (typeof options.reloadOnShow === 'function' ? options.reloadOnShow(shown) : options.reloadOnShow) void reload()
  }, [shows, reload])

  usePullDownRefresh(() => {
    if (!latest.current.options.pullDownRefresh) return
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return { state, reload, retry, setData }
}
