import { fireEvent, render, screen } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { aBooking, ok, signInAs } from '../../../test/fixtures'
import BookingsPage from './index'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
})

describe('我的预约', () => {
  it('lists upcoming bookings first, then past ones, with their status; a tap opens the ticket', async () => {
    signInAs('resident')
    const upcoming = [aBooking(), aBooking({ id: '01JD00000000000000000000B2', serviceName: '修鞋', status: 'checked_in', queueNumber: 4 })]
    const past = [aBooking({ id: '01JD00000000000000000000B3', serviceName: '磨剪刀', status: 'cancelled', date: '2025-11-01' })]
    Taro.request.mockImplementation(() => ok({ upcoming, past }))
    const { container } = render(<BookingsPage />)

    await screen.findByText('即将到来')
    const items = Array.from(container.querySelectorAll('.booking-item'))
    expect(items.map((i) => i.querySelector('.booking-item-service')?.textContent)).toEqual(['量血压', '修鞋', '磨剪刀'])
    expect(items.map((i) => i.querySelector('.booking-status')?.textContent)).toEqual(['已预约', '已签到', '已取消'])
    expect(items[2].className).toContain('booking-item--past')
    expect(screen.getByText('以往预约')).toBeTruthy()

    fireEvent.click(items[1])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=01JD00000000000000000000B2' })
    expect((Taro.request.mock.calls[0][0] as { url: string }).url).toBe('http://127.0.0.1:3000/me/bookings')
  })

  it('adds older bookings under the list on 更早的预约, until there are no more', async () => {
    signInAs('resident')
    const older = aBooking({ id: '01JD00000000000000000000B4', serviceName: '修鞋', status: 'served', date: '2025-10-01' })
    Taro.request.mockImplementation(((call: { url: string }) =>
      call.url.includes('cursor=NEXT') ? ok({ upcoming: [], past: [older] }) : ok({ upcoming: [aBooking()], past: [aBooking({ id: '01JD00000000000000000000B3', status: 'cancelled', date: '2025-11-01' })], nextCursor: 'NEXT' })) as never)
    const { container } = render(<BookingsPage />)
    await screen.findByText('更早的预约')
    fireEvent.click(screen.getByText('更早的预约'))
    await screen.findByText('修鞋')
    expect((Taro.request.mock.calls[1][0] as { url: string }).url).toBe('http://127.0.0.1:3000/me/bookings?cursor=NEXT')
    expect(container.querySelectorAll('.booking-item--past')).toHaveLength(2)
    expect(screen.queryByText('更早的预约')).toBeNull()
  })

  it('asks a signed-out person to sign in without calling the API', () => {
    const { container } = render(<BookingsPage />)
    expect(container.querySelector('.login-button')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
