import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { aStudioSubmission, ok, signInAs, SUBMISSION_ID, type RequestCall } from '../../../../test/fixtures'
import RepSubmissionPage from './index'

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST')

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { id: SUBMISSION_ID }
  signInAs('grid_head')
})

describe('a matter of the grid, as its grid head sees it', () => {
  it('offers 受理为小事 only — no 分流, 需补充 or the whole phone number — and accepts it as 小事', async () => {
    const open = aStudioSubmission({ status: 'submitted', source: 'resident', allowedActions: ['accept'], phone: '138****8000' })
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'POST' ? ok({ ...open, status: 'accepted', triage: 'minor', allowedActions: ['reply', 'triage'] }) : ok(open))) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.grid-accept')).not.toBeNull())
    expect(container.querySelector('.accept-submit')).toBeNull()
    expect(container.querySelector('.ask-more-panel')).toBeNull()
    expect(container.querySelector('.reveal-phone')).toBeNull()
    fireEvent.click(container.querySelector('.grid-accept-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/accept`, data: { triage: 'minor' } })
    // a 小事 in hand: 进展 and 答复 are theirs, 重新分流 is not
    await waitFor(() => expect(container.querySelector('.reply-submit')).not.toBeNull())
    expect(container.querySelector('.triage-submit')).toBeNull()
  })

  it('shows a 大事 of the grid without any step (the representatives and the department handle it)', async () => {
    const major = aStudioSubmission({ status: 'handed_on', triage: 'major', department: '城管办', allowedActions: ['reply', 'triage'] })
    Taro.request.mockImplementation((() => ok(major)) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.triage-line')?.textContent).toContain('交办城管办'))
    expect(container.querySelector('.reply-submit')).toBeNull()
    expect(container.querySelector('.progress-panel')).toBeNull()
  })
})
