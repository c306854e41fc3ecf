import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { apiError, ok, type RequestCall } from '../../../../test/fixtures'
import { aMatter, CHENGGUAN, MATTER, signInAsLiaison } from '../../../../test/department-fixtures'
import DepartmentMatterPage from './index'

const BASE = `http://127.0.0.1:3000/departments/${CHENGGUAN}/matters/${MATTER}`
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const click = (el: Element | null) => fireEvent.click(el as Element)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAsLiaison()
  router.params = { departmentId: CHENGGUAN, id: MATTER }
})

describe('交办事项 (the liaison’s side)', () => {
  it('shows the masked text and signs for it (签收)', async () => {
    const acked = aMatter({ state: 'acknowledged', stateLabel: '办理中', allowedSteps: ['progress', 'result', 'hand_back'] })
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? acked : aMatter())) as never)
    const { container } = render(<DepartmentMatterPage />)
    await waitFor(() => expect(container.querySelector('.dept-matter-text')?.textContent).toBe('菜场门口占道摆摊，电话138****8000'))
    click(container.querySelector('.dept-acknowledge'))
    await waitFor(() => expect(container.querySelector('.dept-matter-state')?.textContent).toBe('办理中'))
    expect(posts()[0]).toMatchObject({ url: `${BASE}/acknowledge` })
    // once signed for, 办理进展 is the step chosen (not 退回, which was the only written one before)
    expect(container.querySelector('.dept-step-kind.chip--on')?.textContent).toBe('办理进展')
    fireEvent.change(container.querySelector('.dept-step-text') as Element, { target: { value: '已到现场劝离摊贩' } })
    click(container.querySelector('.dept-step-send'))
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1]).toMatchObject({ url: `${BASE}/progress`, data: { text: '已到现场劝离摊贩' } })
  })

  it('checks a written step before sending, then posts progress; a refusal is shown', async () => {
    const acked = aMatter({ state: 'acknowledged', stateLabel: '办理中', allowedSteps: ['progress', 'result', 'hand_back'] })
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'POST' ? apiError(409, 'CONFLICT', '这件事刚有了变化，请刷新后再试') : ok(acked))) as never)
    const { container } = render(<DepartmentMatterPage />)
    await waitFor(() => expect(container.querySelector('.dept-step-send')).not.toBeNull())
    fireEvent.change(container.querySelector('.dept-step-text') as Element, { target: { value: '已去' } })
    click(container.querySelector('.dept-step-send'))
    expect(container.querySelector('.dept-step-error')?.textContent).toBe('进展至少写 4 个字')
    expect(posts()).toHaveLength(0)
    fireEvent.change(container.querySelector('.dept-step-text') as Element, { target: { value: '已到现场劝离摊贩' } })
    click(container.querySelector('.dept-step-send'))
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `${BASE}/progress`, data: { text: '已到现场劝离摊贩' } })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这件事刚有了变化，请刷新后再试' })))
  })

  it('hands it back with a reason', async () => {
    const acked = aMatter({ state: 'acknowledged', stateLabel: '办理中', allowedSteps: ['progress', 'result', 'hand_back'] })
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? { ...acked, state: 'returned', stateLabel: '已退回', allowedSteps: [], status: 'accepted' } : acked)) as never)
    const { container } = render(<DepartmentMatterPage />)
    await waitFor(() => expect(container.querySelectorAll('.dept-step-kind')).toHaveLength(3))
    expect(container.querySelector('.photo-add')).toBeNull()
    click(container.querySelectorAll('.dept-step-kind')[1] ?? null) // 办理结果 may carry photos
    expect(container.querySelector('.photo-add')).not.toBeNull()
    click(container.querySelectorAll('.dept-step-kind')[2] ?? null)
    fireEvent.change(container.querySelector('.dept-step-text') as Element, { target: { value: '属于市场监管所职责' } })
    click(container.querySelector('.dept-step-send'))
    await waitFor(() => expect(container.querySelector('.dept-steps-done')?.textContent).toBe('这件事已退回，不需要再操作。'))
    expect(posts()[0]).toMatchObject({ url: `${BASE}/hand-back`, data: { reason: '属于市场监管所职责' } })
  })
})
