import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { chosenImages, pendingUpload, resetTaroMock, router, storage, uploadTask } from '../../../test/mocks/taro'
import { aSubmission, networkDown, ok, signInAs, STAND_ID, STUDIO_ID, type RequestCall } from '../../../test/fixtures'
import { clearSession } from '../../services/session'
import { SUBMISSION_DRAFT_KEY } from '../../services/submissions'
import SubmitPage from './index'
import { fillIn, submissionPosts, type } from '../../../test/submit-steps'

// jest has no stylesheet transform: the photo picker's CSS is nothing here

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID, standId: STAND_ID }
  signInAs('resident')
})

describe('提意见 form', () => {
  it('keeps the draft on the device while typing, across unmount and remount, and clears it after success', async () => {
    const first = render(<SubmitPage />)
    fillIn(first.container)
    expect(first.container.querySelector('.text-count')?.textContent).toContain('12 / 1000')
    first.unmount()
    expect(String(storage.get(SUBMISSION_DRAFT_KEY))).toContain('老街口的路灯')

    const { container } = render(<SubmitPage />)
    expect((container.querySelector('.textarea-input') as HTMLTextAreaElement).value).toBe('老街口的路灯坏了两个星期')
    expect((container.querySelector('.place-input') as HTMLInputElement).value).toBe('老街口')
    expect(container.querySelectorAll('.category-chip')[1].className).toContain('chip--on')

    Taro.request.mockImplementation((() => ok(aSubmission(), 201)) as never)
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect((Taro.redirectTo.mock.calls[0][0] as { url: string }).url).toContain('/pages/submission/index?id=')
    expect(storage.has(SUBMISSION_DRAFT_KEY)).toBe(false)
    const body = submissionPosts()[0].data as Record<string, unknown>
    expect(body).toMatchObject({ studioId: STUDIO_ID, standId: STAND_ID, category: '道路交通', text: '老街口的路灯坏了两个星期', place: '老街口', public: true })
    expect(body.phone).toBeUndefined()
    expect(body.phoneConsent).toBeUndefined()
    expect(body.urgent).toBeUndefined()
  })

  it('sends 紧急 when switched on, and says what it means', async () => {
    const { container } = render(<SubmitPage />)
    fillIn(container)
    fireEvent.click(container.querySelector('.urgent-switch') as Element)
    expect(container.querySelector('.urgent-switch')?.getAttribute('aria-checked')).toBe('true')
    expect(container.textContent).toContain('2 小时内受理，24 小时内答复')
    Taro.request.mockImplementation((() => ok(aSubmission(), 201)) as never)
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(submissionPosts()).toHaveLength(1))
    expect(submissionPosts()[0].data).toMatchObject({ urgent: true })
  })

  it('on WeChat asks for the reply, progress and rating notices in the submit tap, before sending', async () => {
    process.env.TARO_ENV = 'weapp'
    Object.assign(process.env, { TARO_APP_TEMPLATE_SUBMISSION_REPLIED: 't-replied', TARO_APP_TEMPLATE_SUBMISSION_STATUS: 't-status', TARO_APP_TEMPLATE_RATE_REQUEST: 't-rate' })
    try {
      Taro.requestSubscribeMessage.mockImplementationOnce(() => {
        expect(submissionPosts()).toHaveLength(0) // asked before the submission is sent
        return Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' })
      })
      Taro.request.mockImplementation((() => ok(aSubmission(), 201)) as never)
      const { container } = render(<SubmitPage />)
      fillIn(container)
      fireEvent.click(container.querySelector('.submit-button') as Element)
      await waitFor(() => expect(submissionPosts()).toHaveLength(1)) // declining does not stop it
      expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['t-replied', 't-status', 't-rate'] }))
    } finally {
      for (const key of ['TARO_APP_TEMPLATE_SUBMISSION_REPLIED', 'TARO_APP_TEMPLATE_SUBMISSION_STATUS', 'TARO_APP_TEMPLATE_RATE_REQUEST']) delete process.env[key]
    }
  })

  it('validates with the shared schema before sending', async () => {
    const { container } = render(<SubmitPage />)
    type(container, '.textarea-input', '路灯')
    fireEvent.click(container.querySelector('.submit-button') as Element)
    expect(container.querySelector('.category-error')?.textContent).toBe('请选择类别')
    expect(container.querySelector('.text-error')?.textContent).toBe('请至少写 5 个字，把事情说清楚')
    expect(submissionPosts()).toHaveLength(0)
  })

  it('brings the first red message into view and puts the cursor in its field, as well as the toast', async () => {
    const { container } = render(<SubmitPage />)
    fireEvent.click(container.querySelectorAll('.category-chip')[0] as Element)
    type(container, '.textarea-input', '路灯')
    fireEvent.click(container.querySelector('.submit-button') as Element)
    expect(container.querySelector('.category-error')).toBeNull()
    await waitFor(() => expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '.field-error' })))
    expect(document.activeElement).toBe(container.querySelector('.textarea-input'))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请按红字提示修改' }))
  })

  it('keeps everything after a network failure and retries with the same requestId', async () => {
    const answers = [networkDown, () => ok(aSubmission(), 201)]
    Taro.request.mockImplementation(((call: RequestCall) =>
      call.url.endsWith('/submission-settings') || call.url.endsWith('/grids') ? networkDown() : (answers.shift() as () => Promise<unknown>)()) as never)
    const { container } = render(<SubmitPage />)
    fillIn(container)
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(container.querySelector('.submit-error')?.textContent).toContain('网络不太好'))
    expect((container.querySelector('.textarea-input') as HTMLTextAreaElement).value).toBe('老街口的路灯坏了两个星期')
    expect(container.querySelector('.submit-button')?.textContent).toBe('重新提交')
    expect(String(storage.get(SUBMISSION_DRAFT_KEY))).toContain(String(submissionPosts()[0].data?.requestId))

    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(submissionPosts()).toHaveLength(2)
    expect(submissionPosts()[1].data?.requestId).toBe(submissionPosts()[0].data?.requestId)
    expect(submissionPosts()[1].data).toEqual(submissionPosts()[0].data)
  })

  it('shows the phone field only after the consent tick, and sends it with the consent', async () => {
    const { container } = render(<SubmitPage />)
    expect(container.querySelector('.phone-input')).toBeNull()
    expect(container.querySelector('.phone-consent')?.textContent).toContain('只用于办理这条意见')
    fireEvent.click(container.querySelector('.phone-consent') as Element)
    expect(container.querySelector('.phone-input')).not.toBeNull()

    fillIn(container)
    fireEvent.click(container.querySelector('.submit-button') as Element)
    expect(container.querySelector('.phone-error')?.textContent).toBeTruthy()
    type(container, '.phone-input', '1380000')
    fireEvent.click(container.querySelector('.submit-button') as Element)
    expect(container.querySelector('.phone-error')?.textContent).toBe('请输入 11 位手机号码')

    Taro.request.mockImplementation((() => ok(aSubmission(), 201)) as never)
    type(container, '.phone-input', '13800001111')
    await act(async () => {
      fireEvent.click(container.querySelector('.submit-button') as Element)
    })
    await waitFor(() => expect(submissionPosts()).toHaveLength(1))
    expect(submissionPosts()[0].data).toMatchObject({ phone: '13800001111', phoneConsent: true })

  })

  it('unticking the consent hides and forgets the phone number', () => {
    const { container } = render(<SubmitPage />)
    fireEvent.click(container.querySelector('.phone-consent') as Element)
    type(container, '.phone-input', '13800001111')
    fireEvent.click(container.querySelector('.phone-consent') as Element)
    expect(container.querySelector('.phone-input')).toBeNull()
    expect(String(storage.get(SUBMISSION_DRAFT_KEY))).not.toContain('13800001111')
  })

  it('shows the API’s field error for risky content and lets the person edit', async () => {
    Taro.request.mockImplementation((() =>
      Promise.resolve({ statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '内容需要修改', fields: { text: '请不要写别人的身份证号、手机号等个人信息' } } } })) as never)
    const { container } = render(<SubmitPage />)
    fillIn(container)
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(container.querySelector('.text-error')?.textContent).toContain('个人信息'))
    expect(container.querySelector('.submit-button')?.textContent).toBe('提交意见')
    expect(String(storage.get(SUBMISSION_DRAFT_KEY))).not.toContain('requestId')
  })

  it('shows the studio’s own categories and, under the chosen one, how soon it is answered', async () => {
    Taro.request.mockImplementation(((call: RequestCall) =>
      call.url.endsWith(`/studios/${STUDIO_ID}/submission-settings`)
        ? ok({ categories: [{ name: '河道整治', acceptDays: 1, replyDays: 3 }, { name: '其他', acceptDays: 2, replyDays: 10 }], holidays: [], workdays: [] })
        : ok(aSubmission(), 201)) as never)
    const { container } = render(<SubmitPage />)
    await waitFor(() => expect(Array.from(container.querySelectorAll('.category-chip')).map((c) => c.textContent)).toEqual(['河道整治', '其他']))
    const settingsCall = Taro.request.mock.calls.map((c) => c[0] as RequestCall).find((c) => c.url.endsWith('/submission-settings'))
    expect(settingsCall?.header?.Authorization).toBeUndefined() // public: no sign-in needed
    expect(container.querySelector('.category-limit')).toBeNull()
    fireEvent.click(container.querySelectorAll('.category-chip')[0] as Element)
    expect(container.querySelector('.category-limit')?.textContent).toContain('一般 3 个工作日内答复')
    fireEvent.click(container.querySelectorAll('.category-chip')[1] as Element)
    expect(container.querySelector('.category-limit')?.textContent).toContain('一般 10 个工作日内答复')
  })

  it('falls back to the default categories when the studio’s list cannot be loaded', async () => {
    Taro.request.mockImplementation((() => networkDown()) as never)
    const { container } = render(<SubmitPage />)
    await waitFor(() => expect(Taro.request).toHaveBeenCalled())
    expect(Array.from(container.querySelectorAll('.category-chip')).map((c) => c.textContent)).toEqual(['环境卫生', '道路交通', '治安安全', '民生服务', '邻里纠纷', '其他'])
    fireEvent.click(container.querySelectorAll('.category-chip')[0] as Element)
    expect(container.querySelector('.category-limit')).toBeNull()
  })
})

