import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { BP, ok, SHOES, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { LUNAR_PRESETS } from '../../rule-draft'
import VenueEditPage from './index'

const SERVICES = [
  { id: BP, name: '量血压', description: '', minutesPerPerson: 5, peoplePerSlot: 2, homeVisit: false, keepsHealthReadings: true },
  { id: SHOES, name: '修鞋', description: '', minutesPerPerson: 15, peoplePerSlot: 1, homeVisit: false, keepsHealthReadings: false },
]
const VENUE_ID = '01JD00000000000000000000V1'

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const writes = () => calls().filter((c) => c.method === 'POST' || c.method === 'PUT')

function api() {
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url, method, data } = args[0] as RequestCall
    if (method === 'POST' || method === 'PUT') return ok({ id: VENUE_ID, ...data, schedule: [], nextMarketDays: [] }, method === 'POST' ? 201 : 200)
    if (url.endsWith('/services')) return ok({ services: SERVICES })
    return Promise.reject(new Error(`unexpected ${method} ${url}`))
  }) as never)
}

const q = (container: HTMLElement, selector: string) => container.querySelector(selector) as HTMLElement
const onTexts = (container: HTMLElement, selector: string) =>
  Array.from(container.querySelectorAll(`${selector}.chip--on`)).map((c) => c.textContent)

function pick(container: HTMLElement, fieldClass: string, value: string) {
  const picker = q(container, `.${fieldClass}`).closest('.picker') as HTMLElement
  fireEvent.change(picker.querySelector('.picker-mock') as HTMLInputElement, { target: { value } })
}

function type(container: HTMLElement, selector: string, value: string) {
  fireEvent.change(q(container, selector), { target: { value } })
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = {}
  pageStackReset()
})

function pageStackReset() {
  // the form goes back after saving; nothing to go back to in these tests
  Taro.getCurrentPages.mockImplementation(() => [{ route: 'packageAdmin/pages/venue-edit/index' }])
}

describe('venue editor', () => {
  it('is for administrators only', () => {
    signInAs('staff')
    const { container } = render(<VenueEditPage />)
    expect(container.querySelector('.no-admin-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('逢三六九 fills the lunar days 3, 6, 9, 13, 16, 19, 23, 26, 29 in one tap, and they are sent as such', async () => {
    signInAs('admin')
    api()
    const { container } = render(<VenueEditPage />)
    await screen.findByText('新增地点')
    expect(LUNAR_PRESETS.find((p) => p.id === '369')?.days).toEqual([3, 6, 9, 13, 16, 19, 23, 26, 29])

    expect(q(container, '.rule-kind--lunar').className).toContain('rule-kind--on') // markets mostly follow the lunar calendar
    fireEvent.click(q(container, '.preset-369'))
    expect(onTexts(container, '.lunar-day')).toEqual(['初三', '初六', '初九', '十三', '十六', '十九', '廿三', '廿六', '廿九'])
    expect(q(container, '.preset-369').className).toContain('preset--on')

    // one more day by hand: no longer the preset
    fireEvent.click(Array.from(container.querySelectorAll('.lunar-day')).find((c) => c.textContent === '三十') as HTMLElement)
    expect(q(container, '.preset-369').className).not.toContain('preset--on')
    fireEvent.click(q(container, '.preset-369'))

    type(container, '.venue-name-input', '青石镇集市')
    type(container, '.venue-address-input', '青石镇老街 18 号')
    fireEvent.click(Array.from(container.querySelectorAll('.rule-service')).find((c) => c.textContent === '量血压') as HTMLElement)
    pick(container, 'rule-start', '07:30')
    fireEvent.click(q(container, '.venue-save'))

    await waitFor(() => expect(writes()).toHaveLength(1))
    expect(writes()[0].url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/venues`)
    expect(writes()[0].data).toEqual({
      name: '青石镇集市',
      address: '青石镇老街 18 号',
      rules: [{ kind: 'lunar', days: [3, 6, 9, 13, 16, 19, 23, 26, 29], startTime: '07:30', endTime: '11:30', serviceIds: [BP] }],
    })
  })

  it('shows the shared schema messages under each field and sends nothing', async () => {
    signInAs('admin')
    api()
    const { container } = render(<VenueEditPage />)
    await screen.findByText('新增地点')

    pick(container, 'rule-end', '07:00')
    fireEvent.click(q(container, '.venue-save'))
    expect(q(container, '.venue-name-error').textContent).toBe('地点名称至少 2 个字')
    expect(q(container, '.venue-address-error').textContent).toBe('请填写详细地址（至少 5 个字）')
    expect(q(container, '.rule-days-error').textContent).toBe('请至少选择一个农历日期')
    expect(q(container, '.rule-services-error').textContent).toBe('请至少选择一项服务')
    expect(writes()).toHaveLength(0)

    // the cross-field check runs once the rule itself is valid
    fireEvent.click(q(container, '.preset-369'))
    fireEvent.click(container.querySelectorAll('.rule-service')[0] as HTMLElement)
    fireEvent.click(q(container, '.venue-save'))
    expect(q(container, '.rule-end-error').textContent).toBe('结束时间应晚于开始时间')
    expect(container.querySelector('.rule-days-error')).toBeNull()
  })

  it('supports weekly, monthly and single-date rules, and a second rule', async () => {
    signInAs('admin')
    api()
    const { container } = render(<VenueEditPage />)
    await screen.findByText('新增地点')
    type(container, '.venue-name-input', '石桥村文化广场')
    type(container, '.venue-address-input', '石桥村村委会门前')

    fireEvent.click(q(container, '.rule-kind--weekly'))
    const weekday = (name: string) => Array.from(container.querySelectorAll('.weekday')).find((c) => c.textContent === name) as HTMLElement
    fireEvent.click(weekday('周五'))
    fireEvent.click(weekday('周二'))
    fireEvent.click(container.querySelectorAll('.rule-service')[1] as HTMLElement)

    fireEvent.click(q(container, '.add-rule'))
    const second = container.querySelectorAll('.rule-card')[1] as HTMLElement
    fireEvent.click(second.querySelector('.rule-kind--monthly') as HTMLElement)
    fireEvent.click(Array.from(second.querySelectorAll('.month-day')).find((c) => c.textContent === '15') as HTMLElement)
    fireEvent.click(second.querySelectorAll('.rule-service')[0] as HTMLElement)

    fireEvent.click(q(container, '.add-rule'))
    const third = container.querySelectorAll('.rule-card')[2] as HTMLElement
    fireEvent.click(third.querySelector('.rule-kind--date') as HTMLElement)
    pick(third, 'rule-date', '2099-12-01')
    fireEvent.click(third.querySelectorAll('.rule-service')[0] as HTMLElement)

    fireEvent.click(q(container, '.venue-save'))
    await waitFor(() => expect(writes()).toHaveLength(1))
    const rules = (writes()[0].data as { rules: unknown[] }).rules
    expect(rules).toEqual([
      { kind: 'weekly', weekdays: [2, 5], startTime: '08:00', endTime: '11:30', serviceIds: [SHOES] },
      { kind: 'monthly', days: [15], startTime: '08:00', endTime: '11:30', serviceIds: [BP] },
      { kind: 'date', date: '2099-12-01', startTime: '08:00', endTime: '11:30', serviceIds: [BP] },
    ])
  })
})
