import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { anErrand, ERRAND_ID, errandKinds, MEDICINE } from '../../../../test/errand-fixtures'
import ErrandsPage from './index'

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const click = (el: Element | null) => fireEvent.click(el as Element)
const type = (container: HTMLElement, selector: string, value: string) => fireEvent.change(container.querySelector(selector) as Element, { target: { value } })

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID }
  signInAs('resident')
})

function answer(mine = [anErrand()]) {
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.endsWith('/errand-kinds')) return ok({ kinds: errandKinds() })
    if (req.url.includes('/me/errands')) return ok({ errands: mine })
    if (req.url.endsWith('/errands') && req.method === 'POST') return ok(anErrand({ id: '01JD00000000000000000000E2', note: String(req.data?.note ?? '') || undefined }), 201)
    if (req.url.endsWith('/confirm')) return ok(anErrand({ status: 'confirmed', rating: 5, coins: 5, actions: [] }))
    return ok({})
  }) as never)
}

describe('代办服务 (resident)', () => {
  it('names each missing field in Chinese and sends nothing; then orders with the address only in the body', async () => {
    answer([])
    const { container } = render(<ErrandsPage />)
    await waitFor(() => expect(container.querySelector('.errand-submit')).not.toBeNull())
    click(container.querySelector('.errand-submit'))
    expect(container.querySelector('.kind-error')?.textContent).toBe('请选择要办什么')
    expect(container.querySelector('.for-whom-error')?.textContent).toBe('请选择服务对象')
    expect(container.querySelector('.urgency-error')?.textContent).toBe('请选择紧急程度')
    expect(container.querySelector('.phone-error')?.textContent).toBe('请输入 11 位手机号码')
    expect(posts()).toHaveLength(0)

    click(container.querySelector('.errand-kind-chip'))
    expect(container.querySelector('.errand-kind-description')?.textContent).toBe('志愿者到药店代买常用药，送到家里')
    click(container.querySelector('.for-whom-chip'))
    click(container.querySelectorAll('.urgency-chip')[1] ?? null)
    type(container, '.when-input', '明天上午')
    type(container, '.address-input', '贡井区筱溪街道光荣院落3栋2号')
    type(container, '.phone-input', '13812345678')
    type(container, '.note-input', '降压药两盒')
    click(container.querySelector('.errand-submit'))
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/errands`, data: { kindId: MEDICINE, onBehalf: false, forWhom: '独居老人', urgency: 2, when: '明天上午', address: '贡井区筱溪街道光荣院落3栋2号', phone: '13812345678', note: '降压药两盒' } })
    await waitFor(() => expect(container.querySelectorAll('.errand-card')).toHaveLength(1))
    expect(container.querySelector('.errand-area')?.textContent).toBe('片区：贡井区筱溪街道…')
  })

  it('confirms a delivered order with a rating (required) and shows the volunteer’s coins', async () => {
    answer([anErrand({ status: 'delivered', volunteerName: '李志愿', actions: ['confirm'] })])
    const { container } = render(<ErrandsPage />)
    await waitFor(() => expect(container.querySelector('.errand-status')?.textContent).toBe('已送达'))
    expect(container.querySelector('.errand-cancel')).toBeNull()
    click(container.querySelector('.errand-confirm'))
    click(container.querySelector('.errand-send'))
    expect(container.querySelector('.rating-error')?.textContent).toBe('请为服务打分')
    expect(posts()).toHaveLength(0)
    click(container.querySelectorAll('.rating-chip')[4] ?? null)
    type(container, '.errand-text', '送得很及时')
    click(container.querySelector('.errand-send'))
    await waitFor(() => expect(container.querySelector('.errand-coins')?.textContent).toBe('志愿者得到 5 个幸福币'))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/errands/${ERRAND_ID}/confirm`, data: { rating: 5, comment: '送得很及时' } })
  })

  it('lets staff order for someone (代下单) with the person’s name, without a list of their own orders', async () => {
    signInAs('staff')
    router.params = { studioId: STUDIO_ID, onBehalf: '1' }
    answer([])
    const { container } = render(<ErrandsPage />)
    await waitFor(() => expect(container.querySelector('.person-input')).not.toBeNull())
    expect(container.querySelector('.my-errands')).toBeNull()
    click(container.querySelector('.errand-submit'))
    expect(container.querySelector('.person-error')?.textContent).toBe('请填写服务对象的姓名')
  })
})