/* ---------- photos ---------- */

const PHOTO_KEY = 'photos/01JD00000000000000000000R1/01JD00000000000000000000P1.jpg'
const PHOTO_KEY_2 = 'photos/01JD00000000000000000000R1/01JD00000000000000000000P2.jpg'
const signedForm = (key: string) => ({
  key,
  url: 'http://127.0.0.1:4569/lianxin-photos',
  fields: { key, 'Content-Type': 'image/jpeg', 'X-Amz-Signature': 'abc' },
  maxBytes: 5 * 1024 * 1024,
  expiresAt: '2099-11-20T01:05:00.000Z',
})
const photoFile = (name: string) => ({ path: `wxfile://tmp_${name}.jpg`, size: 180_000 })
const savedDraft = () => JSON.parse(String(storage.get(SUBMISSION_DRAFT_KEY) ?? '{}')) as { photos?: Array<{ key: string; preview: string }>; requestId?: string }

/** The API: signed forms (one key after another), the submission, and no studio settings (default categories). */
function api(keys: string[], submission: () => Promise<unknown> = () => ok(aSubmission(), 201)) {
  Taro.request.mockImplementation(((call: RequestCall) => {
    if (call.url.endsWith('/photo-uploads')) return ok(signedForm(keys.shift() as string), 201)
    if (call.url.endsWith('/submissions')) return submission()
    return networkDown()
  }) as never)
}

