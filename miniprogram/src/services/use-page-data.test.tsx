import { act, renderHook, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../test/mocks/taro'
import { ApiError, NETWORK_ERROR_MESSAGE } from './request'
import { usePageData, type LoadState, type PageDataOptions } from './use-page-data'

/**
 * The shared Taro mock runs `useDidShow` once after mount and never pull-down; here the page's shows and pull-downs are
 * driven by hand: `showPage()` (the first call is the page opening) and `pullDown()`.
 */
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const { useEffect, useRef } = jest.requireActual('react')
  const lifecycle = { show: [] as Array<() => void>, pullDown: [] as Array<() => void> }
  const register = (list: Array<() => void>) => (callback: () => void) => {
    const latest = useRef(callback)
    latest.current = callback
    useEffect(() => {
      const call = () => latest.current()
      list.push(call)
      return () => list.splice(list.indexOf(call), 1)
    }, [])
  }
  return {
    __esModule: true,
    ...actual,
    lifecycle,
    useDidShow: register(lifecycle.show),
    usePullDownRefresh: register(lifecycle.pullDown),
  }
})
const { lifecycle } = jest.requireMock('@tarojs/taro') as { lifecycle: { show: Array<() => void>; pullDown: Array<() => void> } }

const showPage = () => act(() => lifecycle.show.forEach((call) => call()))
const pullDown = () => act(() => lifecycle.pullDown.forEach((call) => call()))

const offline = () => new ApiError({ code: 'NETWORK_ERROR', status: 0, message: NETWORK_ERROR_MESSAGE })

/** A load whose answers the test gives one by one, in any order. */
function answers<T>() {
  const pending: Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }> = []
  const load = jest.fn(() => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })))
  return {
    load,
    answer: (index: number, value: T) => act(async () => pending[index].resolve(value)),
    fail: (index: number, error: unknown = offline()) => act(async () => pending[index].reject(error)),
  }
}

function renderPageData<T>(load: () => Promise<T>, options: PageDataOptions<T> = {}, deps: unknown[] = []) {
  return renderHook(({ options, deps }) => usePageData(load, deps, options), { initialProps: { options, deps } })
}

const ready = <T,>(data: T): LoadState<T> => ({ status: 'ready', data })

beforeEach(() => {
  resetTaroMock()
  lifecycle.show.length = 0
  lifecycle.pullDown.length = 0
})

