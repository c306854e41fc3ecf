import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { chinaDate } from '@shared/time'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STAND_ID, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import AdminStandsPage from './index'

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const TODAY = chinaDate(new Date())

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('admin')
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url, method } = args[0] as RequestCall
    if (method === 'POST') return ok({ standId: STAND_ID, status: 'cancelled', cancelledBookings: 7, notified: 6 })
    if (url.includes('/stands?date=')) {
      return ok({ stands: [{ id: STAND_ID, venueId: '01JD00000000000000000000V1', venueName: '青石镇集市', date: TODAY, startTime: '08:00', endTime: '11:30', status: 'scheduled' }] })
    }
    return Promise.reject(new Error(`unexpected ${method} ${url}`))
  }) as never)
})

describe('admin: stands of a day', () => {
  it('cancels a stand with a reason checked by the shared schema, after a confirmation', async () => {
    const { container } = render(<AdminStandsPage />)
    await screen.findByText('青石镇集市')
    expect(calls()[0].url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/stands?date=${TODAY}`)
    expect(container.querySelector('.stand-summary')).not.toBeNull()

    fireEvent.click(container.querySelector('.cancel-stand') as HTMLElement)
    fireEvent.click(container.querySelector('.cancel-confirm') as HTMLElement)
    expect(container.querySelector('.cancel-reason-error')?.textContent).toBe('取消原因至少 2 个字')
    expect(Taro.showModal).not.toHaveBeenCalled()

    fireEvent.click(Array.from(container.querySelectorAll('.quick-reason')).find((r) => r.textContent === '天气不好') as HTMLElement)
    fireEvent.click(container.querySelector('.cancel-confirm') as HTMLElement)
    await waitFor(() => expect(container.querySelector('.cancel-result')).not.toBeNull())
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    const post = calls().find((c) => c.method === 'POST') as RequestCall
    expect(post.url).toBe(`http://127.0.0.1:3000/stands/${STAND_ID}/cancel`)
    expect(post.data).toEqual({ reason: '天气不好' })
    expect(container.querySelector('.cancel-result')?.textContent).toContain('作废预约 7 个，已通知 6 人')
    expect(container.querySelector('.cancel-stand')).toBeNull()
    expect(container.querySelector('.tag--warn')?.textContent).toBe('已取消')
  })

  it('does nothing when the confirmation is declined', async () => {
    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }))
    const { container } = render(<AdminStandsPage />)
    await screen.findByText('青石镇集市')
    fireEvent.click(container.querySelector('.cancel-stand') as HTMLElement)
    fireEvent.change(container.querySelector('.cancel-reason') as HTMLInputElement, { target: { value: '下大雨，改期再来' } })
    fireEvent.click(container.querySelector('.cancel-confirm') as HTMLElement)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(calls().filter((c) => c.method === 'POST')).toHaveLength(0)
  })
})
