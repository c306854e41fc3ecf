import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import AdminAuditPage from './index'

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const REP = '01JD00000000000000000000R1'

const entry = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: `E${n}`,
  at: '2026-11-23T01:00:00.000Z',
  kind: 'csv_exported',
  actorId: REP,
  actorName: '张建国',
  actorRole: 'representative',
  summary: `导出 2026-11-01 至 2026-11-23 的意见建议 ${n} 条（手机号已遮蔽）`,
  ...overrides,
})

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('admin')
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url } = args[0] as RequestCall
    if (url.includes('cursor=NEXT')) return ok({ entries: [entry(3, { kind: 'stand_cancelled', summary: '取消「洛社农贸集市」11月26日 周四 的服务', actorName: '赵敏', actorRole: 'admin', actorId: 'A1' })] })
    if (url.includes('/audit')) return ok({ entries: [entry(1), entry(2, { kind: 'readings_deleted', summary: '居民本人删除健康读数 1 条（洛社农贸集市）', actorName: '居民', actorRole: 'resident', actorId: undefined })], nextCursor: 'NEXT' })
    return Promise.reject(new Error(`unexpected ${url}`))
  }) as never)
})

describe('admin: the audit trail', () => {
  it('lists who did what, newest first, and loads older entries on request', async () => {
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('导出 2026-11-01 至 2026-11-23 的意见建议 1 条（手机号已遮蔽）')
    expect(calls()[0].url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/audit`)
    expect(screen.getByText('张建国（党代表）')).toBeTruthy()
    // a resident acting on their own data is never named
    expect(screen.getByText('居民（居民）')).toBeTruthy()
    fireEvent.click(container.querySelector('.audit-more') as HTMLElement)
    await screen.findByText('取消「洛社农贸集市」11月26日 周四 的服务')
    expect(calls()[1].url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/audit?cursor=NEXT`)
    await waitFor(() => expect(container.querySelector('.audit-more')).toBeNull())
    expect(container.querySelectorAll('.audit-entry')).toHaveLength(3)
  })

  it('is for the studio’s admin only', () => {
    signInAs('representative')
    render(<AdminAuditPage />)
    expect(screen.getByText('工作室设置只对工作室管理员开放。')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