describe('usePageData', () => {
  it('loads when the page opens: 正在加载…, then the data', async () => {
    const { load, answer } = answers<string[]>()
    const { result } = renderPageData(load)
    expect(result.current.state).toEqual({ status: 'loading' })
    await answer(0, ['量血压'])
    expect(result.current.state).toEqual(ready(['量血压']))
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('with opensWithAnswer, shows the initial data as the answer and loads nothing until asked', async () => {
    const { load, answer } = answers<string>()
    const { result } = renderPageData(load, { initial: () => ready('from index.html'), opensWithAnswer: true })
    expect(result.current.state).toEqual(ready('from index.html'))
    expect(load).not.toHaveBeenCalled()
    act(() => void result.current.reload())
    await answer(0, 'later')
    expect(result.current.state).toEqual(ready('later'))
  })

  it('ignores a stale answer: only the latest load is shown', async () => {
    const { load, answer } = answers<string>()
    const { result } = renderPageData(load)
    act(() => void result.current.reload())
    expect(load).toHaveBeenCalledTimes(2)

    await answer(1, 'newer')
    await answer(0, 'older')
    expect(result.current.state).toEqual(ready('newer'))
  })

  it('ignores a stale failure too', async () => {
    const { load, answer, fail } = answers<string>()
    const { result } = renderPageData(load)
    act(() => void result.current.reload())
    await answer(1, 'newer')
    await fail(0)
    expect(result.current.state).toEqual(ready('newer'))
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('says why the first load failed, and 重试 goes back to 正在加载… and loads again', async () => {
    const { load, answer, fail } = answers<string>()
    const { result } = renderPageData(load)
    await fail(0, new ApiError({ code: 'NOT_FOUND', status: 404, message: '这个地点近期没有服务点' }))
    expect(result.current.state).toEqual({ status: 'error', message: '这个地点近期没有服务点' })
    expect(Taro.showToast).not.toHaveBeenCalled()

    act(() => void result.current.retry())
    expect(result.current.state).toEqual({ status: 'loading' })
    expect(load).toHaveBeenCalledTimes(2)
    await answer(1, 'found')
    expect(result.current.state).toEqual(ready('found'))
  })

  it('keeps the data shown when a refresh fails, and says why in a toast', async () => {
    const { load, answer, fail } = answers<string>()
    const { result } = renderPageData(load)
    await answer(0, 'shown')
    act(() => void result.current.reload())
    await fail(1)
    expect(result.current.state).toEqual(ready('shown'))
    expect(Taro.showToast).toHaveBeenCalledWith({ title: NETWORK_ERROR_MESSAGE, icon: 'none', duration: 3000 })
  })

  it('keeps the data without a word with onRefreshError "keep", or shows the error with "error"', async () => {
    const kept = answers<string>()
    const keep = renderPageData(kept.load, { onRefreshError: 'keep' })
    await kept.answer(0, 'shown')
    act(() => void keep.result.current.reload())
    await kept.fail(1)
    expect(keep.result.current.state).toEqual(ready('shown'))

    const replaced = answers<string>()
    const replace = renderPageData(replaced.load, { onRefreshError: 'error' })
    await replaced.answer(0, 'shown')
    act(() => void replace.result.current.reload())
    await replaced.fail(1)
    expect(replace.result.current.state).toEqual({ status: 'error', message: NETWORK_ERROR_MESSAGE })
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('lets onRefreshError decide from the error: no network keeps the data, the server’s refusal replaces it', async () => {
    const { load, answer, fail } = answers<string>()
    const onRefreshError = (error: unknown) => (error instanceof ApiError && error.status === 0 ? 'keep' : 'error')
    const { result } = renderPageData(load, { onRefreshError })
    await answer(0, 'shown')
    act(() => void result.current.reload())
    await fail(1)
    expect(result.current.state).toEqual(ready('shown'))
    act(() => void result.current.reload())
    await fail(2, new ApiError({ code: 'NOT_FOUND', status: 404, message: '这个地点近期没有服务点' }))
    expect(result.current.state).toEqual({ status: 'error', message: '这个地点近期没有服务点' })
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('a quiet reload (polling) that fails changes nothing, even with onRefreshError "error"', async () => {
    const { load, answer, fail } = answers<string>()
    const { result } = renderPageData(load, { onRefreshError: 'error' })
    await answer(0, 'shown')
    act(() => void result.current.reload({ quiet: true }))
    await fail(1)
    expect(result.current.state).toEqual(ready('shown'))
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('setData shows fresh data at once; a refresh still on its way is then too old', async () => {
    const { load, answer } = answers<string[]>()
    const { result } = renderPageData(load)
    await answer(0, ['a', 'b'])
    act(() => void result.current.reload())
    act(() => result.current.setData((list) => list.filter((x) => x !== 'b')))
    expect(result.current.state).toEqual(ready(['a']))
    await answer(1, ['a', 'b'])
    expect(result.current.state).toEqual(ready(['a']))

    act(() => result.current.setData(['c']))
    expect(result.current.state).toEqual(ready(['c']))
  })

  it('calls onData with the answers shown, never with a stale one', async () => {
    const onData = jest.fn()
    const { load, answer } = answers<string>()
    const { result } = renderPageData(load, { onData })
    act(() => void result.current.reload())
    await answer(1, 'newer')
    await answer(0, 'older')
    expect(onData.mock.calls).toEqual([['newer']])
  })

  it('loads nothing while not enabled, and keeps the initial state (a missing page parameter)', async () => {
    const load = jest.fn(() => Promise.resolve('x'))
    const { result } = renderPageData(load, { enabled: false, initial: () => ({ status: 'error', message: '没有指定服务点' }) })
    await act(async () => {
      await result.current.retry()
      await result.current.reload()
    })
    expect(load).not.toHaveBeenCalled()
    expect(result.current.state).toEqual({ status: 'error', message: '没有指定服务点' })
  })

  it('starts from data remembered elsewhere and refreshes it', async () => {
    const { load, answer } = answers<string>()
    const { result } = renderPageData(load, { initial: () => ready('remembered') })
    expect(result.current.state).toEqual(ready('remembered'))
    expect(load).toHaveBeenCalledTimes(1)
    await answer(0, 'fresh')
    expect(result.current.state).toEqual(ready('fresh'))
  })

  it('loads once enabled (signed in on the way back), and again, from 正在加载…, when deps change', async () => {
    const { load, answer } = answers<string>()
    const { result, rerender } = renderPageData(load, { enabled: false }, ['new'])
    expect(load).not.toHaveBeenCalled()

    rerender({ options: { enabled: true }, deps: ['new'] })
    expect(load).toHaveBeenCalledTimes(1)
    await answer(0, 'new list')
    expect(result.current.state).toEqual(ready('new list'))

    rerender({ options: { enabled: true }, deps: ['resolved'] })
    expect(result.current.state).toEqual({ status: 'loading' })
    expect(load).toHaveBeenCalledTimes(2)
    await answer(1, 'resolved list')
    expect(result.current.state).toEqual(ready('resolved list'))
  })

  it('with reloadOnShow, loads again each time the page shows after the first', async () => {
    const { load, answer } = answers<string>()
    const { result } = renderPageData(load, { reloadOnShow: true })
    showPage() // the page opening: already loading
    expect(load).toHaveBeenCalledTimes(1)
    await answer(0, 'first')

    showPage()
    expect(load).toHaveBeenCalledTimes(2)
    expect(result.current.state).toEqual(ready('first'))
    await answer(1, 'second')
    expect(result.current.state).toEqual(ready('second'))
  })

  it('does not reload on show without reloadOnShow, or when its function says no', async () => {
    const plain = answers<string>()
    renderPageData(plain.load)
    showPage()
    showPage()
    expect(plain.load).toHaveBeenCalledTimes(1)

    lifecycle.show.length = 0
    const waiting = answers<string>()
    renderPageData(waiting.load, { reloadOnShow: (shown) => !(shown.status === 'ready' && shown.data === 'called') })
    showPage()
    await waiting.answer(0, 'called')
    showPage()
    expect(waiting.load).toHaveBeenCalledTimes(1)
  })

  it('with pullDownRefresh, loads again on pull-down and then stops the spinner', async () => {
    const { load, answer } = answers<string>()
    renderPageData(load, { pullDownRefresh: true })
    await answer(0, 'first')
    pullDown()
    expect(load).toHaveBeenCalledTimes(2)
    expect(Taro.stopPullDownRefresh).not.toHaveBeenCalled()
    await answer(1, 'second')
    expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1)
  })

  it('leaves pull-down alone without pullDownRefresh', async () => {
    const load = jest.fn(() => Promise.resolve('x'))
    renderPageData(load)
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1))
    pullDown()
    expect(load).toHaveBeenCalledTimes(1)
    expect(Taro.stopPullDownRefresh).not.toHaveBeenCalled()
  })
})
