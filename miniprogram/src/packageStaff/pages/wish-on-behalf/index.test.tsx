import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import WishOnBehalfPage from './index'

const WISH = '01JD00000000000000000000W1'
const fulfilled = { id: WISH, studioId: STUDIO_ID, title: '想有人陪着去趟医院', status: 'fulfilled', statusLabel: '已完成待确认', wisherName: '刘桂英', wisherPhone: '13900139000', onBehalf: true, claimerName: '张志愿', createdAt: '2099-11-20T02:00:00.000Z', can: ['confirm'] }
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const click = (el: Element | null) => fireEvent.click(el as Element)
const type = (container: HTMLElement, selector: string, value: string) => fireEvent.change(container.querySelector(selector) as Element, { target: { value } })

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? { ...fulfilled, status: 'pending_review', can: [] } : { wishes: [fulfilled] }, req.method === 'POST' ? 201 : 200)) as never)
})

describe('代填心愿', () => {
  it('types a wish for a resident (name and phone checked), and confirms a fulfilled one for them', async () => {
    signInAs('staff')
    const { container } = render(<WishOnBehalfPage />)
    await waitFor(() => expect(container.querySelector('.wish-who')?.textContent).toBe('心愿人：刘桂英（工作人员代填） · 13900139000'))
    click(container.querySelector('.wish-on-behalf-submit'))
    expect(container.querySelector('.wisher-name-error')?.textContent).toBe('请填写心愿人姓名')
    type(container, '.wisher-name-input', '刘桂英')
    type(container, '.wisher-phone-input', '1390013')
    type(container, '.wish-title-input', '想有人陪着去趟医院')
    click(container.querySelector('.wish-on-behalf-submit'))
    expect(container.querySelector('.wisher-phone-error')?.textContent).toBe('请输入 11 位手机号码')
    expect(posts()).toHaveLength(0)
    type(container, '.wisher-phone-input', '13900139000')
    click(container.querySelector('.wish-on-behalf-submit'))
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes/on-behalf`, data: { wisherName: '刘桂英', wisherPhone: '13900139000', title: '想有人陪着去趟医院', requestId: expect.stringMatching(/^[0-9A-Z]{26}$/) } })
    await waitFor(() => expect((container.querySelector('.wisher-name-input') as HTMLInputElement).value).toBe(''))

    click(container.querySelector('.wish-act--confirm'))
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1]!.url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes/${WISH}/confirm`)
  })

  it('is closed to residents', () => {
    signInAs('resident')
    const { container } = render(<WishOnBehalfPage />)
    expect(container.querySelector('.no-staff-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
