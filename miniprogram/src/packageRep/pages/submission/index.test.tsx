import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { aStudioSubmission, networkDown, ok, signInAs, STUDIO_ID, SUBMISSION_ID, type RequestCall } from '../../../../test/fixtures'
import RepSubmissionPage from './index'

// jest has no CSS transform: the photo grid's stylesheet is for the build only

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST').filter((c) => !c.url.endsWith('/phone'))
const TEMPLATES_URL = `http://127.0.0.1:3000/studios/${STUDIO_ID}/reply-templates`
/** The studio's own templates, as GET /studios/{studioId}/reply-templates answers them. */
const STUDIO_TEMPLATES = {
  templates: [
    { title: '转交了', text: '您在{地点}反映的{类别}问题，我们已转交{部门}，请{期限}前留意。——{工作室}' },
    { title: '请来面谈', text: '请到服务点找我们当面谈谈。' },
  ],
  version: 2,
  updatedAt: '2099-11-20T02:00:00.000Z',
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { id: SUBMISSION_ID }
  signInAs('representative')
})

describe('意见办理 detail', () => {
  it('asks the resident for more (需补充), then shows it waits for the answer', async () => {
    const open = aStudioSubmission({ status: 'submitted', source: 'resident', allowedActions: ['accept'] })
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'POST' ? ok({ ...open, moreAsked: { question: '请说一下是哪条路', at: '2099-11-20T02:00:00.000Z' } }) : ok(open))) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.ask-more-panel')).not.toBeNull())
    fireEvent.click(container.querySelector('.ask-more-submit') as Element)
    expect(container.querySelector('.ask-more-error')?.textContent).toBe('请写明需要补充什么（至少 4 个字）')
    fireEvent.input(container.querySelector('.ask-more-input') as Element, { target: { value: '请说一下是哪条路' } })
    fireEvent.click(container.querySelector('.ask-more-submit') as Element)
    await waitFor(() => expect(container.querySelector('.ask-more-waiting')?.textContent).toBe('已请居民补充：请说一下是哪条路（等居民回复）'))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/ask-more`, data: { question: '请说一下是哪条路' } })
  })

  it('re-sorts a handed-on 大事 back to the representatives, and posts progress (too short: says so, sends nothing)', async () => {
    const handed = aStudioSubmission({ status: 'handed_on', triage: 'major', department: '镇城管办', departmentDueDate: '2099-12-01', allowedActions: ['triage', 'reply'] })
    Taro.request.mockImplementation(((req: RequestCall) => (req.method === 'POST' ? ok(req.url.endsWith('/triage') ? { ...handed, status: 'accepted', triage: 'minor', department: undefined, departmentDueDate: undefined } : handed) : ok(req.url === TEMPLATES_URL ? STUDIO_TEMPLATES : handed))) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.triage-panel')).not.toBeNull())
    expect(container.querySelector('.accept-panel')).toBeNull()
    expect((container.querySelector('.department-input') as HTMLInputElement).value).toBe('镇城管办') // starts from the current triage

    fireEvent.input(container.querySelector('.progress-input') as Element, { target: { value: '好' } })
    fireEvent.click(container.querySelector('.progress-submit') as Element)
    expect(container.querySelector('.progress-error')?.textContent).toBe('进展至少写 4 个字')
    expect(posts()).toHaveLength(0)
    fireEvent.input(container.querySelector('.progress-input') as Element, { target: { value: '已到现场查看，报修单已交供电所' } })
    fireEvent.click(container.querySelector('.progress-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/progress`, data: { text: '已到现场查看，报修单已交供电所' } })

    fireEvent.click(container.querySelector('.triage-minor') as Element)
    fireEvent.click(container.querySelector('.triage-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1]).toMatchObject({ url: `http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/triage`, data: { triage: 'minor' } })
    await waitFor(() => expect(container.querySelector('.triage-line')?.textContent).toBe('分流：小事'))
  })

  it('accepting as 大事 needs a department and a due date (the shared schema’s messages), then sends them', async () => {
    const view = aStudioSubmission({ seconds: 6, phone: '138****1111', notes: [{ at: '2099-11-20T02:00:00.000Z', by: '王志强', text: '已电话联系' }] })
    Taro.request.mockImplementation(((req: RequestCall) =>
      ok(req.url.endsWith('/phone') ? { phone: '13800001111' } : req.method === 'POST' ? aStudioSubmission({ status: 'handed_on', triage: 'major', department: '镇城管办', departmentDueDate: '2099-12-01', allowedActions: ['reply'] }) : view)) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.accept-panel')).not.toBeNull())
    expect(Taro.request.mock.calls[0][0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/submissions/${SUBMISSION_ID}` })
    // masked until 显示完整号码, which asks the API (and is recorded there)
    expect(container.querySelector('.phone-number')?.textContent).toBe('138****1111')
    expect(container.querySelector('.seconds-line')?.textContent).toBe('附议：6 位居民也反映了这件事')
    expect(container.querySelector('.call-phone')).toBeNull()
    fireEvent.click(container.querySelector('.reveal-phone') as Element)
    await waitFor(() => expect(container.querySelector('.phone-number')?.textContent).toBe('13800001111'))
    expect(Taro.request.mock.calls.some((c) => (c[0] as RequestCall).url === `http://127.0.0.1:3000/studios/${STUDIO_ID}/submissions/${SUBMISSION_ID}/phone`)).toBe(true)
    expect(container.querySelector('.call-phone')).not.toBeNull()
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

  it('replies from the studio’s own template (from the API, filled in), editable, with the public switch; then 办结', async () => {
    const handed = aStudioSubmission({ status: 'handed_on', triage: 'major', department: '镇城管办', departmentDueDate: '2099-12-01', place: '老街口', allowedActions: ['reply'] })
    const answers = [aStudioSubmission({ status: 'replied', allowedActions: ['reply', 'resolve'] }), aStudioSubmission({ status: 'resolved', allowedActions: [] })]
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? answers.shift() : req.url === TEMPLATES_URL ? STUDIO_TEMPLATES : handed)) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelectorAll('.reply-template')).toHaveLength(2))
    expect(Array.from(container.querySelectorAll('.reply-template')).map((t) => t.textContent)).toEqual(['转交了', '请来面谈'])
    expect(Taro.request.mock.calls.map((c) => (c[0] as RequestCall).url)).toContain(TEMPLATES_URL)
    fireEvent.click(container.querySelector('.reply-template') as Element)
    const input = container.querySelector('.reply-input') as HTMLTextAreaElement
    expect(input.value).toBe('您在老街口反映的道路交通问题，我们已转交镇城管办，请2099年12月1日前留意。——青石镇党代表工作室')
    // another template over words only put in by a template: no question asked
    fireEvent.click(container.querySelectorAll('.reply-template')[1] as Element)
    expect(input.value).toBe('请到服务点找我们当面谈谈。')
    fireEvent.click(container.querySelector('.reply-template') as Element)
    expect(Taro.showModal).not.toHaveBeenCalled()
    fireEvent.change(input, { target: { value: `${input.value}（补充）` } })
    fireEvent.click(container.querySelector('.reply-public') as Element)
    fireEvent.click(container.querySelector('.reply-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0].url).toBe(`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/replies`)
    expect(posts()[0].data).toEqual({ text: '您在老街口反映的道路交通问题，我们已转交镇城管办，请2099年12月1日前留意。——青石镇党代表工作室（补充）', public: false })

    await waitFor(() => expect(container.querySelector('.resolve-button')).not.toBeNull())
    // 办结 asks how; closing without a fix asks why, and nothing is sent until both are there
    fireEvent.click(container.querySelector('.resolve-button') as Element)
    expect(container.querySelector('.closure-error')?.textContent).toBe('请选择办结方式')
    fireEvent.click(Array.from(container.querySelectorAll('.closure-outcome')).find((c) => c.textContent === '不属于职责') as Element)
    fireEvent.click(container.querySelector('.resolve-button') as Element)
    expect(container.querySelector('.closure-note-error')?.textContent).toBe('没有解决就办结，请写明原因（居民会看到）')
    expect(posts()).toHaveLength(1)
    fireEvent.input(container.querySelector('.closure-note') as Element, { target: { value: '此事归县交通局管理，已转告' } })
    fireEvent.click(container.querySelector('.resolve-button') as Element)
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(posts()[1].url).toBe(`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/resolve`)
    expect(posts()[1].data).toEqual({ outcome: 'not_our_duty', note: '此事归县交通局管理，已转告' })
    await waitFor(() => expect(container.querySelector('.resolve-button')).toBeNull())
  })

  it('shows the public reply as the board will: the resident’s words and the reply masked, live as it is typed; nothing when private', async () => {
    const open = aStudioSubmission({ status: 'accepted', text: '我住3栋2单元1801室，电话13800138000，楼道灯坏了。', allowedActions: ['reply'] })
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.url === TEMPLATES_URL ? STUDIO_TEMPLATES : open)) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.reply-input')).not.toBeNull())
    expect(container.querySelector('.board-preview')).toBeNull()

    fireEvent.change(container.querySelector('.reply-input') as Element, { target: { value: '已修好，有问题加微信：zhangjg_2026 找张建国。' } })
    const preview = container.querySelector('[aria-label="公示墙上会这样显示"]') as HTMLElement
    expect(preview.querySelector('.board-preview-text')?.textContent).toBe('我住3栋*单元****室，电话138****8000，楼道灯坏了。')
    expect(preview.querySelector('.board-preview-reply')?.textContent).toBe('答复：已修好，有问题加微信：z*********** 找张建国。')
    expect(preview.querySelector('.board-preview-hint')?.textContent).toContain('标 * 的地方已自动隐去')

    // the resident's words for the board can be rewritten (a name in words): the preview follows, and they are sent
    const rewritten = '3栋的住户反映：楼道灯坏了。'
    fireEvent.input(preview.querySelector('.board-text-input') as Element, { target: { value: rewritten } })
    expect(container.querySelector('.board-preview-text')?.textContent).toBe(rewritten)
    fireEvent.click(container.querySelector('.reply-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0].data).toEqual({ text: '已修好，有问题加微信：zhangjg_2026 找张建国。', public: true, boardText: rewritten })
  })

  it('sends no board text when it was left as it is, and none for a private reply', async () => {
    const open = aStudioSubmission({ status: 'accepted', text: '楼道灯坏了两个月了', allowedActions: ['reply'] })
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.url === TEMPLATES_URL ? STUDIO_TEMPLATES : open)) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.reply-input')).not.toBeNull())
    fireEvent.change(container.querySelector('.reply-input') as Element, { target: { value: '已经修好了，谢谢反映。' } })
    fireEvent.click(container.querySelector('.reply-submit') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0].data).toEqual({ text: '已经修好了，谢谢反映。', public: true })

    // 不公开: no board, no preview
    fireEvent.click(container.querySelector('.reply-public') as Element)
    expect(container.querySelector('.board-preview')).toBeNull()
  })

  it('offers 准予公示 for held content', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'POST' ? aStudioSubmission({ contentHeld: false }) : aStudioSubmission({ contentHeld: true }))) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.approve-board')).not.toBeNull())
    fireEvent.click(container.querySelector('.approve-board') as Element)
    await waitFor(() => expect(posts()[0]?.url).toBe(`http://127.0.0.1:3000/submissions/${SUBMISSION_ID}/approve-board`))
    await waitFor(() => expect(container.querySelector('.approve-board')).toBeNull())
  })

  it('falls back to the built-in templates when the studio’s cannot be loaded, and asks before replacing typed words', async () => {
    const handed = aStudioSubmission({ status: 'handed_on', triage: 'major', department: '镇城管办', departmentDueDate: '2099-12-01', allowedActions: ['reply'] })
    Taro.request.mockImplementation(((req: RequestCall) => (req.url === TEMPLATES_URL ? networkDown() : ok(handed))) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelectorAll('.reply-template')).toHaveLength(4))
    expect(container.querySelector('.submission-text')?.textContent).toBe(handed.text)
    const input = container.querySelector('.reply-input') as HTMLTextAreaElement
    fireEvent.change(input, { target: { value: '我自己写的答复' } })
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(container.querySelector('.reply-template') as Element)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    await Promise.resolve()
    expect(input.value).toBe('我自己写的答复')
    fireEvent.click(container.querySelector('.reply-template') as Element)
    await waitFor(() => expect(input.value).toBe('您反映的道路交通问题已转交镇城管办，预计2099年12月1日前处理完毕。——青石镇党代表工作室'))
  })

  it('links to 管理模板', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.url === TEMPLATES_URL ? STUDIO_TEMPLATES : aStudioSubmission({ status: 'accepted', allowedActions: ['reply'] }))) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.manage-templates')).not.toBeNull())
    fireEvent.click(container.querySelector('.manage-templates') as Element)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageRep/pages/templates/index' }))
  })

  it('shows the submission’s photos right under its text', async () => {
    const photos = [{ url: 'https://photos.example/p1.jpg?sig=1' }, { url: 'https://photos.example/p2.jpg?sig=2' }]
    Taro.request.mockImplementation((() => ok(aStudioSubmission({ photos }))) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelectorAll('.photo-image')).toHaveLength(2))
    expect(Array.from(container.querySelectorAll('.photo-image')).map((img) => img.getAttribute('src'))).toEqual(photos.map((p) => p.url))
    expect(container.querySelector('.submission-text')?.nextElementSibling?.classList.contains('photo-grid')).toBe(true)
  })

  it('shows no photo grid when there are none', async () => {
    Taro.request.mockImplementation((() => ok(aStudioSubmission())) as never)
    const { container } = render(<RepSubmissionPage />)
    await waitFor(() => expect(container.querySelector('.submission-text')).not.toBeNull())
    expect(container.querySelector('.photo-grid')).toBeNull()
  })
})
