import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { StandPageResponse } from '@shared/schemas/stand'
import Taro, { resetTaroMock, router, shareHandlers, storage } from '../../../test/mocks/taro'
import StandPage, { BAD_SCENE_MESSAGE } from './index'
import { saveSession } from '../../services/session'
import { LAST_STAND_KEY, LAST_STAND_PAGE_KEY, rememberStandPage } from '../../services/last-stand'
import { NETWORK_ERROR_MESSAGE } from '../../services/request'
import { aBooking } from '../../../test/fixtures'

/** The page's own requests: the one line of its studio's town (StudioTownLine) is asked for beside them, never waited for. */
const pageRequests = () => Taro.request.mock.calls.map((c) => c[0] as { url: string }).filter((r) => !r.url.endsWith('/town'))

const VENUE_ID = '01JD00000000000000000000V1'

const fixture: StandPageResponse = {
  studio: { id: '01JD00000000000000000000S1', name: '青石镇党代表工作室' },
  venue: { id: VENUE_ID, name: '青石镇集市', address: '青石镇老街 18 号' },
  stand: { id: '01JD00000000000000000000T1', date: '2025-11-22', startTime: '08:00', endTime: '12:00', status: 'scheduled', isToday: true },
  services: [
    {
      id: '01JD00000000000000000000A1',
      name: '量血压',
      description: '医生现场测量并讲解',
      minutesPerPerson: 5,
      homeVisit: false,
      providerName: '青石镇卫生院',
      slots: [
        { id: 's1', startTime: '08:00', endTime: '09:00', capacity: 10, booked: 10, left: 0, past: false },
        { id: 's2', startTime: '09:00', endTime: '10:00', capacity: 10, booked: 7, left: 3, past: false },
      ],
    },
    {
      id: '01JD00000000000000000000A2',
      name: '家电维修',
      description: '小家电现场修理',
      minutesPerPerson: 20,
      homeVisit: true,
      slots: [],
    },
  ],
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { scene: encodeURIComponent(`v=${VENUE_ID}`) }
})

