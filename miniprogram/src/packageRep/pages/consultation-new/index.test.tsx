import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { networkDown, ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import NewConsultationPage from './index'

const PARKING = '01JD00000000000000000000Q1'
const NOISE = '01JD00000000000000000000Q2'
const item = (id: string, category: string, summary: string) => ({ id, category, summary, status: 'accepted', source: 'resident', createdAt: '2099-11-20T02:00:00.000Z', dueDate: '2099-11-30', overdue: false, photoCount: 0 })
const inbox = (items: unknown[]) => ({ items, counts: { new: 0, in_progress: items.length, replied: 0, resolved: 0 } })
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')
const type = (container: HTMLElement, cls: string, value: string) => fireEvent.change(container.querySelector(cls) as Element, { target: { value } })

let answer: () => Promise<unknown>
beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  answer = () => ok({ id: '01JD00000000000000000000C1' }, 201)
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.method === 'POST') return answer()
    if (req.url.includes('group=in_progress')) return ok(inbox([item(PARKING, '道路交通', '小区晚上停车太难'), item(NOISE, '环境卫生', '广场舞音响太吵')]))
    return ok(inbox([]))
  }) as never)
})

describe('发起议事协商', () => {
  it('names what is missing, then sends the matters ticked from the inbox with the agenda one item a line', async () => {
    signInAs('representative')
    const { container, findByText } = render(<NewConsultationPage />)
    await findByText('【道路交通】小区晚上停车太难')
    fireEvent.click(container.querySelector('.consultation-create') as Element)
    expect(container.querySelector('.consultation-submissions-error')?.textContent).toBe('请至少选择一条意见')
    expect(container.querySelector('.consultation-topic-error')?.textContent).toBe('请填写议题')
    expect(posts()).toHaveLength(0)

    fireEvent.click(await findByText('【道路交通】小区晚上停车太难'))
    fireEvent.click(await findByText('【环境卫生】广场舞音响太吵'))
    type(container, '.consultation-topic-input', '小区停车和广场舞噪音')
    type(container, '.consultation-date-input', '2099-12-10')
    type(container, '.consultation-place-input', '社区议事厅')
    type(container, '.consultation-agenda-input', '听取居民意见\n\n物业说明车位情况')
    type(container, '.consultation-invitedUnits-input', '城管办、物业')
    fireEvent.click(container.querySelector('.consultation-create') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({
      url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/consultations`,
      data: { topic: '小区停车和广场舞噪音', date: '2099-12-10', time: '19:00', place: '社区议事厅', agenda: ['听取居民意见', '物业说明车位情况'], submissionIds: [PARKING, NOISE], invitedUnits: '城管办、物业' },
    })
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageRep/pages/consultation/index?id=01JD00000000000000000000C1' }))
  })

  it('keeps what was typed when the network drops', async () => {
    signInAs('representative')
    answer = networkDown
    const { container, findByText } = render(<NewConsultationPage />)
    fireEvent.click(await findByText('【道路交通】小区晚上停车太难'))
    type(container, '.consultation-topic-input', '小区停车怎么办')
    type(container, '.consultation-place-input', '社区议事厅')
    type(container, '.consultation-agenda-input', '听取居民意见')
    fireEvent.click(container.querySelector('.consultation-create') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled())
    expect((container.querySelector('.consultation-topic-input') as HTMLInputElement).value).toBe('小区停车怎么办')
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    // tapped again once the network is back: the same retry key, so the server opens one consultation at most
    answer = () => ok({ id: '01JD00000000000000000000C1' }, 201)
    fireEvent.click(container.querySelector('.consultation-create') as Element)
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1]!.data!.requestId).toBe(posts()[0]!.data!.requestId)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
  })

  it('is closed to residents, and asks nothing of the API', () => {
    signInAs('resident')
    const { container } = render(<NewConsultationPage />)
    expect(container.querySelector('.no-rep-access')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
