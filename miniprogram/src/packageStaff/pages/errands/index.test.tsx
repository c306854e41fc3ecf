import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { anErrand, ERRAND_ID } from '../../../../test/errand-fixtures'
import StaffErrandsPage from './index'

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const click = (el: Element | null) => fireEvent.click(el as Element)
const VOLUNTEER = '01JD00000000000000000000V1'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('staff')
})

function answer(errands: ReturnType<typeof anErrand>[]) {
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.includes('/errand-figures')) return ok({ month: '2099-11', byStatus: { ordered: 1, open: 0, confirmed: 2 }, confirmed: 2, ratings: 2, averageRating: 4.5 })
    if (req.url.includes('/volunteer-teams')) return ok({ teams: [{ id: '01JD00000000000000000000T9', name: '助老服务队', members: [{ userId: VOLUNTEER, displayName: '李志愿' }] }] })
    if (req.url.endsWith('/review')) return ok(anErrand({ status: req.data?.approve ? 'open' : 'refused', actions: [] }))
    if (req.url.endsWith('/assign')) return ok(anErrand({ status: 'assigned', volunteerName: '李志愿', actions: ['deliver', 'cancel'] }))
    return ok({ errands })
  }) as never)
}

describe('代办服务：审核与派单', () => {
  it('shows the month’s figures; refusing needs a reason, approving sends the review', async () => {
    answer([anErrand({ actions: ['approve', 'refuse', 'cancel'] })])
    const { container } = render(<StaffErrandsPage />)
    await waitFor(() => expect(container.querySelector('.errand-figures-line')?.textContent).toBe('下单 3 单 · 待审核 1 · 已确认 2 · 平均 4.5 分'))
    click(container.querySelector('.queue-refuse'))
    click(container.querySelector('.queue-send'))
    expect(container.querySelector('.queue-error')?.textContent).toBe('不通过请写明原因，下单的人会看到')
    expect(posts()).toHaveLength(0)
    click(container.querySelector('.queue-back'))
    click(container.querySelector('.queue-approve'))
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/errands/${ERRAND_ID}/review`, data: { approve: true } })
  })

  it('assigns a reviewed order to a team member', async () => {
    answer([anErrand({ status: 'open', actions: ['assign', 'cancel'] })])
    const { container } = render(<StaffErrandsPage />)
    await waitFor(() => expect(container.querySelector('.queue-assign')).not.toBeNull())
    click(container.querySelector('.queue-assign'))
    click(container.querySelector('.queue-send'))
    expect(container.querySelector('.queue-error')?.textContent).toBe('请选一位志愿者')
    click(container.querySelector('.assign-chip'))
    click(container.querySelector('.queue-send'))
    await waitFor(() => expect(container.querySelector('.queue-errand-volunteer')?.textContent).toBe('志愿者：李志愿（已接单）'))
    expect(posts()[0]).toMatchObject({ data: { volunteerId: VOLUNTEER } })
  })
})
