import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import SubmissionSettingsPage from './index'

const URL = `http://127.0.0.1:3000/studios/${STUDIO_ID}/submission-settings`
const SETTINGS = {
  categories: [
    { name: '环境卫生', acceptDays: 1, replyDays: 5 },
    { name: '道路交通', acceptDays: 2, replyDays: 10 },
  ],
  holidays: ['2099-10-08'],
  workdays: [],
  escalateAfterDays: 3,
}

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const puts = () => calls().filter((c) => c.method === 'PUT')
const all = (container: HTMLElement, selector: string) => Array.from(container.querySelectorAll(selector)) as HTMLElement[]

function type(element: Element, value: string) {
  fireEvent.change(element, { target: { value } })
}

function pick(container: HTMLElement, fieldClass: string, value: string) {
  const picker = (container.querySelector(`.${fieldClass}`) as HTMLElement).closest('.picker') as HTMLElement
  fireEvent.change(picker.querySelector('.picker-mock') as HTMLInputElement, { target: { value } })
}

function api(put: (data: unknown) => Promise<unknown> = (data) => ok(data)) {
  Taro.request.mockImplementation(((call: RequestCall) => {
    if (call.url !== URL) return Promise.reject(new Error(`unexpected ${call.method} ${call.url}`))
    return call.method === 'PUT' ? put(call.data) : ok(SETTINGS)
  }) as never)
}

async function open() {
  const view = render(<SubmissionSettingsPage />)
  await waitFor(() => expect(view.container.querySelectorAll('.category-row')).toHaveLength(2))
  return view.container
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
})

describe('意见类别与时限', () => {
  it('shows which years of the national calendar are entered, and the warning when one is missing', async () => {
    signInAs('admin')
    const warning = '2027年的国家法定节假日安排还没有录入：这些年份的办理期限只按周末计算（春节等假期也算工作日）。请联系运维人员按国务院办公厅的通知录入。'
    Taro.request.mockImplementation((() => ok({ ...SETTINGS, national: { years: [{ year: 2026, entered: true, source: '国办发明电〔2025〕7号' }, { year: 2027, entered: false }], warning } })) as never)
    const container = await open()
    expect(all(container, '.national-year').map((e) => e.textContent)).toEqual(['2026年：已录入（国办发明电〔2025〕7号）', '2027年：未录入，这一年的期限只按周末计算'])
    expect(container.querySelector('.national-warning')?.textContent).toBe(warning)
  })

  it('is for administrators only', () => {
    signInAs('representative')
    const { container } = render(<SubmissionSettingsPage />)
    expect(container.querySelector('.no-admin-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('shows the message under 答复时限 when it is shorter than 受理时限, and sends nothing', async () => {
    signInAs('admin')
    api()
    const container = await open()
    type(all(container, '.accept-days-input')[1], '3')
    type(all(container, '.reply-days-input')[1], '2')
    fireEvent.click(container.querySelector('.settings-save') as Element)
    const row = all(container, '.category-row')[1]
    expect(row.querySelector('.reply-days-error')?.textContent).toBe('答复时限不能短于受理时限')
    expect(all(container, '.category-row')[0].querySelector('.field-error')).toBeNull()
    expect(puts()).toHaveLength(0)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '有几处需要修改，请看红字' }))
  })

  it('adds and removes categories and dates, then saves the right body', async () => {
    signInAs('admin')
    api()
    const container = await open()
    fireEvent.click(container.querySelector('.remove-category') as Element) // 环境卫生
    fireEvent.click(container.querySelector('.add-category') as Element)
    const rows = all(container, '.category-row')
    expect(rows).toHaveLength(2)
    type(rows[1].querySelector('.category-name-input') as Element, '河道整治')
    type(rows[1].querySelector('.accept-days-input') as Element, '0')
    type(rows[1].querySelector('.reply-days-input') as Element, '7')
    pick(container, 'holiday-add', '2099-10-09')
    pick(container, 'workday-add', '2099-10-11')
    fireEvent.click(container.querySelector('.holiday-remove') as Element) // 2099-10-08
    expect(all(container, '.holidays-item').map((i) => i.textContent)).toEqual([expect.stringContaining('2099年10月9日')])

    type(container.querySelector('.escalate-days-input') as Element, '5')
    fireEvent.click(container.querySelector('.settings-save') as Element)
    await waitFor(() => expect(puts()).toHaveLength(1))
    expect(puts()[0].data).toEqual({
      categories: [
        { name: '道路交通', acceptDays: 2, replyDays: 10 },
        { name: '河道整治', acceptDays: 0, replyDays: 7 },
      ],
      holidays: ['2099-10-09'],
      workdays: ['2099-10-11'],
      escalateAfterDays: 5,
    })
    expect(puts()[0].header?.Authorization).toMatch(/^Bearer /)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })))
  })

  it('shows the API’s field messages on 400 under their fields', async () => {
    signInAs('admin')
    api(() =>
      Promise.resolve({
        statusCode: 400,
        data: { error: { code: 'VALIDATION_FAILED', message: '有几处需要修改', fields: { 'categories.1.replyDays': '答复时限最多 60 个工作日', 'holidays.0': '日期格式应为 年-月-日' } } },
      }))
    const container = await open()
    fireEvent.click(container.querySelector('.settings-save') as Element)
    await waitFor(() => expect(all(container, '.category-row')[1].querySelector('.reply-days-error')?.textContent).toBe('答复时限最多 60 个工作日'))
    expect(container.querySelector('.holidays-error')?.textContent).toBe('日期格式应为 年-月-日')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '有几处需要修改' }))
  })
})
