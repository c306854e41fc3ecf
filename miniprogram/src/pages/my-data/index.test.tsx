import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, storage } from '../../../test/mocks/taro'
import { apiError, ok, signInAs, type RequestCall } from '../../../test/fixtures'
import type { MyDataSummary } from '@shared/schemas/privacy'
import { getUser } from '../../services/session'
import { SUBMISSION_DRAFT_KEY } from '../../services/submissions'
import MyDataPage from './index'

const SUMMARY: MyDataSummary = {
  submissions: 3,
  bookings: 4,
  upcomingBookings: 1,
  readings: 5,
  notifications: 7,
  follows: 1,
  coinAccounts: 1,
  contactRetentionDays: 180,
  healthReadingRetentionDays: 365,
  canDeleteAccount: true,
}

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const deletes = () => calls().filter((c) => c.method === 'DELETE')

/** GET /me/data/summary answers `summary`; DELETE /me answers `deletion`. */
function api(summary: MyDataSummary, deletion: () => Promise<unknown> = () => ok({ deleted: true, submissionsAnonymised: 3, bookingsCancelled: 1, readingsDeleted: 5 })) {
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { method } = args[0] as RequestCall
    return method === 'DELETE' ? deletion() : ok(summary)
  }) as never)
}

const fetchMock = jest.fn()
const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)

beforeEach(() => {
  resetTaroMock()
  fetchMock.mockReset()
  click.mockClear()
  ;(globalThis as { fetch?: unknown }).fetch = fetchMock
  URL.createObjectURL = jest.fn(() => 'blob:my-data')
  URL.revokeObjectURL = jest.fn()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
})

