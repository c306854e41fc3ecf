import { fireEvent, render, waitFor } from '@testing-library/react'
import type { MyCoinsView } from '@shared/schemas/coins'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { networkDown, ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import CoinsPage from './index'

const BASE = `http://127.0.0.1:3000/studios/${STUDIO_ID}`

function account(overrides: Partial<MyCoinsView> = {}): MyCoinsView {
  return {
    studioId: STUDIO_ID,
    balance: 15,
    cardCode: 'ACDEFGHJ',
    entries: [
      { id: 'e2', amount: 5, kind: 'award', what: '邻里互助', by: '王志强', at: '2099-11-20T02:00:00.000Z' },
      { id: 'e1', amount: 10, kind: 'award', what: '调解纠纷', by: '王志强', at: '2099-11-19T02:00:00.000Z' },
    ],
    rewards: [
      { id: 'towel', name: '毛巾一条', cost: 10, stock: 20 },
      { id: 'rice', name: '大米五斤', cost: 50, stock: 5 },
      { id: 'soap', name: '肥皂一块', cost: 5, stock: 0 },
    ],
    rules: [{ id: 'mediation', activity: '调解纠纷', coins: 10 }],
    redemptions: [],
    ...overrides,
  }
}

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID }
  signInAs('resident')
})

describe('我的幸福币', () => {
  it('shows the balance, the card in two groups, the ledger, and what each reward still needs', async () => {
    Taro.request.mockImplementation((() => ok(account())) as never)
    const { container } = render(<CoinsPage />)
    await waitFor(() => expect(container.querySelector('.coin-balance')?.textContent).toBe('15'))
    expect(container.querySelector('.coin-card-code')?.textContent).toBe('ACDE FGHJ')
    expect(Array.from(container.querySelectorAll('.coin-entry')).map((e) => e.textContent)).toEqual([
      expect.stringContaining('获得：邻里互助'),
      expect.stringContaining('获得：调解纠纷'),
    ])
    expect(container.querySelector('.coin-entry-amount')?.textContent).toBe('+5')
    const rows = Array.from(container.querySelectorAll('.reward-row'))
    expect(rows.map((r) => r.querySelector('.reward-why')?.textContent ?? r.querySelector('.reward-redeem')?.textContent)).toEqual(['兑换', '还差 35 个', '已换完'])
  })

  it('兑换 asks first, sends one retry key, and a retry after a dropped answer sends the same key', async () => {
    let redeemTries = 0
    Taro.request.mockImplementation(((req: RequestCall) => {
      if (req.method === 'POST') {
        redeemTries += 1
        return redeemTries === 1 ? networkDown() : ok({ code: 'QRT347', rewardId: 'towel', rewardName: '毛巾一条', cost: 10, status: 'reserved', createdAt: '2099-11-21T02:00:00.000Z' }, 201)
      }
      return ok(account())
    }) as never)
    const { container } = render(<CoinsPage />)
    await waitFor(() => expect(container.querySelector('.reward-redeem')).not.toBeNull())
    fireEvent.click(container.querySelector('.reward-redeem') as Element)
    await waitFor(() => expect(redeemTries).toBe(1))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '兑换“毛巾一条”？' }))
    fireEvent.click(container.querySelector('.reward-redeem') as Element)
    await waitFor(() => expect(redeemTries).toBe(2))
    const posts = calls().filter((c) => c.method === 'POST')
    expect(posts.map((p) => p.url)).toEqual([`${BASE}/redemptions`, `${BASE}/redemptions`])
    expect(posts[0]!.data).toEqual({ requestId: expect.any(String), rewardId: 'towel' })
    expect(posts[1]!.data).toEqual(posts[0]!.data)
    await waitFor(() => expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已兑换，兑换码 QRT347', icon: 'none', duration: 3000 }))
  })

  it('a reward waiting at the stand shows its code; 退回 gives the coins back', async () => {
    const waiting = { code: 'QRT347', rewardId: 'towel', rewardName: '毛巾一条', cost: 10, status: 'reserved' as const, createdAt: '2099-11-21T02:00:00.000Z' }
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'POST' ? ok({ ...waiting, status: 'cancelled' }) : ok(account({ redemptions: [waiting] })))) as never)
    const { container } = render(<CoinsPage />)
    await waitFor(() => expect(container.querySelector('.redemption-code')?.textContent).toBe('QRT347'))
    fireEvent.click(container.querySelector('.redemption-cancel') as Element)
    await waitFor(() => expect(calls().some((c) => c.method === 'POST' && c.url === `${BASE}/redemptions/QRT347/cancel`)).toBe(true))
  })

  it('without a card offers to make one; signed out it asks to sign in; without a studio it says to scan first', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'PUT' ? ok({ cardCode: 'ACDEFGHJ' }) : ok(account({ cardCode: undefined })))) as never)
    const { container, unmount } = render(<CoinsPage />)
    await waitFor(() => expect(container.querySelector('.open-card')).not.toBeNull())
    fireEvent.click(container.querySelector('.open-card') as Element)
    await waitFor(() => expect(calls().some((c) => c.method === 'PUT' && c.url === `${BASE}/me/coin-card`)).toBe(true))
    unmount()

    router.params = {}
    const noStudio = render(<CoinsPage />)
    expect(noStudio.container.textContent).toContain('先扫一扫服务点的二维码')
  })
})
