import { fireEvent, render, waitFor } from '@testing-library/react'
import type { StatsResponse } from '@shared/schemas/submission'
import { chinaDate } from '@shared/time'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import StatsPage from './index'

const BASE = 'http://127.0.0.1:3000'

const stats: StatsResponse = {
  month: '2099-11',
  received: 12,
  accepted: 10,
  replied: 8,
  resolved: 6,
  fixed: 5,
  rated: 0,
  responseRate: 0.5,
  resolutionRate: 0.857,
  satisfactionRate: null,
  medianHoursToFirstReply: 26.25,
  overdue: 2,
  chased: 1,
  escalated: 3,
  byDepartment: [
    { department: '环卫所', departmentId: '01JD00000000000000000000D2', handedOn: 4, acknowledged: 3, acknowledgedInTime: 2, responseRate: 0.5, replied: 1, fixed: 1, overdue: 0, resolutionRate: 1 },
    { department: '镇城管办', handedOn: 4, replied: 3, fixed: 2, overdue: 1, resolutionRate: 0.5 },
  ],
  byGrid: [
    { gridId: '01JD00000000000000000000G1', grid: '东街网格', received: 5, responseRate: 0.8, resolutionRate: 0.6, satisfactionRate: 1 },
    { gridId: '01JD00000000000000000000G2', grid: '西村院落', received: 2, responseRate: 0.5, resolutionRate: 0, satisfactionRate: null },
  ],
}

const urls = () => Taro.request.mock.calls.map((c) => (c[0] as RequestCall).url)
const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent

const fetchMock = jest.fn()
const originalFetch = (globalThis as { fetch?: unknown }).fetch

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = BASE
  Taro.request.mockImplementation((() => ok(stats)) as never)
  fetchMock.mockReset()
  ;(globalThis as { fetch?: unknown }).fetch = fetchMock
})

afterAll(() => {
  ;(globalThis as { fetch?: unknown }).fetch = originalFetch
})

