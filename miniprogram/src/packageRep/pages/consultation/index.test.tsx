import { fireEvent, render, waitFor } from '@testing-library/react'
import type { ConsultationView } from '@shared/schemas/consultations'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { apiError, ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import RepConsultationPage from './index'

const ID = '01JD00000000000000000000C1'
const planned: ConsultationView = {
  id: ID, studioId: STUDIO_ID, topic: '小区停车和广场舞噪音', date: '2099-12-10', time: '19:00', place: '社区议事厅', agenda: ['听取居民意见'],
  submissions: [{ id: '01JD00000000000000000000Q1', category: '道路交通', text: '小区晚上停车太难' }], invitedUnits: '城管办、物业', status: 'planned', statusLabel: '待召开', signedUp: 3,
}
const invitees = { residents: [{ userId: 'u1', name: '刘阿姨', why: 'raised' }, { userId: 'u2', name: '周大爷', why: 'seconded' }], representatives: [{ userId: 'r1', name: '张建国' }], units: '城管办、物业' }
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const type = (container: HTMLElement, cls: string, value: string) => fireEvent.change(container.querySelector(cls) as Element, { target: { value } })

let answer: (req: RequestCall) => Promise<unknown>
beforeEach(() => {
  resetTaroMock()
  router.params = { id: ID }
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  answer = (req) => ok({ ...planned, status: 'held', statusLabel: '已召开，决定已公示', decision: (req.data as { decision: string }).decision, attendance: 23, minutes: (req.data as { minutes: string }).minutes })
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.method === 'POST') return answer(req)
    if (req.url.endsWith('/invitees')) return ok(invitees)
    return ok(planned)
  }) as never)
})

describe('议事协商 (representatives)', () => {
  it('shows who is invited, and records the meeting: the decision is published and the result form follows', async () => {
    signInAs('representative')
    const { container, findByText } = render(<RepConsultationPage />)
    await findByText('居民：刘阿姨、周大爷（附议）')
    fireEvent.click(container.querySelector('.consultation-record-submit') as Element)
    expect(container.querySelector('.consultation-attendance-error')?.textContent).toBeTruthy()
    expect(container.querySelector('.consultation-decision-error')?.textContent).toBe('请填写协商决定')
    expect(posts()).toHaveLength(0)

    type(container, '.consultation-attendance-input', '23')
    type(container, '.consultation-minutes-input', '居民反映夜间停车难，物业同意开放临时车位。')
    type(container, '.consultation-decision-input', '晚 8 点后开放广场东侧临时车位')
    fireEvent.click(container.querySelector('.consultation-record-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/consultations/${ID}/record`, data: { attendance: 23, decision: '晚 8 点后开放广场东侧临时车位' } })
    await findByText('晚 8 点后开放广场东侧临时车位')
    expect(container.querySelector('.consultation-result-submit')).not.toBeNull()
    expect(container.querySelector('.consultation-record')).toBeNull()
  })

  it('says why a step was refused and keeps what was typed', async () => {
    signInAs('representative')
    answer = () => apiError(409, 'CONFLICT', '协商还没有召开（日期未到），不能记录')
    const { container, findByText } = render(<RepConsultationPage />)
    await findByText('小区停车和广场舞噪音')
    type(container, '.consultation-attendance-input', '5')
    type(container, '.consultation-minutes-input', '还没开会，先把纪要写上')
    type(container, '.consultation-decision-input', '开放临时车位')
    fireEvent.click(container.querySelector('.consultation-record-submit') as Element)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '协商还没有召开（日期未到），不能记录' })))
    expect((container.querySelector('.consultation-decision-input') as HTMLTextAreaElement).value).toBe('开放临时车位')
  })
})
