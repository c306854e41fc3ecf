import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { BookingView } from '@shared/schemas/booking'
import type { StandPageResponse } from '@shared/schemas/stand'
import Taro, { resetTaroMock, router } from '../../../test/mocks/taro'
import StandPage from './index'
import { saveSession } from '../../services/session'
import { NETWORK_ERROR_MESSAGE } from '../../services/request'
import { ADDRESS_REQUIRED_MESSAGE } from '../../components/booking-sheet'

const VENUE_ID = '01JD00000000000000000000V1'
const STAND_ID = '01JD00000000000000000000T1'
const BP = '01JD00000000000000000000A1'
const REPAIR = '01JD00000000000000000000A2'

const stand: StandPageResponse = {
  studio: { id: '01JD00000000000000000000S1', name: '青石镇党代表工作室' },
  venue: { id: VENUE_ID, name: '青石镇集市', address: '青石镇老街 18 号' },
  stand: { id: STAND_ID, date: '2099-11-22', startTime: '08:00', endTime: '12:00', status: 'scheduled', isToday: false },
  services: [
    {
      id: BP,
      name: '量血压',
      description: '医生现场测量并讲解',
      minutesPerPerson: 5,
      homeVisit: false,
      slots: [
        { id: 's1', startTime: '08:00', endTime: '09:00', capacity: 10, booked: 10, left: 0, past: false },
        { id: 's2', startTime: '09:00', endTime: '10:00', capacity: 10, booked: 7, left: 3, past: false },
      ],
    },
    {
      id: REPAIR,
      name: '家电维修',
      description: '小家电上门修理',
      minutesPerPerson: 30,
      homeVisit: true,
      slots: [{ id: 's3', startTime: '10:00', endTime: '11:00', capacity: 2, booked: 0, left: 2, past: false }],
    },
  ],
}

const booking: BookingView = {
  id: '01JD00000000000000000000B1',
  kind: 'booking',
  code: 'ACD347',
  status: 'booked',
  standId: STAND_ID,
  serviceId: BP,
  serviceName: '量血压',
  studioName: '青石镇党代表工作室',
  venueName: '青石镇集市',
  address: '青石镇老街 18 号',
  date: '2099-11-22',
  startTime: '09:00',
  endTime: '10:00',
  createdAt: '2099-11-20T01:00:00.000Z',
}

type Call = { url: string; method?: string; data?: Record<string, unknown> }
const calls = () => Taro.request.mock.calls.map((c) => c[0] as Call)
const bookingCalls = () => calls().filter((c) => c.method === 'POST' && c.url.endsWith('/bookings'))

/** GET the stand from the fixture; POST /bookings answered by `answers` in turn. */
function api(...answers: Array<() => Promise<{ statusCode: number; data: unknown }>>) {
  Taro.request.mockImplementation((...args: unknown[]) => {
    const { url, method } = args[0] as Call
    if (method === 'POST' && url.endsWith('/bookings')) {
      const next = answers.shift()
      return next ? next() : Promise.reject(new Error('unexpected booking call'))
    }
    return Promise.resolve({ statusCode: 200, data: stand })
  })
}

const networkDown = () => Promise.reject({ errMsg: 'request:fail timeout' })
const created = () => Promise.resolve({ statusCode: 201, data: booking })

function signIn() {
  saveSession({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: '01JD00000000000000000000U1', displayName: '王阿姨', role: 'resident' } })
}

function slotAt(container: HTMLElement, time: string): HTMLElement {
  return Array.from(container.querySelectorAll('.slot')).find((el) => el.querySelector('.slot-time')?.textContent?.startsWith(time)) as HTMLElement
}

async function openSheetFor(time: string) {
  const utils = render(<StandPage />)
  await screen.findByText('青石镇集市')
  // a second opening shows the stand as last seen at once, bookable only once the API has answered
  await waitFor(() => expect(utils.container.querySelector('.notice--remembered')).toBeNull())
  // the services after the first are drawn a moment later (the first screen comes first): wait for the slot
  await waitFor(() => expect(slotAt(utils.container, time)).toBeTruthy())
  fireEvent.click(slotAt(utils.container, time))
  return utils
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { scene: encodeURIComponent(`v=${VENUE_ID}`) }
})

