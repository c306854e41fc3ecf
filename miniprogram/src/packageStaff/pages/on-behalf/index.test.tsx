import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { chosenImages, pendingUpload, resetTaroMock, router, storage, uploadTask } from '../../../../test/mocks/taro'
import { aStudioSubmission, networkDown, ok, signInAs, STAND_ID, STUDIO_ID, SUBMISSION_ID, type RequestCall } from '../../../../test/fixtures'
import { clearSession } from '../../../services/session'
import { SUBMISSION_DRAFT_KEY } from '../../../services/submissions'
import OnBehalfPage, { ON_BEHALF_DRAFT_KEY, REUSED_KEY_MESSAGE } from './index'

const SUBMISSIONS_URL = `http://127.0.0.1:3000/studios/${STUDIO_ID}/submissions`
const PHOTO_KEY = 'photos/01JD00000000000000000000R1/01JD00000000000000000000P1.jpg'

const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST' && c.url === SUBMISSIONS_URL)
const body = (i = 0) => posts()[i].data as Record<string, unknown>
const savedDraft = () => JSON.parse(String(storage.get(ON_BEHALF_DRAFT_KEY) ?? '{}')) as Record<string, unknown>
const created = () => ok(aStudioSubmission({ source: 'on_behalf', replyDueDate: '2099-12-07' }), 201)
const validation = (fields: Record<string, string>) =>
  Promise.resolve({ statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '内容需要修改', fields } } })

/** The API: signed photo forms, the submission (answered by `answers` in turn), no studio settings (default categories). */
function api(answers: Array<() => Promise<unknown>> = [created]) {
  Taro.request.mockImplementation(((call: RequestCall) => {
    if (call.url.endsWith('/photo-uploads')) {
      return ok({ key: PHOTO_KEY, url: 'http://127.0.0.1:4569/lianxin-photos', fields: { key: PHOTO_KEY }, maxBytes: 5 * 1024 * 1024, expiresAt: '2099-11-20T01:05:00.000Z' }, 201)
    }
    if (call.method === 'POST' && call.url === SUBMISSIONS_URL) return (answers.shift() ?? created)()
    return networkDown()
  }) as never)
}

function type(container: HTMLElement, selector: string, value: string) {
  fireEvent.change(container.querySelector(selector) as Element, { target: { value } })
}

const click = (container: HTMLElement, selector: string) => fireEvent.click(container.querySelector(selector) as Element)

function fillIn(container: HTMLElement) {
  fireEvent.click(container.querySelectorAll('.source-chip')[0] as Element) // 纸质意见征询表
  fireEvent.click(container.querySelectorAll('.category-chip')[1] as Element) // 道路交通
  type(container, '.textarea-input', '老街口的路灯坏了两个星期')
  type(container, '.place-input', '老街口')
}

async function addPhoto(container: HTMLElement) {
  Taro.chooseMedia.mockResolvedValueOnce(chosenImages([{ path: 'wxfile://tmp_form.jpg', size: 180_000 }]))
  await act(async () => {
    click(container, '.photo-add')
  })
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { standId: STAND_ID }
  signInAs('staff')
  api()
})

