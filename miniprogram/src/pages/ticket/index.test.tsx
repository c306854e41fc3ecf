import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../test/mocks/taro'
import { aBooking, ok, apiError, signInAs, type RequestCall } from '../../../test/fixtures'
import { forgetBookings } from '../../services/bookings'
import { askFor } from '../../services/subscribe'
import TicketPage from './index'

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)

beforeEach(() => {
  resetTaroMock()
  forgetBookings()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('resident')
})

describe('ticket page', () => {
  it('shows the code in two groups, its QR code, the status and where and when', async () => {
    const booking = aBooking()
    router.params = { id: booking.id }
    Taro.request.mockImplementation(() => ok(booking))
    const { container } = render(<TicketPage />)

    await waitFor(() => expect(container.querySelector('.ticket-code')).not.toBeNull())
    const code = container.querySelector('.ticket-code') as HTMLElement
    expect(code.textContent).toBe('ACD347')
    expect(Array.from(code.querySelectorAll('.ticket-code-group')).map((g) => g.textContent)).toEqual(['ACD', '347'])
    expect(container.querySelector('.ticket-status')?.textContent).toBe('已预约')
    expect(container.querySelector('.ticket-qr .qr-row')).not.toBeNull()
    expect(container.querySelectorAll('.ticket-qr .qr-row')).toHaveLength(21)
    expect(container.querySelector('.ticket-date')?.textContent).toBe('11月22日 周日')
    expect(container.querySelector('.ticket-time')?.textContent).toBe('09:00–10:00')
    expect(container.querySelector('.ticket-place')?.textContent).toBe('青石镇集市')
    expect(container.querySelector('.cancel-booking')).not.toBeNull()
    expect(calls()[0].url).toBe(`http://127.0.0.1:3000/bookings/${booking.id}`)
    expect(container.querySelector('.ticket-provider')).toBeNull()
  })

  it('names the member unit that provides the service (由…提供)', async () => {
    const booking = aBooking({ serviceName: '义诊', providerName: '洛社镇卫生院' })
    router.params = { id: booking.id }
    Taro.request.mockImplementation(() => ok(booking))
    const { container } = render(<TicketPage />)
    await waitFor(() => expect(container.querySelector('.ticket-provider')?.textContent).toBe('由洛社镇卫生院提供'))
  })

  it('right after booking on WeChat, says which notices the booking tap agreed to', async () => {
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_TEMPLATE_BOOKING_REMINDER = 't-reminder'
    process.env.TARO_APP_TEMPLATE_STAND_CANCELLED = 't-cancelled'
    try {
      Taro.requestSubscribeMessage.mockImplementationOnce(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 't-reminder': 'accept', 't-cancelled': 'accept' }))
      await askFor('booking') // the booking sheet's tap
      const booking = aBooking()
      router.params = { id: booking.id, new: '1' }
      Taro.request.mockImplementation(() => ok(booking))
      const { container } = render(<TicketPage />)
      await waitFor(() => expect(container.querySelector('.subscribe-note')?.textContent).toBe('已开启微信提醒：「预约前一晚的提醒」「服务点取消的通知」，各提醒一次'))
    } finally {
      delete process.env.TARO_APP_TEMPLATE_BOOKING_REMINDER
      delete process.env.TARO_APP_TEMPLATE_STAND_CANCELLED
    }
  })

  it('cancels after the confirm dialog and shows 已取消', async () => {
    const booking = aBooking()
    router.params = { id: booking.id }
    Taro.request.mockImplementation((...args: unknown[]) => {
      const { url, method } = args[0] as RequestCall
      if (method === 'POST' && url.endsWith('/cancel')) return ok({ ...booking, status: 'cancelled', cancelledAt: '2099-11-21T01:00:00.000Z' })
      return ok(booking)
    })
    const { container } = render(<TicketPage />)
    await screen.findByText('已预约')

    fireEvent.click(container.querySelector('.cancel-booking') as HTMLElement)
    await waitFor(() => expect(container.querySelector('.ticket-status')?.textContent).toBe('已取消'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消预约' }))
    expect(container.querySelector('.cancel-booking')).toBeNull()
    expect(container.querySelector('.ticket-qr')).toBeNull()
  })

  it('does not cancel when the person says no in the dialog', async () => {
    const booking = aBooking()
    router.params = { id: booking.id }
    Taro.request.mockImplementation(() => ok(booking))
    Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }))
    const { container } = render(<TicketPage />)
    await screen.findByText('已预约')
    fireEvent.click(container.querySelector('.cancel-booking') as HTMLElement)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(calls().filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('shows the queue number and the call once checked in, without a cancel button', async () => {
    router.params = { id: aBooking().id }
    Taro.request.mockImplementation(() => ok(aBooking({ status: 'called', queueNumber: 7 })))
    const { container } = render(<TicketPage />)
    await screen.findByText('已叫号')
    expect(container.querySelector('.ticket-number')?.textContent).toBe('7 号')
    expect(container.querySelector('.ticket-called')).not.toBeNull()
    expect(container.querySelector('.cancel-booking')).toBeNull()
  })

  it('shows the API message when the booking is not found', async () => {
    router.params = { id: aBooking().id }
    Taro.request.mockImplementation(() => apiError(404, 'NOT_FOUND', '没有找到这个预约'))
    render(<TicketPage />)
    expect((await screen.findByText('没有找到这个预约')).className).toContain('error-message')
  })
})