describe('我的数据', () => {
  it('shows the privacy guide in short, with the periods the server keeps things for', async () => {
    signInAs('resident')
    api({ ...SUMMARY, contactRetentionDays: 90 })
    const { container } = render(<MyDataPage />)
    await waitFor(() => expect(container.querySelectorAll('.privacy-point')).toHaveLength(5))
    const points = Array.from(container.querySelectorAll('.privacy-point')).map((p) => p.textContent)
    expect(points[1]).toContain('办结后保存 90 天')
    expect(points[3]).toContain('365 天后自动删除')
    expect(container.querySelector('.privacy-guide-open')).toBeNull() // H5: WeChat keeps the whole text
  })

  it('asks a signed-out person to sign in, without calling the API', () => {
    const { container } = render(<MyDataPage />)
    expect(container.querySelector('.login-button')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('says what is kept, in numbers and plain words, with how long phones and readings are kept', async () => {
    signInAs('resident')
    api(SUMMARY)
    const { container } = render(<MyDataPage />)
    await screen.findByText('我们保存了您的这些信息')
    expect(calls()[0].url).toBe('http://127.0.0.1:3000/me/data/summary')
    const rows = Array.from(container.querySelectorAll('.kept-row')).map((r) => `${r.querySelector('.kept-label')?.textContent} ${r.querySelector('.kept-value')?.textContent}`)
    expect(rows).toEqual(['账号 1 个', '意见建议 3 条', '预约 4 个', '血压记录 5 条', '消息和关注 7 条 · 1 个', '幸福币 1 个账户', '手机号和地址 180 天'])
    expect(container.textContent).toContain('其中 1 个还没到时间')
    expect(container.textContent).toContain('每条保存 365 天')
    expect(container.textContent).toContain('事情办完或上门服务后 180 天自动删除')
    // nothing is deleted until asked twice
    expect(container.querySelector('.delete-confirm')).toBeNull()
  })

  it('downloads the copy as a file on H5, named by the API', async () => {
    signInAs('resident')
    api(SUMMARY)
    fetchMock.mockResolvedValueOnce({
      ok: true,
      status: 200,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-disposition' ? `attachment; filename="download.json"; filename*=UTF-8''${encodeURIComponent('我的数据_2099-11-22.json')}` : null) },
      blob: () => Promise.resolve(new Blob(['{}'], { type: 'application/json' })),
    })
    const { container } = render(<MyDataPage />)
    await screen.findByText('导出我的数据', { selector: 'button' })
    fireEvent.click(container.querySelector('.export-button') as HTMLElement)

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已下载：我的数据_2099-11-22.json', icon: 'none', duration: 3000 }))
    const [url, init] = fetchMock.mock.calls[0] as [string, { headers: Record<string, string> }]
    expect(url).toBe('http://127.0.0.1:3000/me/data')
    expect(init.headers).toMatchObject({ Accept: 'application/json', Authorization: 'Bearer t' })
    expect(click).toHaveBeenCalledTimes(1)
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('我的数据_2099-11-22.json')
  })

  it('on WeChat, offers to forward the file to a chat', async () => {
    process.env.TARO_ENV = 'weapp'
    signInAs('resident')
    api(SUMMARY)
    Taro.downloadFile.mockImplementationOnce(((...args: unknown[]) => Promise.resolve({ statusCode: 200, filePath: (args[0] as { filePath: string }).filePath, errMsg: 'downloadFile:ok' })) as never)
    const share = jest.fn((options: { success: () => void }) => options.success())
    Object.assign(Taro, { shareFileMessage: share })
    const { container } = render(<MyDataPage />)
    await screen.findByText('我们保存了您的这些信息')
    fireEvent.click(container.querySelector('.export-button') as HTMLElement)

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已转发', icon: 'none' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '数据已导出', confirmText: '转发' }))
    expect(share).toHaveBeenCalledWith(expect.objectContaining({ filePath: expect.stringMatching(/^wxfile:\/\/usr\/我的数据_\d{4}-\d{2}-\d{2}\.json$/) }))
  })

  it('deletes the account only after saying what will happen and a last yes, then signs out on the phone too', async () => {
    signInAs('resident')
    api(SUMMARY)
    storage.set(SUBMISSION_DRAFT_KEY, JSON.stringify({ studioId: 'S', text: '没写完的意见', phone: '13912345678' }))
    const { container } = render(<MyDataPage />)
    await screen.findByText('我们保存了您的这些信息')

    // step 1: what will happen, with the numbers
    fireEvent.click(container.querySelector('.delete-start') as HTMLElement)
    const consequences = container.querySelector('.delete-consequences')?.textContent ?? ''
    expect(consequences).toContain('您提的 3 条意见会匿名保留')
    expect(consequences).toContain('未来的 1 个预约会取消，名额让给别人')
    expect(consequences).toContain('5 条血压记录和您的同意记录会删除')
    expect(consequences).toContain('会是一个新的空账号')
    expect(deletes()).toHaveLength(0)

    // step 2: the last yes
    fireEvent.click(container.querySelector('.delete-confirm') as HTMLElement)
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(Taro.showModal).toHaveBeenNthCalledWith(1, expect.objectContaining({ title: '最后确认', confirmText: '注销' }))
    expect(deletes()).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:3000/me', data: { confirm: '注销' } })])
    expect(Taro.showModal).toHaveBeenNthCalledWith(2, expect.objectContaining({ title: '账号已注销', showCancel: false }))
    expect(getUser()).toBeNull()
    expect(storage.has(SUBMISSION_DRAFT_KEY)).toBe(false)
  })

  it('deletes nothing when the person says no, at either step', async () => {
    signInAs('resident')
    api(SUMMARY)
    const { container } = render(<MyDataPage />)
    await screen.findByText('我们保存了您的这些信息')
    fireEvent.click(container.querySelector('.delete-start') as HTMLElement)
    fireEvent.click(container.querySelector('.delete-cancel') as HTMLElement)
    expect(container.querySelector('.delete-consequences')).toBeNull()

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(container.querySelector('.delete-start') as HTMLElement)
    fireEvent.click(container.querySelector('.delete-confirm') as HTMLElement)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(deletes()).toHaveLength(0)
    expect(getUser()).not.toBeNull()
  })

  it('keeps the person signed in and says why when the deletion could not finish', async () => {
    signInAs('resident')
    api(SUMMARY, () => apiError(409, 'CONFLICT', '您有一条意见正在办理中，请稍后再点一次“注销账号”，已处理的部分不会重复'))
    const { container } = render(<MyDataPage />)
    await screen.findByText('我们保存了您的这些信息')
    fireEvent.click(container.querySelector('.delete-start') as HTMLElement)
    fireEvent.click(container.querySelector('.delete-confirm') as HTMLElement)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您有一条意见正在办理中，请稍后再点一次“注销账号”，已处理的部分不会重复' })))
    expect(getUser()).not.toBeNull()
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })

  it('tells studio people that an administrator must remove their role first, with no delete button', async () => {
    signInAs('staff')
    api({ ...SUMMARY, canDeleteAccount: false })
    const { container } = render(<MyDataPage />)
    await screen.findByText('我们保存了您的这些信息')
    expect(container.querySelector('.delete-start')).toBeNull()
    expect(container.querySelector('.studio-role-note')?.textContent).toBe('您是服务点工作人员，不能在这里注销。请先请工作室管理员解除您的身份，再来注销。')
    expect(container.querySelector('.export-button')).not.toBeNull()
  })
})
