import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { aQueue, anEntry, apiError, BP, networkDown, ok, signInAs, STAND_ID, type RequestCall } from '../../../../test/fixtures'
import StandConsolePage, { OVERRIDE_FULL_LABEL } from './index'

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const posts = (suffix: string) => calls().filter((c) => c.method === 'POST' && c.url.endsWith(suffix))

/** GET /queue from the fixture; POSTs answered by `handlers[suffix]` in turn. */
function api(handlers: Record<string, Array<() => Promise<unknown>>> = {}) {
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url, method } = args[0] as RequestCall
    if (method === 'POST') {
      const key = Object.keys(handlers).find((suffix) => url.endsWith(suffix))
      const next = key ? handlers[key].shift() : undefined
      return next ? next() : Promise.reject(new Error(`unexpected POST ${url}`))
    }
    return ok(aQueue())
  }) as never)
}

function typeCode(container: HTMLElement, code: string) {
  fireEvent.change(container.querySelector('.checkin-input') as HTMLInputElement, { target: { value: code } })
  fireEvent.click(container.querySelector('.checkin-submit') as HTMLElement)
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { standId: STAND_ID }
})

describe('stand console', () => {
  it('is closed to residents', () => {
    signInAs('resident')
    const { container } = render(<StandConsolePage />)
    expect(container.querySelector('.no-staff-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('shows the queue in order with numbers and statuses, and who is expected', async () => {
    signInAs('staff')
    api()
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')
    expect(calls()[0].url).toBe(`http://127.0.0.1:3000/stands/${STAND_ID}/queue`)
    expect(Array.from(container.querySelectorAll('.service-tab-name')).map((t) => t.textContent)).toEqual(['量血压', '修鞋'])
    const entries = Array.from(container.querySelectorAll('.queue-entry:not(.expected-entry)'))
    expect(entries.map((e) => e.querySelector('.queue-number')?.textContent)).toEqual(['1', '2', '3'])
    expect(entries.map((e) => e.querySelector('.queue-status')?.textContent)).toEqual(['已叫号', '已签到', '已签到'])
    expect(entries[0].querySelector('.serve-button')).not.toBeNull()
    expect(container.querySelector('.expected-entry')?.textContent).toContain('张奶奶')
  })

  it('checks a code in and shows the number big', async () => {
    signInAs('staff')
    api({ '/check-ins': [() => ok(anEntry({ status: 'checked_in', queueNumber: 12 }))] })
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')

    typeCode(container, 'acd 347')
    await waitFor(() => expect(container.querySelector('.checkin-result')).not.toBeNull())
    expect(container.querySelector('.checkin-result')?.className).toContain('checkin-result--ok')
    expect(container.querySelector('.checkin-result .result-number')?.textContent).toBe('12 号')
    expect(posts('/check-ins')[0].data).toEqual({ code: 'ACD347' })
    expect((container.querySelector('.checkin-input') as HTMLInputElement).value).toBe('')
  })

  it('shows "already checked in" (409) as a result, not a crash', async () => {
    signInAs('staff')
    api({ '/check-ins': [() => apiError(409, 'CONFLICT', '已于 09:12 由 王志强 签到，排队号 3', 'already_checked_in')] })
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')

    typeCode(container, 'ACD347')
    const message = await screen.findByText('已于 09:12 由 王志强 签到，排队号 3')
    const result = container.querySelector('.checkin-result') as HTMLElement
    expect(result.contains(message)).toBe(true)
    expect(result.className).toContain('checkin-result--already')
    expect(result.textContent).toContain('这张预约码已经签到过')
    expect(container.querySelector('.service-panel')).not.toBeNull() // the console is still there
  })

  it('says what is wrong with a mistyped code under the field, without calling the API', async () => {
    signInAs('staff')
    api()
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')
    typeCode(container, 'AB')
    expect(container.querySelector('.checkin-error')?.textContent).toBe('预约码里不会有「B」，请核对：预约码由字母（不含 B、I、L、O、S、Z）或数字 3、4、6、7、9组成')
    expect(posts('/check-ins')).toHaveLength(0)
  })

  it('on weapp, 扫码签到 sends the scanned code', async () => {
    process.env.TARO_ENV = 'weapp'
    signInAs('representative')
    api({ '/check-ins': [() => ok(anEntry({ status: 'checked_in', queueNumber: 5 }))] })
    Taro.scanCode.mockImplementation(() => Promise.resolve({ result: 'FGH763', scanType: 'QR_CODE', charSet: 'utf-8' }))
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')
    fireEvent.click(container.querySelector('.scan-checkin') as HTMLElement)
    await waitFor(() => expect(posts('/check-ins')).toHaveLength(1))
    expect(posts('/check-ins')[0].data).toEqual({ code: 'FGH763' })
  })

  it('现场取号: a full service offers a recorded override; a network retry reuses the requestId', async () => {
    signInAs('staff')
    api({
      '/walk-ins': [
        () => apiError(409, 'CONFLICT', '今天这个服务已约满'),
        networkDown,
        () => ok(anEntry({ kind: 'walk_in', status: 'checked_in', queueNumber: 15, overrideFull: true }), 201),
      ],
    })
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')

    fireEvent.click(container.querySelector('.walkin-button') as HTMLElement)
    expect(await screen.findByText('今天这个服务已约满')).toBeTruthy()
    const override = container.querySelector('.walkin-override') as HTMLElement
    expect(override.textContent).toBe(OVERRIDE_FULL_LABEL)

    fireEvent.click(override)
    await waitFor(() => expect(container.querySelector('.walkin-retry')).not.toBeNull())
    fireEvent.click(container.querySelector('.walkin-retry') as HTMLElement)
    await waitFor(() => expect(container.querySelector('.walkin-number')?.textContent).toBe('15 号'))

    const [plain, override1, override2] = posts('/walk-ins').map((c) => c.data as Record<string, unknown>)
    expect(plain).toMatchObject({ serviceId: BP, overrideFull: false })
    expect(override1).toMatchObject({ serviceId: BP, overrideFull: true })
    expect(override1.requestId).not.toBe(plain.requestId)
    expect(override2).toEqual(override1)
  })

  it('叫下一位 and 完成 call the API; "nobody waiting" is just a message', async () => {
    signInAs('staff')
    api({
      '/call-next': [() => ok(anEntry({ status: 'called', queueNumber: 2 })), () => apiError(404, 'NOT_FOUND', '没有在等的人了')],
      '/serve': [() => ok(anEntry({ status: 'served', queueNumber: 1 }))],
    })
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')

    fireEvent.click(container.querySelector('.call-next') as HTMLElement)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请 2 号 王阿姨' })))
    expect(posts('/call-next')[0].url).toBe(`http://127.0.0.1:3000/stands/${STAND_ID}/services/${BP}/call-next`)

    await waitFor(() => expect(container.querySelector('.call-next')?.hasAttribute('disabled')).toBe(false))
    fireEvent.click(container.querySelector('.call-next') as HTMLElement)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有在等的人了' })))

    await waitFor(() => expect(container.querySelector('.serve-button')?.hasAttribute('disabled')).toBe(false))
    fireEvent.click(container.querySelector('.serve-button') as HTMLElement)
    await waitFor(() => expect(posts('/serve')).toHaveLength(1))
    expect(posts('/serve')[0].url).toBe(`http://127.0.0.1:3000/stands/${STAND_ID}/entries/01JD000000000000000000000E/serve`)
  })

  it('代填意见 opens the on-behalf form for the stand being worked', async () => {
    signInAs('staff')
    api()
    const { container } = render(<StandConsolePage />)
    await screen.findByText('青石镇集市')
    expect(container.querySelector('.on-behalf-link')?.textContent).toContain('代填意见')
    fireEvent.click(container.querySelector('.on-behalf-link') as HTMLElement)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packageStaff/pages/on-behalf/index?standId=${STAND_ID}` }))
  })
})
