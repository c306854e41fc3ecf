import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router, shareHandlers } from '../../../test/mocks/taro'
import { aSubmission, networkDown, ok, signInAs, SUBMISSION_ID, type RequestCall } from '../../../test/fixtures'
import SubmissionPage, { REOPEN_EXPLANATION } from './index'

// jest has no stylesheet transform: the photo grid's CSS is nothing here

const resolved = aSubmission({
  status: 'resolved',
  canRate: true,
  timeline: [
    { kind: '已提交', at: '2099-11-20T01:00:00.000Z', by: '青石镇党代表工作室' },
    { kind: '已受理', at: '2099-11-20T06:30:00.000Z', by: '青石镇党代表工作室' },
    { kind: '已答复', at: '2099-11-21T02:00:00.000Z', by: '青石镇党代表工作室', text: '路灯已经修好了，感谢您的反映。——青石镇党代表工作室' },
    { kind: '已办结', at: '2099-11-21T03:00:00.000Z', by: '青石镇党代表工作室' },
  ],
})

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { id: SUBMISSION_ID }
  signInAs('resident')
})

describe('意见详情', () => {
  it('需补充: shows the studio’s question; the answer is kept when sending fails, then sent', async () => {
    const asked = aSubmission({ status: 'submitted', canRate: false, moreAsked: { question: '请说一下是哪条路', at: '2099-11-20T02:00:00.000Z' }, timeline: [] })
    let down = true
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'POST' ? (down ? networkDown() : ok({ ...asked, moreAsked: undefined })) : ok(asked))) as never)
    const { container } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelector('.add-more-question')?.textContent).toBe('请说一下是哪条路'))
    fireEvent.click(container.querySelector('.add-more-submit') as Element)
    expect(container.querySelector('.add-more-error')?.textContent).toBe('补充的内容至少 2 个字')
    fireEvent.input(container.querySelector('.add-more-input') as Element, { target: { value: '洛社村口往东 200 米' } })
    fireEvent.click(container.querySelector('.add-more-submit') as Element)
    await waitFor(() => expect(container.querySelector('.add-more-error')?.textContent).toBeTruthy())
    expect((container.querySelector('.add-more-input') as HTMLTextAreaElement).value).toBe('洛社村口往东 200 米') // nothing typed is lost
    down = false
    fireEvent.click(container.querySelector('.add-more-submit') as Element)
    await waitFor(() => expect(container.querySelector('.add-more-card')).toBeNull())
    const sent = calls().filter((c) => c.method === 'POST')
    expect(sent[sent.length - 1]).toMatchObject({ url: `http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/more`, data: { text: '洛社村口往东 200 米' } })
  })

  it('催办: says from which day before the due date passes; after it, one confirmed tap chases and says so', async () => {
    const waiting = aSubmission({ status: 'accepted', canRate: false, canChase: false, chaseFrom: '2099-11-28', timeline: [] })
    Taro.request.mockImplementation((() => ok(waiting)) as never)
    const early = render(<SubmissionPage />)
    await waitFor(() => expect(early.container.querySelector('.chase-from')?.textContent).toBe('如果到 2099年11月28日 还没有答复，可以在这里催办。'))
    expect(early.container.querySelector('.chase-button')).toBeNull()
    early.unmount()

    const due = { ...waiting, canChase: true, chaseFrom: undefined }
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'POST' ? ok({ ...due, canChase: false, chasedAt: '2099-11-28T01:00:00.000Z' }) : ok(due))) as never)
    const { container } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelector('.chase-button')).not.toBeNull())
    fireEvent.click(container.querySelector('.chase-button') as Element)
    await waitFor(() => expect(container.querySelector('.chase-card--done')?.textContent).toBe('您已在 2099年11月28日 催办，工作室会尽快办理。'))
    expect(calls().filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/chase`])
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已催办，工作室会尽快办理' }))
  })

  it('转发 of a public, answered matter opens its studio’s board; a private or unanswered one shares only the app', async () => {
    Taro.request.mockImplementation((() => ok(resolved)) as never)
    const { container, unmount } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelectorAll('.timeline-step')).toHaveLength(4))
    expect(shareHandlers.appMessage?.()).toEqual({ title: '青石镇党代表工作室 公示墙：「道路交通」已答复', path: '/pages/board/index?studioId=' + resolved.studioId })
    expect(shareHandlers.timeline?.()).toEqual({ title: '青石镇党代表工作室 公示墙：「道路交通」已答复', query: 'studioId=' + resolved.studioId })
    unmount()

    Taro.request.mockImplementation((() => ok({ ...resolved, public: false })) as never)
    const privateOne = render(<SubmissionPage />)
    await waitFor(() => expect(privateOne.container.querySelectorAll('.timeline-step')).toHaveLength(4))
    expect(shareHandlers.appMessage?.()).toEqual({ title: '连心 · 党代表工作室', path: '/pages/index/index' })
  })

  it('shows the text, 答复期限, the timeline in China time and the reply', async () => {
    Taro.request.mockImplementation((() => ok(resolved)) as never)
    const { container } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelectorAll('.timeline-step')).toHaveLength(4))
    expect(container.querySelector('.reply-due')?.textContent).toBe('答复期限：2099年12月7日')
    // 06:30 UTC is 14:30 in China
    expect(container.querySelectorAll('.timeline-step')[1].textContent).toContain('14:30')
    expect(container.querySelector('.reply-card')?.textContent).toContain('路灯已经修好了')
    expect(container.querySelector('.submission-status')?.textContent).toBe('已办结')
  })

  it('rates once resolved: 不满意 explains the reopening and sends rating and comment', async () => {
    const reopened = { ...resolved, status: 'reopened' as const, timeline: [...resolved.timeline, { kind: '评价：不满意', at: '2099-11-22T01:00:00.000Z', by: '居民' }] }
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? reopened : resolved)) as never)
    const { container } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelector('.rate-dissatisfied')).not.toBeNull())
    expect(container.querySelector('.reopen-explanation')).toBeNull()
    fireEvent.click(container.querySelector('.rate-dissatisfied') as Element)
    expect(container.querySelector('.reopen-explanation')?.textContent).toBe(REOPEN_EXPLANATION)
    fireEvent.change(container.querySelector('.rating-comment') as Element, { target: { value: '晚上还是很黑' } })
    fireEvent.click(container.querySelector('.rate-submit') as Element)
    await waitFor(() => expect(container.querySelector('.reopened-notice')).not.toBeNull())
    const post = calls().find((c) => c.method === 'POST') as RequestCall
    expect(post.url).toBe(`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/rating`)
    expect(post.data).toEqual({ rating: 'dissatisfied', comment: '晚上还是很黑' })
    expect(container.querySelector('.rate-submit')).toBeNull()
  })

  it('满意 without a comment sends only the rating; no rating panel before resolution', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? { ...resolved, rating: 'satisfied', canRate: false, timeline: [...resolved.timeline, { kind: '已评价', at: '2099-11-22T01:00:00.000Z', by: '您', text: '满意' }] } : resolved)) as never)
    const { container } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelector('.rate-satisfied')).not.toBeNull())
    fireEvent.click(container.querySelector('.rate-satisfied') as Element)
    fireEvent.click(container.querySelector('.rate-submit') as Element)
    await waitFor(() => expect(calls().some((c) => c.method === 'POST')).toBe(true))
    expect(calls().find((c) => c.method === 'POST')?.data).toEqual({ rating: 'satisfied' })
    await waitFor(() => expect(container.querySelector('.rating-card')).toBeNull())
  })

  it('shows the submission’s photos under its text; a tap opens them full screen', async () => {
    const photos = [{ url: 'http://127.0.0.1:4569/lianxin-photos/a.jpg?X-Amz-Signature=1' }, { url: 'http://127.0.0.1:4569/lianxin-photos/b.jpg?X-Amz-Signature=2' }]
    Taro.request.mockImplementation((() => ok(aSubmission({ photos }))) as never)
    const { container } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelectorAll('.submission-card .photo-grid img')).toHaveLength(2))
    const card = container.querySelector('.submission-card') as Element
    expect(Array.from(card.querySelectorAll('.photo-grid img')).map((img) => (img as HTMLImageElement).src)).toEqual(photos.map((p) => p.url))
    // below the text
    expect(card.querySelector('.submission-text')?.compareDocumentPosition(card.querySelector('.photo-grid') as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING)
    fireEvent.click(card.querySelectorAll('.photo-cell')[1] as Element)
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: photos.map((p) => p.url), current: photos[1].url })
  })

  it('shows no photo grid without photos', async () => {
    Taro.request.mockImplementation((() => ok(aSubmission())) as never)
    const { container } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelector('.submission-text')).not.toBeNull())
    expect(container.querySelector('.photo-grid')).toBeNull()
  })

  it('shows no rating before the submission is resolved', async () => {
    Taro.request.mockImplementation((() => ok(aSubmission({ status: 'replied' }))) as never)
    const { container } = render(<SubmissionPage />)
    await waitFor(() => expect(container.querySelector('.submission-status')?.textContent).toBe('已答复'))
    expect(container.querySelector('.rating-card')).toBeNull()
  })
})
