import { render, screen } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { BP, ok, SHOES, signInAs, STAND_ID, type RequestCall } from '../../../../test/fixtures'
import StandSummaryPage, { checkInsByHour } from './index'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { standId: STAND_ID }
})

describe('服务小结', () => {
  it('counts check-ins per hour', () => {
    expect(checkInsByHour(['08:05', '08:40', '09:10', '10:59'])).toEqual([
      { hour: '08', count: 2 },
      { hour: '09', count: 1 },
      { hour: '10', count: 1 },
    ])
  })

  it('shows totals and, per service, served / walk-ins / no-shows and check-in times', async () => {
    signInAs('representative')
    Taro.request.mockImplementation(((...args: unknown[]) => {
      const { url } = args[0] as RequestCall
      expect(url).toBe(`http://127.0.0.1:3000/stands/${STAND_ID}/summary`)
      return ok({
        stand: { id: STAND_ID, date: '2099-11-22', startTime: '08:00', endTime: '11:30', venueName: '青石镇集市', status: 'scheduled' },
        services: [
          { serviceId: BP, name: '量血压', booked: 12, served: 14, walkIns: 4, overrides: 1, noShows: 2, cancelled: 1, checkInTimes: ['08:05', '08:40', '09:10'] },
          { serviceId: SHOES, name: '修鞋', booked: 3, served: 3, walkIns: 0, overrides: 0, noShows: 0, cancelled: 0, checkInTimes: [] },
        ],
        totals: { served: 17, walkIns: 4, noShows: 2 },
      })
    }) as never)
    const { container } = render(<StandSummaryPage />)
    await screen.findByText('青石镇集市')

    const totals = container.querySelector('.summary-totals') as HTMLElement
    expect(totals.querySelector('.summary-served .summary-stat-value')?.textContent).toBe('17')
    expect(totals.querySelector('.summary-walkins .summary-stat-value')?.textContent).toBe('4')
    expect(totals.querySelector('.summary-noshows .summary-stat-value')?.textContent).toBe('2')

    const [bp, shoes] = Array.from(container.querySelectorAll('.summary-service'))
    expect(bp.querySelector('.summary-served .summary-stat-value')?.textContent).toBe('14')
    expect(bp.querySelector('.summary-extra')?.textContent).toBe('预约后取消 1 人；约满后加号 1 人')
    expect(Array.from(bp.querySelectorAll('.summary-hour-count')).map((c) => c.textContent)).toEqual(['2 人', '1 人'])
    expect(Array.from(bp.querySelectorAll('.summary-time')).map((t) => t.textContent)).toEqual(['08:05', '08:40', '09:10'])
    expect(shoes.textContent).toContain('没有人签到')
  })

  it('is closed to residents', () => {
    signInAs('resident')
    const { container } = render(<StandSummaryPage />)
    expect(container.querySelector('.no-staff-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
