import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { SimilarResponse } from '@shared/schemas/submission'
import Taro, { resetTaroMock, router, storage } from '../../../test/mocks/taro'
import { apiError, ok, signInAs, STAND_ID, STUDIO_ID, type RequestCall } from '../../../test/fixtures'
import { clearSession } from '../../services/session'
import { SUBMISSION_DRAFT_KEY } from '../../services/submissions'
import SubmitPage from './index'

const LAMP = '01JD00000000000000000000L1'
const similar: SimilarResponse = {
  items: [{ id: LAMP, category: '道路交通', text: '菜市场门口的路灯坏了，电话 138****8000', status: 'accepted', date: '2099-11-10', seconds: 2, secondedByMe: false }],
}

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const similarCalls = () => calls().filter((c) => c.url.includes('/similar-submissions'))

function type(container: HTMLElement, value: string) {
  fireEvent.change(container.querySelector('.text-input.textarea-input') as Element, { target: { value } })
}

let secondAnswer: () => Promise<unknown>

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID, standId: STAND_ID }
  signInAs('resident')
  secondAnswer = () => ok({ submissionId: LAMP, seconds: 3, secondedByMe: true })
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url, method } = args[0] as RequestCall
    if (url.includes(`/studios/${STUDIO_ID}/similar-submissions`)) return ok(similar)
    if (url.endsWith(`/submissions/${LAMP}/seconds`) && method === 'POST') return secondAnswer()
    if (url.endsWith('/submission-settings')) return ok({ categories: [{ name: '环境卫生', acceptDays: 1, replyDays: 10 }, { name: '道路交通', acceptDays: 1, replyDays: 10 }], holidays: [], workdays: [] })
    return Promise.reject(new Error(`unexpected ${method} ${url}`))
  }) as never)
})

describe('提意见: 这些事已经有人反映过', () => {
  it('asks once the text says enough, after typing stops, and shows the matter with its 附议 count', async () => {
    const { container } = render(<SubmitPage />)
    type(container, '路灯坏了')
    await act(() => new Promise((r) => setTimeout(r, 1000)))
    expect(similarCalls()).toHaveLength(0) // too short to compare
    type(container, '菜场门口路灯不亮了')
    type(container, '菜场门口路灯不亮了好几天，晚上看不见路')
    await waitFor(() => expect(container.textContent).toContain('这些事已经有人反映过'), { timeout: 3000 })
    expect(similarCalls()).toHaveLength(1) // the keys typed quickly asked once
    expect(similarCalls()[0]!.url).toContain(encodeURIComponent('菜场门口路灯不亮了好几天，晚上看不见路').slice(0, 20))
    expect(container.textContent).toContain('138****8000')
    expect(container.textContent).toContain('2 位居民也反映了这件事')
    expect(container.textContent).toContain('附议：我也遇到了这件事')
    // the form is untouched: one may still submit
    expect(container.querySelector('.submit-button')?.textContent).toContain('提交意见')
  })

  it('附议 counts the resident in, says so, and offers to stop there (the draft is cleared)', async () => {
    const { container } = render(<SubmitPage />)
    type(container, '菜场门口路灯不亮了好几天，晚上看不见路')
    await waitFor(() => expect(container.querySelector('.second-button')).not.toBeNull(), { timeout: 3000 })
    fireEvent.click(container.querySelector('.second-button') as Element)
    await waitFor(() => expect(container.textContent).toContain('✓ 已附议'))
    expect(container.textContent).toContain('3 位居民也反映了这件事')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已附议，共有 3 位居民反映了这件事；有进展会通知您' }))
    expect(calls().filter((c) => c.method === 'POST' && c.url.endsWith('/submissions'))).toHaveLength(0)

    fireEvent.click(container.querySelector('.similar-stop') as Element)
    await waitFor(() => expect((container.querySelector('.textarea-input') as HTMLTextAreaElement).value).toBe(''))
    expect(storage.has(SUBMISSION_DRAFT_KEY)).toBe(false)
  })

  it('a refused 附议 (closed meanwhile) says why and keeps the button', async () => {
    secondAnswer = () => apiError(409, 'CONFLICT', '这件事刚刚办结，不能再附议了；如有新情况请另行提交')
    const { container } = render(<SubmitPage />)
    type(container, '菜场门口路灯不亮了好几天，晚上看不见路')
    await waitFor(() => expect(container.querySelector('.second-button')).not.toBeNull(), { timeout: 3000 })
    fireEvent.click(container.querySelector('.second-button') as Element)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这件事刚刚办结，不能再附议了；如有新情况请另行提交' })))
    expect(container.textContent).toContain('附议：我也遇到了这件事')
    expect((container.querySelector('.textarea-input') as HTMLTextAreaElement).value).toContain('路灯')
  })

  it('asks nothing for someone not signed in on H5', async () => {
    clearSession()
    const { container } = render(<SubmitPage />)
    type(container, '菜场门口路灯不亮了好几天，晚上看不见路')
    await act(() => new Promise((r) => setTimeout(r, 1200)))
    expect(similarCalls()).toHaveLength(0)
    expect(container.textContent).not.toContain('这些事已经有人反映过')
  })
})
