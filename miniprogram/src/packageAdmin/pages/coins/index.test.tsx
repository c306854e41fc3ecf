import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import AdminCoinsPage from './index'

const SETTINGS = { rules: [{ id: 'mediation', activity: '调解纠纷', coins: 10 }], rewards: [{ id: 'towel', name: '毛巾一条', cost: 10, stock: 20 }] }
const FIGURES = { month: '2026-12', issued: 40, redeemed: 20, refunded: 5, awards: 6, redemptions: 2, volunteerMinutes: 150, volunteerShifts: 2 }
const answer = (req: RequestCall) => ok(req.method === 'PUT' ? req.data : req.url.includes('/coin-figures') ? { ...FIGURES, month: (req.url.match(/month=([\d-]+)/) ?? [])[1] } : SETTINGS)
const puts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'PUT')

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('admin')
})

describe('幸福币规则与奖品 (admin)', () => {
  it('names each wrong field in Chinese and sends nothing; then saves the whole list', async () => {
    Taro.request.mockImplementation(answer as never)
    const { container } = render(<AdminCoinsPage />)
    await waitFor(() => expect(container.querySelectorAll('.coin-rule-row')).toHaveLength(1))

    fireEvent.click(container.querySelector('.rule-add') as Element)
    fireEvent.change(container.querySelectorAll('.reward-cost-input')[0] as Element, { target: { value: '' } })
    fireEvent.click(container.querySelector('.coins-save') as Element)
    expect(container.querySelector('.coin-rule-row:nth-of-type(2) .rule-activity-error, .rule-activity-error')?.textContent).toBe('活动名称至少 2 个字')
    expect(container.querySelector('.rule-coins-error')?.textContent).toBeTruthy()
    expect(container.querySelector('.reward-cost-error')?.textContent).toBeTruthy()
    expect(puts()).toHaveLength(0)

    const activities = container.querySelectorAll('.rule-activity-input')
    fireEvent.change(activities[1] as Element, { target: { value: '义务巡逻' } })
    fireEvent.change(container.querySelectorAll('.rule-coins-input')[1] as Element, { target: { value: '3' } })
    fireEvent.change(container.querySelectorAll('.reward-cost-input')[0] as Element, { target: { value: '12' } })
    fireEvent.click(container.querySelector('.coins-save') as Element)
    await waitFor(() => expect(puts()).toHaveLength(1))
    expect(puts()[0]!.url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/coin-settings`)
    expect(puts()[0]!.data).toEqual({
      rules: [{ id: 'mediation', activity: '调解纠纷', coins: 10 }, { id: expect.stringMatching(/^r-[a-z0-9]+$/), activity: '义务巡逻', coins: 3 }],
      rewards: [{ id: 'towel', name: '毛巾一条', cost: 12, stock: 20 }],
    })
  })

  it('shows this month’s coins and volunteer hours, and last month’s on a tap', async () => {
    Taro.request.mockImplementation(answer as never)
    const { container } = render(<AdminCoinsPage />)
    await waitFor(() => expect(container.querySelector('.figure-hours')?.textContent).toBe('服务点志愿服务 2 小时 30 分（2 人次）'))
    expect(container.querySelector('.figure-issued')?.textContent).toBe('发出 40 个（6 次）')
    const figureCalls = () => Taro.request.mock.calls.map((c) => (c[0] as RequestCall).url).filter((u) => u.includes('/coin-figures'))
    expect(figureCalls()).toHaveLength(1)
    fireEvent.click(container.querySelectorAll('.figures-month')[1] as Element)
    await waitFor(() => expect(figureCalls()).toHaveLength(2))
    expect(figureCalls()[1]).not.toBe(figureCalls()[0])
  })

  it('is for the studio’s administrators only', () => {
    signInAs('staff')
    const { container } = render(<AdminCoinsPage />)
    expect(container.querySelector('.no-admin-access')).not.toBeNull()
  })
})
