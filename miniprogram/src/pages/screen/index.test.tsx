import { render, screen } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../test/mocks/taro'
import { ok, signInAs, STAND_ID, BP, SHOES } from '../../../test/fixtures'
import QueueScreenPage, { screenLayout } from './index'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { standId: STAND_ID }
})

describe('the queue screen’s layout: every service on one screen', () => {
  it.each([
    [1, true, { columns: 1, rows: 1 }],
    [3, true, { columns: 3, rows: 1 }],
    [4, true, { columns: 2, rows: 2 }],
    [6, true, { columns: 3, rows: 2 }],
    [8, true, { columns: 4, rows: 2 }],
    [11, true, { columns: 4, rows: 3 }],
    [3, false, { columns: 1, rows: 3 }],
    [6, false, { columns: 2, rows: 3 }],
  ])('%i services, landscape %s → %j', (count, landscape, expected) => {
    const layout = screenLayout(count, landscape)
    expect(layout).toMatchObject(expected)
    expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(count)
    expect(layout.scale).toBeLessThanOrEqual(1 / layout.rows)
  })
})

describe('queue screen', () => {
  it('shows now serving and next per service, from the public route', async () => {
    signInAs('staff')
    Taro.request.mockImplementation(() => ok({
      stand: { venueName: '青石镇集市', studioName: '青石镇党代表工作室', date: '2099-11-22' },
      services: [
        { serviceId: BP, name: '量血压', nowServing: 12, next: [13, 14, 15] },
        { serviceId: SHOES, name: '修鞋', next: [] },
      ],
    }))
    const { container } = render(<QueueScreenPage />)
    await screen.findByText('青石镇集市')
    const services = container.querySelectorAll('.screen-service')
    expect(services).toHaveLength(2)
    expect(services[0].querySelector('.screen-now')?.textContent).toBe('12 号')
    expect(services[0].querySelector('.screen-next')?.textContent).toBe('13号  14号  15号')
    expect(services[1].querySelector('.screen-now')?.textContent).toBe('暂无')
    const call = Taro.request.mock.calls[0][0] as { url: string; header?: Record<string, string> }
    expect(call.url).toBe(`http://127.0.0.1:3000/stands/${STAND_ID}/screen`)
    expect(call.header?.Authorization).toBeUndefined()
  })
})
