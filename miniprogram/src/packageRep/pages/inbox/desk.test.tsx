import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { InboxResponse } from '@shared/schemas/submission'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { aStudioSubmission, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import InboxPage from './index'

const item = (n: number, summary: string) => ({ id: `01JD00000000000000000000Q${n}`, category: '道路交通', summary, status: 'submitted' as const, source: 'resident' as const, createdAt: '2099-11-10T01:00:00.000Z', dueDate: '2099-11-13', overdue: false, photoCount: 0 })
const inbox: InboxResponse = { counts: { new: 3, in_progress: 0, replied: 0, resolved: 0 }, items: [item(1, '老街口的路灯坏了'), item(2, '桥头护栏松了'), item(3, '垃圾桶满了没人清')] }

/** The browser's width: `wide` answers `(min-width: 1280px)` as a desk screen would. */
function screenOf(wide: boolean) {
  window.matchMedia = ((query: string) => ({ matches: wide && query === '(min-width: 1280px)', media: query, addEventListener: () => undefined, removeEventListener: () => undefined })) as never
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  Taro.request.mockImplementation(((call: RequestCall) => {
    const opened = /\/submissions\/(\w+)$/.exec(call.url)
    if (opened) return ok(aStudioSubmission({ id: opened[1], text: `详情：${inbox.items.find((i) => i.id === opened[1])!.summary}` }))
    return call.url.includes('/inbox') ? ok(inbox) : ok({ categories: [], holidays: [], workdays: [] })
  }) as never)
})
afterEach(() => {
  delete (window as { matchMedia?: unknown }).matchMedia
})

describe('the desk console (H5 at ≥ 1280 px)', () => {
  it('opens the chosen item in the right pane instead of another page', async () => {
    screenOf(true)
    signInAs('representative')
    const { container } = render(<InboxPage />)
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(3))
    expect(container.querySelector('.desk-console .desk-pane--list .inbox-item')).not.toBeNull()
    expect(screen.getByText('在左边选一条意见，详情显示在这里。')).toBeTruthy()
    fireEvent.click(container.querySelectorAll('.inbox-item')[1]!)
    await screen.findByText('详情：桥头护栏松了')
    expect(container.querySelector('.desk-pane--detail .submission-card')).not.toBeNull()
    expect(container.querySelectorAll('.inbox-item')[1]!.getAttribute('aria-current')).toBe('true')
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('reloads the list beside it after a step taken in the pane', async () => {
    screenOf(true)
    signInAs('representative')
    const base = Taro.request.getMockImplementation()!
    Taro.request.mockImplementation(((call: RequestCall) =>
      call.method === 'POST' ? ok(aStudioSubmission({ id: inbox.items[0]!.id, source: 'resident', moreAsked: { question: '请说一下是哪条路', at: '2099-11-20T02:00:00.000Z' } })) : base(call as never)) as never)
    const { container } = render(<InboxPage />)
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(3))
    fireEvent.click(container.querySelectorAll('.inbox-item')[0]!)
    await waitFor(() => expect(container.querySelector('.desk-pane--detail .ask-more-panel')).not.toBeNull())
    const inboxLoads = () => Taro.request.mock.calls.filter((c) => (c[0] as RequestCall).url.includes('/inbox')).length
    const before = inboxLoads()
    fireEvent.input(container.querySelector('.ask-more-input') as Element, { target: { value: '请说一下是哪条路' } })
    fireEvent.click(container.querySelector('.ask-more-submit') as Element)
    await waitFor(() => expect(container.querySelector('.ask-more-waiting')).not.toBeNull())
    await waitFor(() => expect(inboxLoads()).toBe(before + 1))
  })

  it('moves with j / k and ↑ / ↓, opens with Enter, and puts items, tabs and filters in the Tab order', async () => {
    screenOf(true)
    signInAs('representative')
    const { container } = render(<InboxPage />)
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(3))
    const items = Array.from(container.querySelectorAll<HTMLElement>('.inbox-item'))
    await waitFor(() => expect(items.every((el) => el.getAttribute('tabindex') === '0')).toBe(true))
    expect(container.querySelector('.inbox-tab')?.getAttribute('tabindex')).toBe('0')
    expect(container.querySelector('.category-filter-chip')?.getAttribute('tabindex')).toBe('0')

    fireEvent.keyDown(document.body, { key: 'j' })
    expect(document.activeElement).toBe(items[0])
    fireEvent.keyDown(items[0]!, { key: 'j' })
    fireEvent.keyDown(items[1]!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(items[2])
    fireEvent.keyDown(items[2]!, { key: 'ArrowDown' }) // the last stays the last
    fireEvent.keyDown(items[2]!, { key: 'k' })
    expect(document.activeElement).toBe(items[1])
    fireEvent.keyDown(items[1]!, { key: 'Enter' })
    await screen.findByText('详情：桥头护栏松了')
    fireEvent.keyDown(items[1]!, { key: 'ArrowUp' })
    fireEvent.keyDown(items[0]!, { key: 'Enter' })
    await screen.findByText('详情：老街口的路灯坏了')
  })

  it('changes nothing on a phone: an item opens its own page and the keys do nothing', async () => {
    screenOf(false)
    signInAs('representative')
    const { container } = render(<InboxPage />)
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(3))
    expect(container.querySelector('.desk-console')).toBeNull()
    expect(container.querySelector('.inbox-item')?.getAttribute('tabindex')).toBeNull()
    fireEvent.keyDown(document.body, { key: 'j' })
    expect(document.activeElement).toBe(document.body)
    fireEvent.click(container.querySelectorAll('.inbox-item')[2]!)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/submission/index?id=01JD00000000000000000000Q3' }))
  })
})