describe('办理统计', () => {
  it('asks for this month (China time) and shows the figures, rates as percentages and null as —', async () => {
    signInAs('representative')
    const { container } = render(<StatsPage />)
    await waitFor(() => expect(text(container, '.stats-received')).toBe('12'))
    const month = chinaDate(new Date()).slice(0, 7)
    expect(urls()[0]).toBe(`${BASE}/studios/${STUDIO_ID}/stats?month=${month}`)
    expect(text(container, '.stats-response-rate')).toBe('50%')
    expect(text(container, '.stats-resolution-rate')).toBe('85.7%')
    expect(text(container, '.stats-satisfaction-rate')).toBe('—')
    expect(text(container, '.stats-median-hours')).toBe('26.3 小时')
    expect(text(container, '.stats-overdue')).toBe('2 条')
    expect(text(container, '.stats-chased')).toBe('1 条')
    expect(text(container, '.stats-escalated')).toBe('3 条')
    // a department of the list shows its 响应 (signed for within a working day); one typed in free text has none
    expect([...container.querySelectorAll('.stats-department')].map((e) => e.textContent)).toEqual(['环卫所交办 4 · 响应 2（50%） · 已答复 1 · 已解决 1（100%）', '镇城管办交办 4 · 已答复 3 · 已解决 2（50%） · 超期 1'])
    // per grid: a row each, its count and rates (null as —)
    expect([...container.querySelectorAll('.stats-grid-row')].map((row) => [...row.children].map((c) => c.textContent))).toEqual([
      ['东街网格', '5', '80%', '60%', '100%'],
      ['西村院落', '2', '50%', '0%', '—'],
    ])
    // no ratings yet: the note says so instead of 占 0 条评价的比例
    expect(text(container, '.stats-note')).toContain('满意率：还没有人评价，有评价后才算。')
    expect(text(container, '.stats-note')).not.toContain('占 0 条')
    expect(text(container, '.stats-note')).toContain('办结 6 条，其中已解决 5 条')
  })

  it('reloads for another month and a category', async () => {
    signInAs('admin')
    const { container } = render(<StatsPage />)
    await waitFor(() => expect(text(container, '.stats-received')).toBe('12'))
    const picker = container.querySelector('.stats-month')?.closest('.picker') as HTMLElement
    fireEvent.change(picker.querySelector('.picker-mock') as HTMLInputElement, { target: { value: '2099-10' } })
    await waitFor(() => expect(urls()).toContain(`${BASE}/studios/${STUDIO_ID}/stats?month=2099-10`))
    expect(text(container, '.stats-month')).toContain('2099年10月')
    const road = Array.from(container.querySelectorAll('.stats-category-chip')).find((c) => c.textContent === '道路交通') as Element
    fireEvent.click(road)
    await waitFor(() => expect(urls()).toContain(`${BASE}/studios/${STUDIO_ID}/stats?month=2099-10&category=${encodeURIComponent('道路交通')}`))
    expect(Array.from(container.querySelectorAll('.stats-category-chip')).map((c) => c.textContent)).toEqual(['全部', '环境卫生', '道路交通', '治安安全', '民生服务', '邻里纠纷', '其他'])
  })

  it('exports this month as CSV through the download module and says where it went', async () => {
    signInAs('representative')
    const created = jest.fn(() => 'blob:csv')
    ;(URL as unknown as { createObjectURL: unknown }).createObjectURL = created
    ;(URL as unknown as { revokeObjectURL: unknown }).revokeObjectURL = jest.fn()
    // jsdom cannot follow a download link
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    fetchMock.mockResolvedValueOnce({
      ok: true,
      status: 200,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-disposition' ? `attachment; filename*=UTF-8''${encodeURIComponent('意见建议.csv')}` : null) },
      blob: () => Promise.resolve(new Blob(['\uFEFF编号,类别\n'], { type: 'text/csv' })),
      text: () => Promise.resolve(''),
    })
    const { container } = render(<StatsPage />)
    await waitFor(() => expect(text(container, '.stats-received')).toBe('12'))
    fireEvent.click(container.querySelector('.export-csv') as HTMLElement)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已下载：意见建议.csv' })))
    const today = chinaDate(new Date())
    const [url, init] = fetchMock.mock.calls[0] as [string, { headers: Record<string, string> }]
    expect(url).toBe(`${BASE}/studios/${STUDIO_ID}/submissions.csv?from=${today.slice(0, 7)}-01&to=${today}`)
    expect(init.headers.Authorization).toBe('Bearer t')
    expect(created).toHaveBeenCalled()
    expect(click).toHaveBeenCalled()
    click.mockRestore()
  })

  it('on weapp downloads the CSV into a file and forwards it to a chat after asking', async () => {
    process.env.TARO_ENV = 'weapp'
    signInAs('representative')
    Taro.downloadFile.mockImplementationOnce((...args: unknown[]) =>
      Promise.resolve({ statusCode: 200, filePath: (args[0] as { filePath: string }).filePath, errMsg: 'downloadFile:ok' }))
    const share = jest.fn((options: { success: () => void }) => options.success())
    ;(Taro as unknown as { shareFileMessage: unknown }).shareFileMessage = share
    const { container } = render(<StatsPage />)
    await waitFor(() => expect(text(container, '.stats-received')).toBe('12'))
    fireEvent.click(container.querySelector('.export-csv') as HTMLElement)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已转发' })))
    const today = chinaDate(new Date())
    const name = `意见建议_${today.slice(0, 7)}-01_${today}.csv`
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '表格已下载', confirmText: '转发' }))
    expect(share).toHaveBeenCalledWith(expect.objectContaining({ filePath: `wxfile://usr/${name}`, fileName: name }))
  })

  it('is closed to residents and staff', () => {
    signInAs('staff')
    const { container } = render(<StatsPage />)
    expect(container.querySelector('.no-rep-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
