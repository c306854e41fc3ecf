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

  it('asks a signed-out person to sign in without calling the API', () => {
    const { container } = render(<BookingsPage />)
    expect(container.querySelector('.login-button')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
