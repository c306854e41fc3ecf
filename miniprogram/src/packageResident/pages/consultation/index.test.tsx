import { fireEvent, render, waitFor } from '@testing-library/react'
import type { ConsultationView } from '@shared/schemas/consultations'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { apiError, ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import ConsultationPage from './index'

const ID = '01JD00000000000000000000C1'
const planned: ConsultationView = {
  id: ID, studioId: STUDIO_ID, topic: '小区停车和广场舞噪音', date: '2099-12-10', time: '19:00', place: '社区议事厅', agenda: ['听取居民意见', '物业说明车位情况'],
  submissions: [{ id: '01JD00000000000000000000Q1', category: '道路交通', text: '小区晚上停车太难，电话 138****8000' }], status: 'planned', statusLabel: '待召开', signedUp: 3, capacity: 30, signedUpByMe: false,
}
const sent = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST' || c.method === 'DELETE')

let answer: (req: RequestCall) => Promise<unknown>
beforeEach(() => {
  resetTaroMock()
  router.params = { studioId: STUDIO_ID, id: ID }
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  answer = (req) => ok({ consultationId: ID, signedUp: req.method === 'POST', count: req.method === 'POST' ? 4 : 3 })
  Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'GET' ? ok(planned) : answer(req))) as never)
})

describe('议事协商 (residents)', () => {
  it('shows the agenda and the matters, signs up with one tap, and can withdraw', async () => {
    signInAs('resident')
    const { container, findByText } = render(<ConsultationPage />)
    await findByText('1. 听取居民意见')
    expect(container.querySelector('.consultation-signed')?.textContent).toBe('已报名 3 人（限 30 人）')
    fireEvent.click(container.querySelector('.consultation-sign-up') as Element)
    await findByText('您已报名，请按时参加。')
    expect(sent()[0]).toMatchObject({ method: 'POST', url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/consultations/${ID}/sign-up` })
    expect(container.querySelector('.consultation-signed')?.textContent).toBe('已报名 4 人（限 30 人）')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功，请按时参加' }))
    fireEvent.click(container.querySelector('.consultation-withdraw') as Element)
    await waitFor(() => expect(container.querySelector('.consultation-sign-up')).not.toBeNull())
    expect(sent()[1]).toMatchObject({ method: 'DELETE' })
  })

  it('says why when the meeting is full', async () => {
    signInAs('resident')
    answer = () => apiError(409, 'CONFLICT', '报名人数已满')
    const { container, findByText } = render(<ConsultationPage />)
    await findByText('小区停车和广场舞噪音')
    fireEvent.click(container.querySelector('.consultation-sign-up') as Element)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名人数已满' })))
    expect(container.querySelector('.consultation-sign-up')).not.toBeNull()
  })

  it('asks a visitor to sign in first', () => {
    const { container } = render(<ConsultationPage />)
    expect(container.querySelector('.login-button')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