describe('stand page', () => {
  it('keeps places left current while open, and keeps the page when a refresh fails', async () => {
    jest.useFakeTimers()
    try {
      const later = { ...fixture, services: [{ ...fixture.services[0], slots: [fixture.services[0].slots[0], { ...fixture.services[0].slots[1], booked: 10, left: 0, past: false }] }, fixture.services[1]] }
      Taro.request
        .mockImplementationOnce(() => Promise.resolve({ statusCode: 200, data: fixture }))
        .mockImplementationOnce(() => Promise.reject(new Error('offline')))
        .mockImplementation(() => Promise.resolve({ statusCode: 200, data: later }))
      const { container } = render(<StandPage />)
      await screen.findByText('青石镇集市')
      expect(container.querySelectorAll('.slot--open')).toHaveLength(1)

      await act(async () => {
        jest.advanceTimersByTime(10_000)
      })
      expect(container.querySelector('.stand-venue-name')?.textContent).toBe('青石镇集市') // a failed refresh changes nothing
      await act(async () => {
        jest.advanceTimersByTime(10_000)
      })
      expect(container.querySelectorAll('.slot--open')).toHaveLength(0)
      expect(pageRequests()).toHaveLength(3)
    } finally {
      jest.useRealTimers()
    }
  })

  it('shows the studio, venue, date and one card per service with its slots', async () => {
    Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: fixture }))
    const { container } = render(<StandPage />)

    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect((await screen.findByText('青石镇集市')).className).toContain('stand-venue-name')

    expect(container.querySelector('.stand-studio-name')?.textContent).toBe('青石镇党代表工作室')
    expect(container.querySelector('.stand-date')?.textContent).toContain('今天')
    expect(container.querySelector('.stand-date')?.textContent).toContain('11月22日 周六')

    await waitFor(() => expect(container.querySelectorAll('.service-card')).toHaveLength(2))
    const cards = container.querySelectorAll('.service-card')
    expect(cards[0].querySelector('.service-name')?.textContent).toBe('量血压')
    expect(cards[1].querySelector('.service-name')?.textContent).toBe('家电维修')
    // a member unit's service says who provides it; the studio's own says nothing
    expect(cards[0].querySelector('.service-provider')?.textContent).toBe('由青石镇卫生院提供')
    expect(cards[1].querySelector('.service-provider')).toBeNull()

    const left = Array.from(cards[0].querySelectorAll('.slot-left')).map((el) => el.textContent)
    expect(left).toEqual(['已约满', '余 3 位'])

    expect((pageRequests()[0] as { url: string }).url).toBe(`http://127.0.0.1:3000/stands/by-scene/v%3D${VENUE_ID}`)
    expect(container.querySelector('.login-button')).not.toBeNull()
    expect(JSON.parse(storage.get(LAST_STAND_KEY) as string)).toMatchObject({ scene: `v=${VENUE_ID}`, venueName: '青石镇集市' })
  })

  it('marks the signed-in person’s own slot 您已预约, which opens the ticket instead of booking again', async () => {
    saveSession({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: '01JD00000000000000000000U1', displayName: '王阿姨', role: 'resident' } })
    const mine = aBooking({ standId: fixture.stand.id, serviceId: fixture.services[0].id, startTime: '09:00', endTime: '10:00' })
    const cancelled = aBooking({ id: '01JD00000000000000000000B2', standId: fixture.stand.id, serviceId: fixture.services[0].id, startTime: '08:00', endTime: '09:00', status: 'cancelled' })
    Taro.request.mockImplementation(((...args: unknown[]) => {
      const { url } = args[0] as { url: string }
      if (url.endsWith('/me/bookings')) return Promise.resolve({ statusCode: 200, data: { upcoming: [mine, cancelled], past: [] } })
      return Promise.resolve({ statusCode: 200, data: fixture })
    }) as never)
    const { container } = render(<StandPage />)
    await screen.findByText('✓ 您已预约')
    const slots = Array.from(container.querySelectorAll('.service-card')[0].querySelectorAll('.slot'))
    expect(slots.map((slot) => slot.querySelector('.slot-left')?.textContent)).toEqual(['已约满', '✓ 您已预约']) // a cancelled booking marks nothing
    fireEvent.click(slots[1])
    expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringContaining(`/pages/ticket/index?id=${mine.id}`) }))
    expect(container.querySelector('.booking-sheet')).toBeNull()
  })

  it('is forwarded (转发, 朋友圈) with the market’s name and day, opening the same venue’s page', async () => {
    Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: fixture }))
    render(<StandPage />)
    await screen.findByText('青石镇集市')
    const share = shareHandlers.appMessage?.() as { title: string; path: string }
    expect(share.title).toMatch(/^青石镇集市 11月22日 周六 流动服务点/)
    expect(share.path).toBe(`/pages/stand/index?scene=${encodeURIComponent(`v=${VENUE_ID}`)}`)
    expect(shareHandlers.timeline?.()).toEqual({ title: share.title, query: `scene=${encodeURIComponent(`v=${VENUE_ID}`)}` })
  })

  it('shows the next date when the stand is not today, and a cancelled notice', async () => {
    const later = { ...fixture, stand: { ...fixture.stand, date: '2025-11-25', isToday: false, status: 'cancelled' as const } }
    Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: later }))
    const { container } = render(<StandPage />)

    await screen.findByText('本次服务已取消')
    expect(container.querySelector('.stand-date')?.textContent).toBe('下次服务：11月25日 周二')
  })

  it('marks slots already over as past and not bookable, and says when today’s market is over', async () => {
    const today = { ...fixture, services: [{ ...fixture.services[0], slots: [{ ...fixture.services[0].slots[0], past: true }, { ...fixture.services[0].slots[1], past: true }] }, fixture.services[1]] }
    Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: today }))
    const { container } = render(<StandPage />)
    await screen.findByText('青石镇集市')
    expect(container.querySelectorAll('.slot--open')).toHaveLength(0)
    expect(screen.getAllByText('已过')).toHaveLength(2)
    expect(container.querySelector('.slot--past')?.getAttribute('aria-label') ?? container.querySelector('.slot--past')?.textContent).toMatch(/已过/)
    expect(screen.getByText('今天的服务已结束')).toBeTruthy()
  })

  it('opens the next market day once today’s is over, saying so', async () => {
    const next = { ...fixture, stand: { ...fixture.stand, date: '2099-11-25', isToday: false }, endedToday: { date: '2099-11-22', endTime: '11:30' } }
    Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: next }))
    const { container } = render(<StandPage />)
    await screen.findByText('青石镇集市')
    expect(screen.getByText('今天的服务已结束')).toBeTruthy()
    expect(container.querySelector('.notice--ended')?.textContent).toContain('下一次服务：11月25日')
    expect(container.querySelectorAll('.slot--open')).toHaveLength(1)
  })

  it('greets a signed-in person instead of offering to sign in', async () => {
    saveSession({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: '01JD00000000000000000000U1', displayName: '王阿姨', role: 'resident' } })
    Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 200, data: fixture }))
    const { container } = render(<StandPage />)

    expect((await screen.findByText('您好，王阿姨')).className).toContain('greeting')
    expect(container.querySelector('.login-button')).toBeNull()
  })

  it('shows the API message and retries', async () => {
    Taro.request
      .mockImplementationOnce(() => Promise.resolve({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '这个地点近期没有服务点' } } }))
      .mockImplementationOnce(() => Promise.resolve({ statusCode: 200, data: fixture }))
    const { container } = render(<StandPage />)

    expect((await screen.findByText('这个地点近期没有服务点')).className).toContain('error-message')
    fireEvent.click(container.querySelector('.retry-button') as HTMLButtonElement)
    await screen.findByText('青石镇集市')
    expect(pageRequests()).toHaveLength(2)
  })

  it('offers 我的预约 when the API says the service is already booked — by its reason, not its words', async () => {
    saveSession({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: '01JD00000000000000000000U1', displayName: '王阿姨', role: 'resident' } })
    const refusals = [
      { message: '您已预约过这个服务，可在「我的预约」查看', reason: 'already_booked' },
      { message: '这个时段已约满' },
    ]
    for (const refusal of refusals) {
      Taro.request.mockReset()
      Taro.request.mockImplementation((...args: unknown[]) =>
        (args[0] as { method?: string }).method === 'POST'
          ? Promise.resolve({ statusCode: 409, data: { error: { code: 'CONFLICT', ...refusal } } })
          : Promise.resolve({ statusCode: 200, data: fixture }),
      )
      const { container, unmount } = render(<StandPage />)
      await screen.findByText('青石镇集市')
      fireEvent.click(container.querySelectorAll('.slot--open')[0] as Element)
      await act(async () => {
        fireEvent.click(container.querySelector('.booking-confirm') as Element)
      })
      expect((await screen.findByText(refusal.message)).closest('.booking-error')).not.toBeNull()
      expect(container.querySelector('.open-my-bookings') !== null).toBe(refusal.reason === 'already_booked')
      unmount()
    }
  })

  it('explains a bad scene without calling the API', () => {
    router.params = { scene: 'garbage' }
    render(<StandPage />)
    expect(screen.getByText(BAD_SCENE_MESSAGE)).toBeTruthy()
    expect(pageRequests()).toHaveLength(0)
  })
})

