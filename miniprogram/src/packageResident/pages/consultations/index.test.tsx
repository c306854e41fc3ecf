import { fireEvent, render, waitFor } from '@testing-library/react'
import type { ConsultationView } from '@shared/schemas/consultations'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { clearSession } from '../../../services/session'
import ConsultationsPage from './index'

const held: ConsultationView = {
  id: '01JD00000000000000000000C1', studioId: STUDIO_ID, topic: '广场舞噪音怎么办', date: '2099-11-10', time: '19:00', place: '社区议事厅', agenda: ['听取意见'],
  submissions: [{ id: '01JD00000000000000000000Q1', category: '环境卫生', text: '广场舞音响太吵' }], status: 'held', statusLabel: '已召开，决定已公示', signedUp: 0, decision: '每晚 8 点半结束',
}
const planned: ConsultationView = { ...held, id: '01JD00000000000000000000C2', topic: '小区停车难', status: 'planned', statusLabel: '待召开', signedUp: 2, decision: undefined, signedUpByMe: true }
const urls = () => Taro.request.mock.calls.map((c) => (c[0] as RequestCall).url)

beforeEach(() => {
  resetTaroMock()
  router.params = { studioId: STUDIO_ID }
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  Taro.request.mockImplementation(((req: RequestCall) => ok({ items: req.url.endsWith('/me/consultation-sign-ups') ? [planned] : [held] })) as never)
})

describe('议事协商公示', () => {
  it('shows a decision with the matter it answers to anyone, without signing in', async () => {
    clearSession()
    const { container, findByText } = render(<ConsultationsPage />)
    await findByText('每晚 8 点半结束')
    expect(container.querySelector('.consultation-matter')?.textContent).toBe('【环境卫生】广场舞音响太吵')
    expect(urls()).toEqual([`http://127.0.0.1:3000/studios/${STUDIO_ID}/public-consultations`])
    expect(container.querySelector('.consultation-tab')).toBeNull()
  })

  it('lists a signed-in resident\'s own sign-ups under 我报名的', async () => {
    signInAs('resident')
    const { findByText, getByText } = render(<ConsultationsPage />)
    await findByText('广场舞噪音怎么办')
    fireEvent.click(getByText('我报名的'))
    await findByText('小区停车难')
    await waitFor(() => expect(urls()).toContain('http://127.0.0.1:3000/me/consultation-sign-ups'))
  })
})
