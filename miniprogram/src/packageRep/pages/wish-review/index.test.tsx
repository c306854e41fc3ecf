import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import WishReviewPage from './index'

const WISH = '01JD00000000000000000000W1'
const waiting = { id: WISH, studioId: STUDIO_ID, title: '想要一根结实的拐杖', details: '电话 13800138000', status: 'pending_review', statusLabel: '待审核', wisherName: '刘桂英', onBehalf: false, createdAt: '2099-11-20T02:00:00.000Z', can: ['approve', 'refuse'] }
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const click = (el: Element | null) => fireEvent.click(el as Element)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? { ...waiting, status: 'approved', can: [] } : { wishes: [waiting] })) as never)
})

describe('心愿审核', () => {
  it('approves a wish with one tap; refusing needs a reason the wisher will read', async () => {
    signInAs('representative')
    const { container } = render(<WishReviewPage />)
    await waitFor(() => expect(container.querySelector('.wish-who')?.textContent).toBe('心愿人：刘桂英'))
    click(container.querySelector('.wish-refuse'))
    expect(container.querySelector('.wish-refuse-error')?.textContent).toBe('请写明不通过的原因')
    expect(posts()).toHaveLength(0)
    fireEvent.change(container.querySelector('.wish-refuse-reason') as Element, { target: { value: '请到服务点当面说明' } })
    click(container.querySelector('.wish-refuse'))
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes/${WISH}/refuse`, data: { reason: '请到服务点当面说明' } })
    click(container.querySelector('.wish-approve'))
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1]!.url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/wishes/${WISH}/approve`)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过，心愿上墙了' })))
  })

  it('is closed to staff, and asks nothing of the API', () => {
    signInAs('staff')
    const { container } = render(<WishReviewPage />)
    expect(container.querySelector('.no-rep-access')?.textContent).toContain('只对工作室的党代表和管理员开放')
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