// A resident opens the same venue's code again at the market, on a weak signal: the stand as this phone last saw it is
// on screen at once, said to be so, and nothing is booked from it before the API has answered.
describe('stand page, opened again', () => {
  const SCENE = `v=${VENUE_ID}`
  /** Saved at 08:30 on the fixture's market day (China time); the page is opened at 09:15 the same day. */
  const SEEN = new Date('2025-11-22T00:30:00.000Z')
  const OPENED = new Date('2025-11-22T01:15:00.000Z')
  const lastSeatTaken = { ...fixture, services: [{ ...fixture.services[0], slots: [fixture.services[0].slots[0], { ...fixture.services[0].slots[1], booked: 9, left: 1 }] }, fixture.services[1]] }
  const leftShown = (container: HTMLElement) => Array.from(container.querySelectorAll('.service-card')[0].querySelectorAll('.slot-left')).map((el) => el.textContent)

  beforeEach(() => {
    jest.useFakeTimers({ now: OPENED, advanceTimers: true })
    rememberStandPage(SCENE, fixture, SEEN)
  })
  afterEach(() => jest.useRealTimers())

  it('shows the stand as last seen at once, marked and not bookable, until the API’s answer replaces it', async () => {
    let answer!: (value: { statusCode: number; data: unknown }) => void
    Taro.request.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    const { container } = render(<StandPage />)

    expect(screen.queryByText('正在加载…')).toBeNull()
    expect(container.querySelector('.stand-venue-name')?.textContent).toBe('青石镇集市')
    expect(leftShown(container)).toEqual(['已约满', '余 3 位'])
    const notice = container.querySelector('.notice--remembered')
    expect(notice?.textContent).toContain('正在更新…')
    expect(notice?.textContent).toContain('今天 08:30 看到的信息')
    expect(container.querySelectorAll('.slot--open')).toHaveLength(0)
    fireEvent.click(container.querySelectorAll('.service-card .slot')[1])
    expect(container.querySelector('.booking-sheet')).toBeNull()

    await act(async () => answer({ statusCode: 200, data: lastSeatTaken }))
    expect(container.querySelector('.notice--remembered')).toBeNull()
    expect(leftShown(container)).toEqual(['已约满', '余 1 位'])
    expect(container.querySelectorAll('.slot--open')).toHaveLength(1)
    const kept = JSON.parse(storage.get(LAST_STAND_PAGE_KEY) as string)
    expect(kept).toMatchObject({ scene: SCENE, savedAt: OPENED.toISOString() })
    expect(kept.page.services[0].slots[1].left).toBe(1)
  })

  it('keeps it without a signal, saying so, and 重试 asks again', async () => {
    Taro.request
      .mockImplementationOnce(() => Promise.reject({ errMsg: 'request:fail timeout' }))
      .mockImplementation(() => Promise.resolve({ statusCode: 200, data: lastSeatTaken }))
    const { container } = render(<StandPage />)

    await screen.findByText('暂时没能更新')
    expect(screen.getByText(NETWORK_ERROR_MESSAGE)).toBeTruthy()
    expect(container.querySelector('.error-card')).toBeNull()
    expect(leftShown(container)).toEqual(['已约满', '余 3 位'])
    expect(container.querySelectorAll('.slot--open')).toHaveLength(0)

    fireEvent.click(container.querySelector('.refresh-button') as Element)
    await waitFor(() => expect(container.querySelector('.notice--remembered')).toBeNull())
    expect(leftShown(container)).toEqual(['已约满', '余 1 位'])
    expect(container.querySelectorAll('.slot--open')).toHaveLength(1)
  })

  it('opens with the answer index.html has already received instead, asking nothing more (H5)', async () => {
    const url = `http://127.0.0.1:3000/stands/by-scene/${encodeURIComponent(SCENE)}`
    const arrived = { statusCode: 200, text: JSON.stringify(lastSeatTaken) }
    window.__lianxinPrefetch = { url, at: Date.now(), answer: Promise.resolve(arrived), settled: arrived }
    const { container } = render(<StandPage />)

    expect(container.querySelector('.notice--remembered')).toBeNull()
    expect(leftShown(container)).toEqual(['已约满', '余 1 位'])
    expect(container.querySelectorAll('.slot--open')).toHaveLength(1)
    // the stand and its first service in the first frame; the cards below the fold right after
    expect(container.querySelectorAll('.service-card')).toHaveLength(1)
    await waitFor(() => expect(container.querySelectorAll('.service-card')).toHaveLength(2))
    expect(pageRequests()).toHaveLength(0)
    expect(JSON.parse(storage.get(LAST_STAND_PAGE_KEY) as string).page.services[0].slots[1].left).toBe(1)
    expect(JSON.parse(storage.get(LAST_STAND_KEY) as string)).toMatchObject({ venueName: '青石镇集市', standId: fixture.stand.id })
  })

  it('gives way to the API’s word when the venue has no stand any more', async () => {
    Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '这个地点近期没有服务点' } } }))
    const { container } = render(<StandPage />)
    await screen.findByText('这个地点近期没有服务点')
    expect(container.querySelector('.service-card')).toBeNull()
    expect(container.querySelector('.notice--remembered')).toBeNull()
  })
})
