import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import StaffCoinsPage from './index'

const BASE = `http://127.0.0.1:3000/studios/${STUDIO_ID}`
const SETTINGS = { rules: [{ id: 'mediation', activity: '调解纠纷', coins: 10 }, { id: 'clean-up', activity: '环境整治', coins: 3 }], rewards: [] }
const RESERVED = { code: 'QRT347', rewardId: 'towel', rewardName: '毛巾一条', cost: 10, status: 'reserved', createdAt: '2099-11-21T02:00:00.000Z', residentName: '王阿姨' }
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('staff')
})

describe('幸福币：记分与兑换 (staff)', () => {
  it('says which field is wrong and sends nothing; then credits the card typed by the rule chosen', async () => {
    Taro.request.mockImplementation(((req: RequestCall) =>
      req.url.endsWith('/coin-awards') ? ok({ residentName: '王阿姨', activity: '调解纠纷', coins: 10, at: '2099-11-21T02:00:00.000Z' }, 201) : ok(SETTINGS)) as never)
    const { container } = render(<StaffCoinsPage />)
    await waitFor(() => expect(container.querySelectorAll('.award-rule')).toHaveLength(2))
    fireEvent.change(container.querySelector('.card-code-input') as Element, { target: { value: 'ZZZ' } })
    fireEvent.click(container.querySelector('.award-submit') as Element)
    expect(container.querySelector('.card-code-error')?.textContent).toContain('幸福币卡号')
    expect(container.querySelector('.rule-error')?.textContent).toBe('请选择活动')
    expect(posts()).toHaveLength(0)

    fireEvent.change(container.querySelector('.card-code-input') as Element, { target: { value: 'acde-fghj' } })
    fireEvent.click(container.querySelector('.award-rule') as Element)
    fireEvent.click(container.querySelector('.award-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `${BASE}/coin-awards`, data: { requestId: expect.any(String), cardCode: 'ACDEFGHJ', ruleId: 'mediation' } })
    await waitFor(() => expect(container.querySelector('.award-done')?.textContent).toBe('已为 王阿姨 记 10 个幸福币（调解纠纷）。'))
  })

  it('looks a code up and hands the reward over; 不发放 needs a reason', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => {
      if (req.url.endsWith('/hand-over')) return ok({ ...RESERVED, status: 'handed_over' })
      if (req.url.includes('/redemptions/')) return ok(RESERVED)
      return ok(SETTINGS)
    }) as never)
    const { container } = render(<StaffCoinsPage />)
    await waitFor(() => expect(container.querySelector('.redemption-code-input')).not.toBeNull())
    fireEvent.change(container.querySelector('.redemption-code-input') as Element, { target: { value: 'qrt347' } })
    fireEvent.click(container.querySelector('.redemption-look') as Element)
    await waitFor(() => expect(container.querySelector('.redemption-found-who')?.textContent).toBe('王阿姨：毛巾一条（10 个幸福币）'))
    fireEvent.click(container.querySelector('.redemption-refuse') as Element)
    expect(container.querySelector('.refuse-reason-error')?.textContent).toContain('原因')
    fireEvent.click(container.querySelector('.redemption-hand-over') as Element)
    await waitFor(() => expect(container.querySelector('.redemption-found-status')?.textContent).toBe('状态：已领取'))
    expect(posts().map((p) => p.url)).toEqual([`${BASE}/redemptions/QRT347/hand-over`])
  })

  it('is for the studio’s people only', () => {
    signInAs('resident')
    const { container } = render(<StaffCoinsPage />)
    expect(container.querySelector('.no-staff-access')?.textContent).toContain('服务点工作台只对')
  })
})