describe('代填意见: who may use it', () => {
  it('is closed to residents, and asks to sign in when nobody is', () => {
    signInAs('resident')
    const first = render(<OnBehalfPage />)
    expect(first.container.querySelector('.no-staff-access')).not.toBeNull()
    expect(first.container.querySelector('.submit-button')).toBeNull()
    first.unmount()

    clearSession()
    const { container } = render(<OnBehalfPage />)
    expect(container.querySelector('.login-button')).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('is open to staff, representatives and admins, and says what it is for', () => {
    for (const role of ['staff', 'representative', 'admin'] as const) {
      signInAs(role)
      const { container, unmount } = render(<OnBehalfPage />)
      expect(container.querySelector('.on-behalf-intro')?.textContent).toContain('没有手机')
      expect(container.querySelector('.on-behalf-no-notice')?.textContent).toContain('不会在小程序里收到')
      unmount()
    }
  })
})

describe('代填意见 form', () => {
  it('validates with the shared schema and names the fields, sending nothing', async () => {
    const { container } = render(<OnBehalfPage />)
    type(container, '.textarea-input', '路灯')
    click(container, '.submit-button')
    expect(container.querySelector('.sourceNote-error')?.textContent).toBe('请填写来源，例如：纸质意见征询表')
    expect(container.querySelector('.category-error')?.textContent).toBe('请选择类别')
    expect(container.querySelector('.text-error')?.textContent).toBe('请至少写 5 个字，把事情说清楚')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请按红字提示修改' }))

    // typing in a field takes its message away
    click(container, '.source-chip')
    expect(container.querySelector('.sourceNote-error')).toBeNull()

    // the phone: ticked but not given, then not a phone number
    fillIn(container)
    click(container, '.phone-consent')
    click(container, '.submit-button')
    expect(container.querySelector('.phone-error')?.textContent).toBe('请填写手机号，或者取消上面的勾选')
    type(container, '.phone-input', '1380000')
    click(container, '.submit-button')
    expect(container.querySelector('.phone-error')?.textContent).toBe('请输入 11 位手机号码')
    await act(async () => undefined)
    expect(posts()).toHaveLength(0)
    expect(savedDraft().requestId).toBeUndefined()
  })

  it('sends the source, the stand, the photo’s key and the phone with the consent; then confirms with the reply date', async () => {
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 })))
    const { container } = render(<OnBehalfPage />)
    expect(container.querySelector('.on-behalf-stand')).not.toBeNull()
    expect(container.querySelector('.public-switch')?.className).not.toContain('consent-switch--on') // not public unless the resident wants it
    fillIn(container)
    await addPhoto(container)
    await waitFor(() => expect(container.querySelector('.photo-tile--done')).not.toBeNull())
    click(container, '.public-switch')
    expect(container.querySelector('.phone-consent')?.textContent).toBe('居民同意留下电话，以便党代表联系')
    expect(container.querySelector('.phone-input')).toBeNull()
    click(container, '.phone-consent')
    type(container, '.phone-input', '13800001111')

    click(container, '.submit-button')
    await waitFor(() => expect(container.querySelector('.on-behalf-done')).not.toBeNull())
    expect(posts()).toHaveLength(1)
    expect(body()).toEqual({
      requestId: expect.stringMatching(/^[0-9A-Z]{26}$/),
      standId: STAND_ID,
      sourceNote: '纸质意见征询表',
      category: '道路交通',
      text: '老街口的路灯坏了两个星期',
      place: '老街口',
      photos: [PHOTO_KEY],
      public: true,
      phone: '13800001111',
      phoneConsent: true,
    })
    expect(posts()[0].header?.Authorization).toBe('Bearer t')
    expect(Taro.showLoading).toHaveBeenCalledWith(expect.objectContaining({ title: '正在提交…' }))
    expect(container.querySelector('.on-behalf-done')?.textContent).toContain('已代填')
    expect(container.querySelector('.on-behalf-due')?.textContent).toBe('党代表会在 2099年12月7日 前答复。')
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled() // the resident is not here: nobody to notify in the app
  })

  it('from the inbox sends no stand; a typed source; no phone without the consent (unticking forgets it)', async () => {
    router.params = {}
    signInAs('representative')
    const { container } = render(<OnBehalfPage />)
    expect(container.querySelector('.on-behalf-stand')).toBeNull()
    fillIn(container)
    type(container, '.source-input', '入户走访')
    expect(container.querySelector('.source-chip.chip--on')).toBeNull()
    click(container, '.phone-consent')
    type(container, '.phone-input', '13800001111')
    click(container, '.phone-consent')
    expect(container.querySelector('.phone-input')).toBeNull()
    expect(JSON.stringify(savedDraft())).not.toContain('13800001111')

    click(container, '.submit-button')
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(body()).toMatchObject({ sourceNote: '入户走访', category: '道路交通', public: false })
    for (const key of ['standId', 'phone', 'phoneConsent', 'photos']) expect(key in body()).toBe(false)
  })

  it('keeps the draft under its own key as it is typed, across closing and reopening', () => {
    storage.set(SUBMISSION_DRAFT_KEY, JSON.stringify({ studioId: STUDIO_ID, category: '其他', text: '居民自己写的', place: '', public: true, phoneConsent: false, phone: '' }))
    const first = render(<OnBehalfPage />)
    fillIn(first.container)
    first.unmount()
    expect(savedDraft()).toMatchObject({ studioId: STUDIO_ID, standId: STAND_ID, sourceNote: '纸质意见征询表', text: '老街口的路灯坏了两个星期' })
    expect(String(storage.get(SUBMISSION_DRAFT_KEY))).toContain('居民自己写的') // the resident's draft is left alone

    const { container } = render(<OnBehalfPage />)
    expect((container.querySelector('.source-input') as HTMLInputElement).value).toBe('纸质意见征询表')
    expect(container.querySelector('.source-chip')?.className).toContain('chip--on')
    expect((container.querySelector('.textarea-input') as HTMLTextAreaElement).value).toBe('老街口的路灯坏了两个星期')
    expect(container.querySelectorAll('.category-chip')[1].className).toContain('chip--on')
  })

  it('keeps everything after a network failure, and the retry sends the same body with the same requestId', async () => {
    api([networkDown, created])
    const first = render(<OnBehalfPage />)
    fillIn(first.container)
    click(first.container, '.submit-button')
    await waitFor(() => expect(first.container.querySelector('.submit-error')?.textContent).toContain('网络不太好'))
    expect(first.container.querySelector('.submit-error')?.textContent).toContain('不会重复提交')
    expect(first.container.querySelector('.submit-button')?.textContent).toBe('重新提交')
    expect((first.container.querySelector('.textarea-input') as HTMLTextAreaElement).value).toBe('老街口的路灯坏了两个星期')
    expect(savedDraft().requestId).toBe(body(0).requestId)
    // the form is kept as sent until the API answers
    click(first.container, '.category-chip')
    expect(first.container.querySelectorAll('.category-chip')[1].className).toContain('chip--on')
    first.unmount()

    // closed and opened again: still waiting for the answer
    const { container } = render(<OnBehalfPage />)
    expect(container.querySelector('.submit-button')?.textContent).toBe('重新提交')
    click(container, '.submit-button')
    await waitFor(() => expect(container.querySelector('.on-behalf-done')).not.toBeNull())
    expect(posts()).toHaveLength(2)
    expect(body(1)).toEqual(body(0))
    expect(storage.has(ON_BEHALF_DRAFT_KEY)).toBe(false)
  })

  it('a 422 (the key was used for another body) says so, forgets the key and lets the form be sent anew', async () => {
    api([() => Promise.resolve({ statusCode: 422, data: { error: { code: 'UNPROCESSABLE', message: '这个请求编号已用于另一条意见，请刷新后重试' } } }), created])
    const { container } = render(<OnBehalfPage />)
    fillIn(container)
    click(container, '.submit-button')
    await waitFor(() => expect(container.querySelector('.submit-error')?.textContent).toContain(REUSED_KEY_MESSAGE))
    expect(container.querySelector('.submit-button')?.textContent).toBe('代填提交')
    expect(savedDraft().requestId).toBeUndefined()
    expect(savedDraft().text).toBe('老街口的路灯坏了两个星期')

    click(container, '.submit-button')
    await waitFor(() => expect(container.querySelector('.on-behalf-done')).not.toBeNull())
    expect(body(1).requestId).not.toBe(body(0).requestId)
  })

  it('a 400 shows each message next to its field (others in the box) and keeps the form editable', async () => {
    api([() => validation({ text: '内容里有不适宜的词语，请修改后再提交', sourceNote: '来源不能超过 30 个字' }), () => validation({ standId: '这个服务点不属于该工作室' })])
    const { container } = render(<OnBehalfPage />)
    fillIn(container)
    click(container, '.submit-button')
    await waitFor(() => expect(container.querySelector('.text-error')?.textContent).toBe('内容里有不适宜的词语，请修改后再提交'))
    expect(container.querySelector('.sourceNote-error')?.textContent).toBe('来源不能超过 30 个字')
    expect(container.querySelector('.submit-error')?.textContent).toBe('内容需要修改')
    expect(savedDraft().requestId).toBeUndefined()

    type(container, '.textarea-input', '老街口的路灯坏了，晚上看不清路')
    expect(container.querySelector('.text-error')).toBeNull()
    click(container, '.submit-button')
    await waitFor(() => expect(container.querySelector('.submit-error')?.textContent).toBe('这个服务点不属于该工作室'))
    expect(body(1).text).toBe('老街口的路灯坏了，晚上看不清路')
  })

  it('sends nothing while a photo is uploading, and sends once it is up', async () => {
    const upload = pendingUpload()
    Taro.uploadFile.mockReturnValueOnce(upload.task)
    const { container } = render(<OnBehalfPage />)
    fillIn(container)
    await addPhoto(container)
    await waitFor(() => expect(Taro.uploadFile).toHaveBeenCalled())
    click(container, '.submit-button')
    expect(container.querySelector('.photos-error')?.textContent).toBe('照片还在上传，请稍等')
    await act(async () => undefined)
    expect(posts()).toHaveLength(0)

    await act(async () => {
      upload.finish(204)
    })
    await waitFor(() => expect(container.querySelector('.photo-tile--done')).not.toBeNull())
    expect(savedDraft().photos).toEqual([{ key: PHOTO_KEY, preview: 'wxfile://tmp_form.jpg' }])
    click(container, '.submit-button')
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(body().photos).toEqual([PHOTO_KEY])
  })
})

