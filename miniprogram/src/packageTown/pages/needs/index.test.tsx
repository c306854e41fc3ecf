import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { FUTURE, networkDown, ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { aNeed, aProject, NEED_ID, PROJECT_ID } from '../../../../test/alliance-fixtures'
import StudioNeedsPage from './index'

const calls = (method: string) => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => (c.method ?? 'GET') === method)

function answer(onFile: () => Promise<unknown> = () => ok(aNeed({ id: '01JD00000000000000000000E7', title: '楼道照明维修' }), 201)) {
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.endsWith('/signature')) return ok(aProject({ studioSignature: { name: '王志强', at: FUTURE } }))
    if (req.url.endsWith('/withdraw')) return ok(aNeed({ status: 'withdrawn', statusLabel: '已撤回' }))
    if (req.method === 'POST') return onFile()
    if (req.url.includes('/projects')) return ok({ projects: [aProject(), aProject({ id: '01JD00000000000000000000P2', status: 'signed', statusLabel: '已签约', unitSignature: { name: '周丽萍', at: FUTURE }, studioSignature: { name: '赵敏', at: FUTURE } })] })
    return ok({ needs: [aNeed(), aNeed({ id: '01JD00000000000000000000E2', status: 'matched', statusLabel: '已对接' })] })
  }) as never)
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('representative')
  answer()
})

describe('需求清单 (a studio’s representatives and admin)', () => {
  it('lists the studio’s needs and its projects; signs for the community where it has not yet', async () => {
    const { container } = render(<StudioNeedsPage />)
    await waitFor(() => expect(container.querySelectorAll('.need-card')).toHaveLength(2))
    expect(calls('GET').map((c) => c.url)).toEqual(expect.arrayContaining([expect.stringContaining(`/studios/${STUDIO_ID}/needs`), expect.stringContaining(`/studios/${STUDIO_ID}/projects`)]))
    expect(container.querySelectorAll('.project-sign-studio')).toHaveLength(1)
    expect(container.querySelectorAll('.need-withdraw')).toHaveLength(1)
    fireEvent.click(container.querySelector('.project-sign-studio') as Element)
    await waitFor(() => expect(calls('POST')[0]!.url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/projects/${PROJECT_ID}/signature`))
    fireEvent.click(container.querySelector('.need-withdraw') as Element)
    await waitFor(() => expect(calls('POST').some((c) => c.url.endsWith(`/needs/${NEED_ID}/withdraw`))).toBe(true))
  })

  it('files a need after checking it; keeps what was typed when the network drops', async () => {
    answer(() => networkDown())
    const { container } = render(<StudioNeedsPage />)
    await waitFor(() => expect(container.querySelector('.need-file')).not.toBeNull())
    fireEvent.input(container.querySelector('.need-wanted-by-input') as Element, { target: { value: '下个月' } })
    fireEvent.click(container.querySelector('.need-file') as Element)
    expect(container.querySelector('.need-title-error')?.textContent).toBe('请填写需求名称')
    expect(container.querySelector('.need-kind-error')?.textContent).toBe('请选择类别')
    expect(container.querySelector('.need-wanted-by-error')?.textContent).toBe('希望完成日期格式应为 年-月-日')
    expect(calls('POST')).toHaveLength(0)
    fireEvent.input(container.querySelector('.need-title-input') as Element, { target: { value: '楼道照明维修' } })
    fireEvent.click(Array.from(container.querySelectorAll('.need-kind-chip')).find((c) => c.textContent === '资金物资') as Element)
    fireEvent.input(container.querySelector('.need-wanted-by-input') as Element, { target: { value: '' } })
    fireEvent.click(container.querySelector('.need-file') as Element)
    await waitFor(() => expect(calls('POST')).toHaveLength(1))
    expect(calls('POST')[0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/needs`, data: { title: '楼道照明维修', kind: 'goods' } })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled())
    expect((container.querySelector('.need-title-input') as HTMLInputElement).value).toBe('楼道照明维修')
  })

  it('shows the server’s reason under its field', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => {
      if (req.method === 'POST') return Promise.resolve({ statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', fields: { wantedBy: '希望完成日期不能早于今天' } } } })
      return ok(req.url.includes('/projects') ? { projects: [] } : { needs: [] })
    }) as never)
    const { container } = render(<StudioNeedsPage />)
    await waitFor(() => expect(container.querySelector('.need-file')).not.toBeNull())
    fireEvent.input(container.querySelector('.need-title-input') as Element, { target: { value: '老人量血压' } })
    fireEvent.click(Array.from(container.querySelectorAll('.need-kind-chip')).find((c) => c.textContent === '服务') as Element)
    fireEvent.input(container.querySelector('.need-wanted-by-input') as Element, { target: { value: '2000-01-01' } })
    fireEvent.click(container.querySelector('.need-file') as Element)
    await waitFor(() => expect(container.querySelector('.need-wanted-by-error')?.textContent).toBe('希望完成日期不能早于今天'))
  })

  it('is for the studio’s representatives and admin', () => {
    signInAs('staff')
    const { container } = render(<StudioNeedsPage />)
    expect(container.querySelector('.no-needs-access')?.textContent).toContain('需求清单由工作室的党代表和管理员登记。')
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
