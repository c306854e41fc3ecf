import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { BoardResponse } from '@shared/schemas/submission'
import Taro, { resetTaroMock, router, shareHandlers } from '../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../test/fixtures'
import BoardPage from './index'

const board: BoardResponse = {
  studioName: '青石镇党代表工作室',
  items: [{ id: '01JD00000000000000000000Q1', category: '道路交通', date: '2099-11-10', status: 'replied', text: '老街口的路灯坏了', reply: '已联系供电所，本周修好', repliedAt: '2099-11-12T01:00:00.000Z' }],
}

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const followUrl = `http://127.0.0.1:3000/studios/${STUDIO_ID}/follow`

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID }
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url, method } = args[0] as RequestCall
    if (url.endsWith('/board')) return ok(board)
    if (url === followUrl && (method ?? 'GET') === 'GET') return ok({ following: false })
    if (url === followUrl && method === 'PUT') return ok({ following: true })
    if (url === followUrl && method === 'DELETE') return ok({ following: false })
    return Promise.reject(new Error(`unexpected ${method} ${url}`))
  }) as never)
})

describe('公示墙: 关注', () => {
  it('a signed-in resident follows, then unfollows (PUT then DELETE), with feedback each time', async () => {
    signInAs('resident')
    const { container } = render(<BoardPage />)
    await waitFor(() => expect(container.querySelector('.follow-toggle')?.textContent).toContain('关注'))
    const toggle = () => container.querySelector('.follow-toggle') as HTMLElement
    await waitFor(() => expect(toggle().hasAttribute('disabled')).toBe(false))
    expect(toggle().textContent).not.toContain('已关注')
    expect(container.textContent).toContain('关注后，公示墙有新答复时会在「消息」里提醒您')

    fireEvent.click(toggle())
    await waitFor(() => expect(toggle().textContent).toContain('已关注'))
    expect(toggle().className).toContain('follow-toggle--on')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已关注，有新答复会在「消息」里提醒您' }))
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled() // H5: no WeChat messages

    fireEvent.click(toggle())
    await waitFor(() => expect(toggle().textContent).not.toContain('已关注'))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消关注' }))

    const writes = calls().filter((c) => c.method === 'PUT' || c.method === 'DELETE')
    expect(writes.map((c) => `${c.method} ${c.url}`)).toEqual([`PUT ${followUrl}`, `DELETE ${followUrl}`])
  })

  it('on WeChat asks for the board-update message in the 关注 tap (not when unfollowing) and says it was agreed', async () => {
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_TEMPLATE_BOARD_UPDATE = 't-board'
    try {
      signInAs('resident')
      Taro.requestSubscribeMessage.mockImplementationOnce(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 't-board': 'accept' }))
      const { container } = render(<BoardPage />)
      const toggle = () => container.querySelector('.follow-toggle') as HTMLElement
      await waitFor(() => expect(toggle().hasAttribute('disabled')).toBe(false))

      fireEvent.click(toggle())
      await waitFor(() => expect(toggle().textContent).toContain('已关注'))
      expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['t-board'] }))
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已关注，下次有新答复会发微信提醒，也会放在「消息」里' }))

      fireEvent.click(toggle())
      await waitFor(() => expect(toggle().textContent).not.toContain('已关注'))
      expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1)
    } finally {
      delete process.env.TARO_APP_TEMPLATE_BOARD_UPDATE
    }
  })

  it('is forwarded (转发, 朋友圈) as the studio’s board, opening the same board', async () => {
    const { container } = render(<BoardPage />)
    await waitFor(() => expect(container.textContent).toContain('老街口的路灯坏了'))
    expect(shareHandlers.appMessage?.()).toEqual({ title: '青石镇党代表工作室 公示墙：大家提的意见和答复', path: `/pages/board/index?studioId=${STUDIO_ID}` })
    expect(shareHandlers.timeline?.()).toEqual({ title: '青石镇党代表工作室 公示墙：大家提的意见和答复', query: `studioId=${STUDIO_ID}` })
  })

  it('shows the error and keeps the state when following fails', async () => {
    signInAs('resident')
    Taro.request.mockImplementation(((...args: unknown[]) => {
      const { url, method } = args[0] as RequestCall
      if (url.endsWith('/board')) return ok(board)
      if (method === 'PUT') return Promise.resolve({ statusCode: 503, data: { error: { code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } })
      return ok({ following: false })
    }) as never)
    const { container } = render(<BoardPage />)
    const toggle = () => container.querySelector('.follow-toggle') as HTMLElement
    await waitFor(() => expect(toggle()?.hasAttribute('disabled')).toBe(false))
    fireEvent.click(toggle())
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时不可用，请稍后再试' })))
    expect(toggle().textContent).not.toContain('已关注')
  })

  it('is not shown to someone not signed in (the board itself is public)', async () => {
    const { container } = render(<BoardPage />)
    await waitFor(() => expect(container.querySelectorAll('.board-item')).toHaveLength(1))
    await act(() => Promise.resolve())
    expect(container.querySelector('.follow-toggle')).toBeNull()
    expect(calls().some((c) => c.url === followUrl)).toBe(false)
  })
})

describe('公示墙: 附议', () => {
  const seconded: BoardResponse = {
    ...board,
    items: [
      { ...board.items[0]!, seconds: 4 },
      { id: '01JD00000000000000000000Q2', category: '环境卫生', date: '2099-11-01', status: 'resolved', text: '河边垃圾没人清', reply: '已清理', repliedAt: '2099-11-03T01:00:00.000Z', seconds: 2 },
    ],
  }
  const secondUrl = `http://127.0.0.1:3000/submissions/${board.items[0]!.id}/seconds`

  beforeEach(() => {
    Taro.request.mockImplementation(((...args: unknown[]) => {
      const { url, method } = args[0] as RequestCall
      if (url.endsWith('/board')) return ok(seconded)
      if (url === followUrl) return ok({ following: false })
      if (url === secondUrl && method === 'POST') return ok({ submissionId: board.items[0]!.id, seconds: 5, secondedByMe: true })
      return Promise.reject(new Error(`unexpected ${method} ${url}`))
    }) as never)
  })

  it('shows how many residents raised each matter, and lets a signed-in resident 附议 one still open', async () => {
    signInAs('resident')
    const { container } = render(<BoardPage />)
    await waitFor(() => expect(container.querySelectorAll('.board-item')).toHaveLength(2))
    const [open, closed] = Array.from(container.querySelectorAll('.board-item'))
    expect(open!.textContent).toContain('4 位居民也反映了这件事')
    expect(closed!.textContent).toContain('2 位居民也反映了这件事')
    expect(closed!.querySelector('.second-button')).toBeNull() // 办结: nothing more to second

    fireEvent.click(open!.querySelector('.second-button') as Element)
    await waitFor(() => expect(open!.querySelector('.second-done')?.textContent).toBe('✓ 已附议'))
    expect(open!.querySelector('.second-button')).toBeNull() // no second tap to make
    expect(open!.textContent).toContain('5 位居民也反映了这件事')
    expect(calls().filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([secondUrl])
  })

  it('shows the counts, without the button, to someone not signed in', async () => {
    const { container } = render(<BoardPage />)
    await waitFor(() => expect(container.querySelectorAll('.board-item')).toHaveLength(2))
    expect(container.textContent).toContain('4 位居民也反映了这件事')
    expect(container.querySelector('.second-button')).toBeNull()
  })
})