describe('booking from the stand page', () => {
  it('on WeChat asks for the reminder and the stand-cancelled permissions in the confirm tap, before booking; never on H5', async () => {
    signIn()
    api(created)
    process.env.TARO_APP_TEMPLATE_BOOKING_REMINDER = 'tmpl-reminder'
    process.env.TARO_APP_TEMPLATE_STAND_CANCELLED = 'tmpl-cancelled'
    try {
      const h5 = await openSheetFor('09:00')
      fireEvent.click(h5.container.querySelector('.booking-confirm') as HTMLElement)
      await waitFor(() => expect(bookingCalls()).toHaveLength(1))
      expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()
      h5.unmount()

      process.env.TARO_ENV = 'weapp'
      api(created)
      Taro.requestSubscribeMessage.mockImplementationOnce(() => {
        expect(bookingCalls()).toHaveLength(1) // asked before the booking request is sent
        return Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' })
      })
      const weapp = await openSheetFor('09:00')
      fireEvent.click(weapp.container.querySelector('.booking-confirm') as HTMLElement)
      await waitFor(() => expect(bookingCalls()).toHaveLength(2)) // declining does not stop the booking
      expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-reminder', 'tmpl-cancelled'] }))
    } finally {
      delete process.env.TARO_APP_TEMPLATE_BOOKING_REMINDER
      delete process.env.TARO_APP_TEMPLATE_STAND_CANCELLED
    }
  })

  it('full slots are disabled; open ones are tappable', async () => {
    signIn()
    api()
    const { container } = render(<StandPage />)
    await screen.findByText('青石镇集市')
    const slots = container.querySelectorAll('.slot')
    expect(slots[0].className).toContain('slot--full')
    expect(slots[0].className).not.toContain('slot--open')
    fireEvent.click(slots[0])
    expect(container.querySelector('.booking-sheet')).toBeNull()
    expect(slots[1].className).toContain('slot--open')
  })

  it('confirms with service, date and time, and after a network failure retries with the same requestId', async () => {
    signIn()
    api(networkDown, created)
    const { container } = await openSheetFor('09:00')

    const sheet = container.querySelector('.booking-sheet') as HTMLElement
    expect(sheet.querySelector('.confirm-service')?.textContent).toBe('量血压')
    expect(sheet.querySelector('.confirm-date')?.textContent).toBe('11月22日 周日')
    expect(sheet.querySelector('.confirm-time')?.textContent).toBe('09:00–10:00')

    fireEvent.click(container.querySelector('.booking-confirm') as HTMLElement)
    expect(await screen.findByText(NETWORK_ERROR_MESSAGE)).toBeTruthy()
    expect(container.querySelector('.booking-sheet')).not.toBeNull() // still open, nothing lost
    const retry = container.querySelector('.booking-retry') as HTMLElement
    expect(retry.textContent).toBe('重试预约')

    fireEvent.click(retry)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/ticket/index?id=${booking.id}&new=1` }))

    const [first, second] = bookingCalls()
    expect(bookingCalls()).toHaveLength(2)
    expect(first.data).toEqual({ standId: STAND_ID, serviceId: BP, startTime: '09:00', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
    expect(second.data?.requestId).toBe(first.data?.requestId)
    expect(second.data).toEqual(first.data)
    // the stand is loaded again for its places left
    await waitFor(() => expect(calls().filter((c) => c.url.includes('/stands/by-scene/')).length).toBe(2))
  })

  it('closing and reopening the sheet after a network failure still reuses the requestId', async () => {
    signIn()
    api(networkDown, created)
    const { container } = await openSheetFor('09:00')
    fireEvent.click(container.querySelector('.booking-confirm') as HTMLElement)
    await screen.findByText(NETWORK_ERROR_MESSAGE)

    fireEvent.click(container.querySelector('.booking-sheet-close') as HTMLElement)
    expect(container.querySelector('.booking-sheet')).toBeNull()
    fireEvent.click(slotAt(container, '09:00'))
    fireEvent.click(container.querySelector('.booking-confirm') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled())
    const [first, second] = bookingCalls()
    expect(second.data?.requestId).toBe(first.data?.requestId)
  })

  it('a refusal shows the API message and the next tap gets a new requestId', async () => {
    signIn()
    api(() => Promise.resolve({ statusCode: 409, data: { error: { code: 'CONFLICT', message: '这个时段已约满' } } }), created)
    const { container } = await openSheetFor('09:00')
    fireEvent.click(container.querySelector('.booking-confirm') as HTMLElement)
    expect((await screen.findByText('这个时段已约满')).className).toContain('error-message')
    expect(container.querySelector('.booking-retry')).toBeNull()

    fireEvent.click(container.querySelector('.booking-confirm') as HTMLElement)
    await waitFor(() => expect(bookingCalls()).toHaveLength(2))
    const [first, second] = bookingCalls()
    expect(second.data?.requestId).not.toBe(first.data?.requestId)
  })

  it('a home visit asks for the address and takes a phone number only with the consent tick', async () => {
    signIn()
    api(created)
    const { container } = await openSheetFor('10:00')

    fireEvent.click(container.querySelector('.booking-confirm') as HTMLElement)
    expect(container.querySelector('.address-error')?.textContent).toBe(ADDRESS_REQUIRED_MESSAGE)
    expect(bookingCalls()).toHaveLength(0)

    fireEvent.change(container.querySelector('.address-input') as HTMLInputElement, { target: { value: '青石镇新村 3 栋 201' } })
    fireEvent.change(container.querySelector('.phone-input') as HTMLInputElement, { target: { value: '13812345678' } })
    fireEvent.click(container.querySelector('.booking-confirm') as HTMLElement)
    expect(container.querySelector('.consent-error')?.textContent).toBe('留手机号需要您勾选同意')
    expect(container.querySelector('.consent-text')?.textContent).toContain('方便工作人员上门前联系您，仅用于本次服务')
    expect(bookingCalls()).toHaveLength(0)

    fireEvent.click(container.querySelector('.consent-tick') as HTMLElement)
    fireEvent.click(container.querySelector('.booking-confirm') as HTMLElement)
    await waitFor(() => expect(bookingCalls()).toHaveLength(1))
    expect(bookingCalls()[0].data).toMatchObject({ serviceId: REPAIR, startTime: '10:00', address: '青石镇新村 3 栋 201', phone: '13812345678', phoneConsent: true })
  })

  it('sends a signed-out person to the login page first', async () => {
    api()
    const { container } = await openSheetFor('09:00')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(container.querySelector('.booking-sheet')).toBeNull()
  })
})
