import { fireEvent, render, waitFor } from '@testing-library/react'
import type { InboxResponse } from '@shared/schemas/submission'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import InboxPage from './index'

const inbox: InboxResponse = {
  counts: { new: 2, in_progress: 5, replied: 1, resolved: 9 },
  items: [
    { id: '01JD00000000000000000000Q1', category: '道路交通', summary: '老街口的路灯坏了两个星期', status: 'submitted', source: 'resident', createdAt: '2099-11-10T01:00:00.000Z', dueDate: '2099-11-13', overdue: true, photoCount: 2, venueName: '青石镇集市', seconds: 3 },
    { id: '01JD00000000000000000000Q2', category: '环境卫生', summary: '垃圾桶满了没人清', status: 'submitted', source: 'on_behalf', createdAt: '2099-11-20T01:00:00.000Z', dueDate: '2099-11-25', overdue: false, photoCount: 0 },
  ],
}

const urls = () => Taro.request.mock.calls.map((c) => (c[0] as RequestCall).url)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  Taro.request.mockImplementation((() => ok(inbox)) as never)
})

describe('意见办理 inbox', () => {
  it('shows the counts per tab and a red 已超期 badge on overdue items only', async () => {
    signInAs('representative')
    const { container } = render(<InboxPage />)
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(2))
    const tabs = Array.from(container.querySelectorAll('.inbox-tab')).map((t) => t.textContent)
    expect(tabs).toEqual(['待受理2', '办理中5', '已答复1', '已办结9'])
    expect(container.querySelectorAll('.inbox-count')[3].textContent).toBe('9')
    const items = container.querySelectorAll('.inbox-item')
    expect(items[0].querySelector('.overdue-badge')?.textContent).toBe('已超期')
    expect(items[1].querySelector('.overdue-badge')).toBeNull()
    // which ones came with photos
    expect(items[0].querySelector('.item-photos')?.textContent).toBe('附照片 2 张')
    expect(items[1].querySelector('.item-photos')).toBeNull()
    // 附议: how many other residents raised the same thing
    expect(items[0].querySelector('.item-seconds')?.textContent).toBe('附议：3 位居民也反映了这件事')
    expect(items[1].querySelector('.item-seconds')).toBeNull()
    expect(urls()[0]).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/inbox?group=new`)
  })

  it('loads the next page of a tab under the first (加载更多), with the counts it brings', async () => {
    signInAs('representative')
    const more = { id: '01JD00000000000000000000Q3', category: '道路交通', summary: '桥头护栏松了', status: 'submitted', source: 'resident', createdAt: '2099-11-21T01:00:00.000Z', dueDate: '2099-11-26', overdue: false, photoCount: 0 }
    Taro.request.mockImplementation(((call: RequestCall) =>
      call.url.includes('cursor=NEXT') ? ok({ counts: { ...inbox.counts, new: 3 }, items: [more] }) : call.url.includes('/inbox') ? ok({ ...inbox, nextCursor: 'NEXT' }) : ok({ categories: [], holidays: [], workdays: [] })) as never)
    const { container } = render(<InboxPage />)
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(2))
    fireEvent.click(container.querySelector('.load-more') as Element)
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(3))
    expect(urls()).toContain(`http://127.0.0.1:3000/studios/${STUDIO_ID}/inbox?group=new&cursor=NEXT`)
    expect(container.querySelectorAll('.inbox-count')[0].textContent).toBe('3')
    // the last page: no more to load
    expect(container.querySelector('.load-more')).toBeNull()
  })

  it('switches tabs, filters by category and opens an item in packageRep', async () => {
    signInAs('admin')
    const { container } = render(<InboxPage />)
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(2))
    fireEvent.click(container.querySelectorAll('.inbox-tab')[1] as Element)
    await waitFor(() => expect(urls()).toContain(`http://127.0.0.1:3000/studios/${STUDIO_ID}/inbox?group=in_progress`))
    const road = Array.from(container.querySelectorAll('.category-filter-chip')).find((c) => c.textContent === '道路交通') as Element
    fireEvent.click(road)
    await waitFor(() => expect(urls()).toContain(`http://127.0.0.1:3000/studios/${STUDIO_ID}/inbox?group=in_progress&category=${encodeURIComponent('道路交通')}`))
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(2))
    fireEvent.click(container.querySelector('.inbox-item') as Element)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/submission/index?id=01JD00000000000000000000Q1' }))
  })

  it('offers the studio’s own categories as filters', async () => {
    signInAs('representative')
    Taro.request.mockImplementation(((call: RequestCall) =>
      call.url.endsWith('/submission-settings') ? ok({ categories: [{ name: '河道整治', acceptDays: 1, replyDays: 3 }], holidays: [], workdays: [] }) : ok(inbox)) as never)
    const { container } = render(<InboxPage />)
    await waitFor(() => expect(Array.from(container.querySelectorAll('.category-filter-chip')).map((c) => c.textContent)).toEqual(['全部', '河道整治']))
  })

  it('links to 办理统计 in packageRep', async () => {
    signInAs('representative')
    const { container } = render(<InboxPage />)
    fireEvent.click(container.querySelector('.stats-link') as Element)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/stats/index' }))
  })

  it('links to 答复模板 in packageRep', async () => {
    signInAs('representative')
    const { container } = render(<InboxPage />)
    expect(container.querySelector('.templates-link')?.textContent).toBe('答复模板 ›')
    fireEvent.click(container.querySelector('.templates-link') as Element)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/templates/index' }))
  })

  it('links to 代填意见 (no stand) in packageStaff', async () => {
    signInAs('representative')
    const { container } = render(<InboxPage />)
    expect(container.querySelector('.on-behalf-link')?.textContent).toContain('代填意见')
    fireEvent.click(container.querySelector('.on-behalf-link') as Element)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageStaff/pages/on-behalf/index' }))
  })

  it('is closed to residents and staff', () => {
    signInAs('staff')
    const { container } = render(<InboxPage />)
    expect(container.querySelector('.no-rep-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