async function addPhotos(container: HTMLElement, ...names: string[]) {
  Taro.chooseMedia.mockResolvedValueOnce(chosenImages(names.map(photoFile)))
  await act(async () => {
    fireEvent.click(container.querySelector('.photo-add') as Element)
  })
}

describe('提意见 form: photos', () => {
  it('has an optional 照片 section under the place, with the add tile', () => {
    const { container } = render(<SubmitPage />)
    expect(container.textContent).toContain('照片（可以不传）')
    expect(container.querySelector('.photo-add')?.textContent).toContain('添加照片（最多 3 张，可不传）')
    const text = container.textContent ?? ''
    expect(text.indexOf('地点（可以不填）')).toBeLessThan(text.indexOf('照片（可以不传）'))
  })

  it('sends the uploaded photos’ keys with the submission, keeps them in the draft meanwhile, and clears it after', async () => {
    api([PHOTO_KEY, PHOTO_KEY_2])
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 }), [50, 100]))
    const { container } = render(<SubmitPage />)
    fillIn(container)
    await addPhotos(container, 'a', 'b')
    await waitFor(() => expect(container.querySelectorAll('.photo-tile.photo-tile--done')).toHaveLength(2))
    expect(savedDraft().photos).toEqual([
      { key: PHOTO_KEY, preview: 'wxfile://tmp_a.jpg' },
      { key: PHOTO_KEY_2, preview: 'wxfile://tmp_b.jpg' },
    ])

    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(submissionPosts()[0].data).toMatchObject({ category: '道路交通', text: '老街口的路灯坏了两个星期', photos: [PHOTO_KEY, PHOTO_KEY_2] })
    expect(storage.has(SUBMISSION_DRAFT_KEY)).toBe(false)
  })

  it('sends no photos field without photos', async () => {
    api([])
    const { container } = render(<SubmitPage />)
    fillIn(container)
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(submissionPosts()).toHaveLength(1))
    expect('photos' in (submissionPosts()[0].data as object)).toBe(false)
  })

  it('sends nothing while a photo is still uploading, says so, and sends once it is up', async () => {
    api([PHOTO_KEY])
    const upload = pendingUpload()
    Taro.uploadFile.mockReturnValueOnce(upload.task)
    const { container } = render(<SubmitPage />)
    fillIn(container)
    await addPhotos(container, 'a')
    await waitFor(() => expect(Taro.uploadFile).toHaveBeenCalled())
    act(() => upload.report(45))
    expect(container.querySelector('.photo-progress')?.textContent).toBe('上传中 45%')
    expect(savedDraft().photos).toBeUndefined() // not uploaded yet: not kept

    fireEvent.click(container.querySelector('.submit-button') as Element)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '照片还在上传，请稍等' }))
    expect(container.querySelector('.photos-error')?.textContent).toBe('照片还在上传，请稍等')
    await act(async () => undefined)
    expect(submissionPosts()).toHaveLength(0)

    await act(async () => {
      upload.finish(204)
    })
    await waitFor(() => expect(container.querySelector('.photo-tile--done')).not.toBeNull())
    expect(container.querySelector('.photos-error')).toBeNull()
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(submissionPosts()).toHaveLength(1))
    expect(submissionPosts()[0].data?.photos).toEqual([PHOTO_KEY])
  })

  it('a failed photo must be retried or removed before sending', async () => {
    api([PHOTO_KEY])
    Taro.uploadFile.mockReturnValueOnce(uploadTask(Promise.reject({ errMsg: 'uploadFile:fail timeout' })))
    const { container } = render(<SubmitPage />)
    fillIn(container)
    await addPhotos(container, 'a')
    await waitFor(() => expect(container.querySelector('.photo-tile--failed .photo-retry')).not.toBeNull())
    fireEvent.click(container.querySelector('.submit-button') as Element)
    expect(container.querySelector('.photos-error')?.textContent).toContain('重试')
    await act(async () => undefined)
    expect(submissionPosts()).toHaveLength(0)

    fireEvent.click(container.querySelector('.photo-remove') as Element)
    expect(container.querySelector('.photos-error')).toBeNull()
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(submissionPosts()).toHaveLength(1))
    expect('photos' in (submissionPosts()[0].data as object)).toBe(false)
  })

  it('keeps uploaded photos in the draft across closing and reopening; a preview that no longer loads shows 照片已上传', async () => {
    api([PHOTO_KEY])
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 })))
    const first = render(<SubmitPage />)
    fillIn(first.container)
    await addPhotos(first.container, 'a')
    await waitFor(() => expect(first.container.querySelector('.photo-tile--done')).not.toBeNull())
    first.unmount()

    const { container } = render(<SubmitPage />)
    expect(container.querySelectorAll('.photo-tile.photo-tile--done')).toHaveLength(1)
    expect((container.querySelector('.photo-tile img') as HTMLImageElement).src).toBe('wxfile://tmp_a.jpg')
    fireEvent.error(container.querySelector('.photo-tile img') as Element)
    expect(container.querySelector('.photo-tile-placeholder')?.textContent).toContain('照片已上传')

    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(submissionPosts()).toHaveLength(1))
    expect(submissionPosts()[0].data?.photos).toEqual([PHOTO_KEY])
    expect(Taro.request.mock.calls.filter((c) => (c[0] as RequestCall).url.endsWith('/photo-uploads'))).toHaveLength(1)
  })

  it('removing an uploaded photo takes it out of the draft', async () => {
    api([PHOTO_KEY])
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 })))
    const { container } = render(<SubmitPage />)
    await addPhotos(container, 'a')
    await waitFor(() => expect(savedDraft().photos).toHaveLength(1))
    await act(async () => {
      fireEvent.click(container.querySelector('.photo-remove') as Element)
    })
    expect(container.querySelector('.photo-tile')).toBeNull()
    expect(savedDraft().photos).toBeUndefined()
  })

  it('a retry after a network failure carries the same photos, and the photos cannot change meanwhile', async () => {
    const answers = [networkDown, () => ok(aSubmission(), 201)]
    api([PHOTO_KEY], () => (answers.shift() as () => Promise<unknown>)())
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 })))
    const { container } = render(<SubmitPage />)
    fillIn(container)
    await addPhotos(container, 'a')
    await waitFor(() => expect(container.querySelector('.photo-tile--done')).not.toBeNull())
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(container.querySelector('.submit-button')?.textContent).toBe('重新提交'))
    expect(container.querySelector('.photo-add')).toBeNull()
    expect(container.querySelector('.photo-remove')).toBeNull()
    expect(savedDraft()).toMatchObject({ requestId: submissionPosts()[0].data?.requestId, photos: [{ key: PHOTO_KEY }] })

    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(submissionPosts()).toHaveLength(2)
    expect(submissionPosts()[1].data).toEqual(submissionPosts()[0].data)
    expect(submissionPosts()[1].data?.photos).toEqual([PHOTO_KEY])
  })

  it('shows the API’s photo message in the photo section and keeps everything else', async () => {
    api([PHOTO_KEY], () =>
      Promise.resolve({ statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '内容需要修改', fields: { photos: '第 1 张照片还没有上传完成，请重新添加' } } } }))
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 })))
    const { container } = render(<SubmitPage />)
    fillIn(container)
    await addPhotos(container, 'a')
    await waitFor(() => expect(container.querySelector('.photo-tile--done')).not.toBeNull())
    fireEvent.click(container.querySelector('.submit-button') as Element)
    await waitFor(() => expect(container.querySelector('.photos-error')?.textContent).toBe('第 1 张照片还没有上传完成，请重新添加'))
    expect((container.querySelector('.textarea-input') as HTMLTextAreaElement).value).toBe('老街口的路灯坏了两个星期')
    expect(container.querySelector('.photo-tile--done')).not.toBeNull()
    expect(container.querySelector('.photo-remove')).not.toBeNull() // the answer was a no: the form is editable again
    expect(savedDraft().requestId).toBeUndefined()
    expect(savedDraft().photos).toEqual([{ key: PHOTO_KEY, preview: 'wxfile://tmp_a.jpg' }])

    // removing the photo answers it
    await act(async () => {
      fireEvent.click(container.querySelector('.photo-remove') as Element)
    })
    expect(container.querySelector('.photos-error')).toBeNull()
  })

  it('on H5 a person not signed in is sent to sign in before choosing photos', () => {
    clearSession()
    const { container } = render(<SubmitPage />)
    fireEvent.click(container.querySelector('.photo-add') as Element)
    expect(Taro.chooseMedia).not.toHaveBeenCalled()
    expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/login/index' }))
  })
})