describe('代填意见: after sending', () => {
  it('再填一份 gives an empty form that keeps only the source (a stack of paper forms); staff get no 查看', async () => {
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 })))
    const { container } = render(<OnBehalfPage />)
    fillIn(container)
    await addPhoto(container)
    await waitFor(() => expect(container.querySelector('.photo-tile--done')).not.toBeNull())
    click(container, '.submit-button')
    await waitFor(() => expect(container.querySelector('.on-behalf-done')).not.toBeNull())
    expect(container.querySelector('.on-behalf-open')).toBeNull()
    expect(storage.has(ON_BEHALF_DRAFT_KEY)).toBe(false)

    click(container, '.on-behalf-again')
    expect(container.querySelector('.on-behalf-done')).toBeNull()
    expect((container.querySelector('.source-input') as HTMLInputElement).value).toBe('纸质意见征询表')
    expect((container.querySelector('.textarea-input') as HTMLTextAreaElement).value).toBe('')
    expect((container.querySelector('.place-input') as HTMLInputElement).value).toBe('')
    expect(container.querySelector('.category-chip.chip--on')).toBeNull()
    expect(container.querySelector('.photo-tile')).toBeNull()
    expect(container.querySelector('.submit-error')).toBeNull()
    expect(container.querySelector('.submit-button')?.textContent).toBe('代填提交')
    expect(savedDraft()).toMatchObject({ sourceNote: '纸质意见征询表', text: '', place: '' })
    expect(savedDraft().photos ?? []).toEqual([])

    // the next one is a new submission (a new key), still for this stand
    fillIn(container)
    click(container, '.submit-button')
    await waitFor(() => expect(posts()).toHaveLength(2))
    expect(body(1).requestId).not.toBe(body(0).requestId)
    expect(body(1).standId).toBe(STAND_ID)
    expect('photos' in body(1)).toBe(false)
  })

  it('representatives and admins can open the new submission in 意见办理', async () => {
    signInAs('admin')
    const { container } = render(<OnBehalfPage />)
    fillIn(container)
    click(container, '.submit-button')
    await waitFor(() => expect(container.querySelector('.on-behalf-open')).not.toBeNull())
    click(container, '.on-behalf-open')
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packageRep/pages/submission/index?id=${SUBMISSION_ID}` }))
  })
})
