import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { aStudioSubmission, ok, signInAs, STUDIO_ID, SUBMISSION_ID, type RequestCall } from '../../../../test/fixtures'
import RepSubmissionPage from './index'

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { id: SUBMISSION_ID }
  signInAs('representative')
})

describe('意见办理 detail', () => {
  it('accepting as 大事 needs a department and a due date (the shared schema’s messages), then sends them', async () => {
    const view = aStudioSubmission({ phone: '13800001111', notes: [{ at: '2099-11-20T02:00:00.000Z', by: '王志强', text: '已电话联系' }] })
    Taro.request.mockImplementation(((req: RequestCall) =>
      ok(req.method === 'POST' ? aStudioSubmission({ status: 'handed_on', triage: 'major', department: '镇城管办', departmentDueDate: '2099-12-01', allowedActions: ['reply'] }) : view)) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.accept-panel')).not.toBeNull())
    expect(Taro.request.mock.calls[0][0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/submissions/${SUBMISSION_ID}` })
    expect(container.querySelector('.phone-number')?.textContent).toBe('13800001111')
    expect(container.querySelector('.notes-card')?.textContent).toContain('已电话联系')
    expect(container.querySelector('.reply-panel')).toBeNull()

    fireEvent.click(container.querySelector('.accept-submit') as Element)
    expect(container.querySelector('.triage-error')?.textContent).toBe('请选择大事、小事或私事')

    fireEvent.click(container.querySelector('.triage-major') as Element)
    expect(container.querySelector('.triage-major')?.textContent).toContain('交办政府有关部门')
    fireEvent.click(container.querySelector('.accept-submit') as Element)
    expect(container.querySelector('.department-error')?.textContent).toBe('大事请填写交办的部门')
    expect(container.querySelector('.dueDate-error')?.textContent).toBe('大事请填写办理期限')
    expect(posts()).toHaveLength(0)

    fireEvent.change(container.querySelector('.department-input') as Element, { target: { value: '镇城管办' } })
    fireEvent.change(container.querySelector('.accept-panel .picker-mock') as Element, { target: { value: '2099-12-01' } })
    expect(container.querySelector('.due-date-input')?.textContent).toContain('2099年12月1日')
    fireEvent.change(container.querySelector('.note-input') as Element, { target: { value: '周三去现场看' } })
    fireEvent.click(container.querySelector('.accept-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0].url).toBe(`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/accept`)
    expect(posts()[0].data).toEqual({ triage: 'major', department: '镇城管办', dueDate: '2099-12-01', note: '周三去现场看' })
    await waitFor(() => expect(container.querySelector('.reply-panel')).not.toBeNull())
    expect(container.querySelector('.accept-panel')).toBeNull()
  })

  it('小事 needs neither department nor date', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? aStudioSubmission({ status: 'accepted', allowedActions: ['reply'] }) : aStudioSubmission())) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.accept-panel')).not.toBeNull())
    fireEvent.click(container.querySelector('.triage-minor') as Element)
    expect(container.querySelector('.department-input')).toBeNull()
    fireEvent.click(container.querySelector('.accept-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0].data).toEqual({ triage: 'minor' })
  })

  it('replies from a template, editable, with the public switch; then 办结', async () => {
    const handed = aStudioSubmission({ status: 'handed_on', triage: 'major', department: '镇城管办', departmentDueDate: '2099-12-01', allowedActions: ['reply'] })
    const answers = [aStudioSubmission({ status: 'replied', allowedActions: ['reply', 'resolve'] }), aStudioSubmission({ status: 'resolved', allowedActions: [] })]
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? answers.shift() : handed)) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.reply-panel')).not.toBeNull())
    fireEvent.click(container.querySelector('.reply-template') as Element)
    const input = container.querySelector('.reply-input') as HTMLTextAreaElement
    expect(input.value).toBe('您反映的道路交通问题已转交镇城管办，预计2099年12月1日前处理完毕。——青石镇党代表工作室')
    fireEvent.change(input, { target: { value: `${input.value}（补充）` } })
    fireEvent.click(container.querySelector('.reply-public') as Element)
    fireEvent.click(container.querySelector('.reply-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0].url).toBe(`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/replies`)
    expect(posts()[0].data).toEqual({ text: '您反映的道路交通问题已转交镇城管办，预计2099年12月1日前处理完毕。——青石镇党代表工作室（补充）', public: false })

    await waitFor(() => expect(container.querySelector('.resolve-button')).not.toBeNull())
    fireEvent.click(container.querySelector('.resolve-button') as Element)
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1].url).toBe(`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/resolve`)
    await waitFor(() => expect(container.querySelector('.resolve-button')).toBeNull())
  })

  it('offers 准予公示 for held content', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? aStudioSubmission({ contentHeld: false }) : aStudioSubmission({ contentHeld: true }))) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.approve-board')).not.toBeNull())
    fireEvent.click(container.querySelector('.approve-board') as Element)
    await waitFor(() => expect(posts()[0]?.url).toBe(`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/approve-board`))
    await waitFor(() => expect(container.querySelector('.approve-board')).toBeNull())
  })
})
