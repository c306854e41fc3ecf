import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { aStudioSubmission, ok, signInAs, STUDIO_ID, SUBMISSION_ID, type RequestCall } from '../../../../test/fixtures'
import { CHENGGUAN, departments } from '../../../../test/department-fixtures'
import RepSubmissionPage from './index'

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { id: SUBMISSION_ID }
  signInAs('representative')
})

describe('handing a 大事 on to a department of the list', () => {
  it('offers the departments in service, sends the chosen one’s id (not a typed name), and shows where the hand-on stands', async () => {
    const handed = aStudioSubmission({ status: 'handed_on', triage: 'major', department: '城管办', departmentId: CHENGGUAN, departmentDueDate: '2099-12-01', handOn: { id: '01JD00000000000000000000H1', state: 'handed', stateLabel: '待签收', dueDate: '2099-12-01' }, allowedActions: ['triage', 'reply'] })
    Taro.request.mockImplementation(((req: RequestCall) => {
      if (req.url === `http://127.0.0.1:3000/studios/${STUDIO_ID}/departments`) return ok({ departments: departments() })
      return ok(req.method === 'POST' ? handed : aStudioSubmission())
    }) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.accept-panel')).not.toBeNull())
    fireEvent.click(container.querySelector('.triage-major') as Element)
    await waitFor(() => expect(container.querySelectorAll('.department-chip')).toHaveLength(1)) // 环卫所 is retired
    expect(container.querySelector('.department-chip')?.textContent).toBe('城管办')
    fireEvent.click(container.querySelector('.department-chip') as Element)
    fireEvent.change(container.querySelector('.accept-panel .picker-mock') as Element, { target: { value: '2099-12-01' } })
    fireEvent.click(container.querySelector('.accept-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0].data).toEqual({ triage: 'major', departmentId: CHENGGUAN, dueDate: '2099-12-01' })
    await waitFor(() => expect(container.querySelector('.hand-on-line')?.textContent).toBe('部门：待签收'))
  })
  it('lists the town’s member units after the studio’s own, marked 成员单位, and hands on to one by its id', async () => {
    const HOSPITAL = '01JD00000000000000000000N1'
    Taro.request.mockImplementation(((req: RequestCall) => {
      if (req.url === `http://127.0.0.1:3000/studios/${STUDIO_ID}/departments`) return ok({ departments: [...departments(), { id: HOSPITAL, name: '洛社镇卫生院', active: true, memberUnit: true }] })
      return ok(aStudioSubmission())
    }) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.accept-panel')).not.toBeNull())
    fireEvent.click(container.querySelector('.triage-major') as Element)
    await waitFor(() => expect(container.querySelectorAll('.department-chip')).toHaveLength(2))
    expect([...container.querySelectorAll('.department-chip')].map((c) => c.textContent)).toEqual(['城管办', '洛社镇卫生院（成员单位）'])
    fireEvent.click(container.querySelectorAll('.department-chip')[1] as Element)
    fireEvent.change(container.querySelector('.accept-panel .picker-mock') as Element, { target: { value: '2099-12-01' } })
    fireEvent.click(container.querySelector('.accept-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0].data).toEqual({ triage: 'major', departmentId: HOSPITAL, dueDate: '2099-12-01' })
  })
})
