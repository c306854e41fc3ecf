import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { FUTURE, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import { aNeed, aProject, aResource, HOSPITAL, NEED_ID, PROJECT_ID, SCHOOL, TOWN_ID } from '../../../../test/alliance-fixtures'
import { saveSession } from '../../../services/session'
import AllianceListsPage from './index'

const calls = (method: string) => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => (c.method ?? 'GET') === method)
const school = aResource({ id: '01JD00000000000000000000R4', unitId: SCHOOL, unitName: '洛社中心小学', title: '教师志愿者', kind: 'volunteers', kindLabel: '志愿者' })

function answer() {
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.includes('/matches')) return ok({ need: aNeed(), matches: [{ resource: aResource(), sameKind: true, sharedWords: ['健康'] }, { resource: school, sameKind: false, sharedWords: [] }] })
    if (req.url.endsWith('/projects') && req.method === 'POST') return ok(aProject(), 201)
    if (req.url.endsWith('/progress')) return ok(aProject({ status: 'in_progress', statusLabel: '进行中' }))
    if (req.url.includes('/resources')) return ok({ resources: [aResource(), school] })
    if (req.url.includes('/needs')) return ok({ needs: [aNeed(), aNeed({ id: '01JD00000000000000000000E2', title: '暑期孩子看护', status: 'matched', statusLabel: '已对接' })] })
    return ok({ projects: [aProject({ status: 'signed', statusLabel: '已签约', unitSignature: { name: '周丽萍', at: FUTURE }, studioSignature: { name: '赵敏', at: FUTURE } }), aProject({ id: '01JD00000000000000000000P2', unitId: SCHOOL, unitName: '洛社中心小学' })] })
  }) as never)
}

const asTownAdmin = () => saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U9', displayName: '吴卫东', role: 'town_admin', townId: TOWN_ID } })
const asHospitalLiaison = () => saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U8', displayName: '周丽萍', role: 'unit_liaison', townId: TOWN_ID, departmentId: HOSPITAL } })
const tab = (container: HTMLElement, label: string) => fireEvent.click(Array.from(container.querySelectorAll('.alliance-tab')).find((t) => t.textContent === label) as Element)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  answer()
})

describe('三张清单', () => {
  it('matches an open need with the town’s resources, then makes a project after checking its fields', async () => {
    asTownAdmin()
    const { container } = render(<AllianceListsPage />)
    await waitFor(() => expect(container.querySelectorAll('.need-card')).toHaveLength(2))
    expect(container.querySelectorAll('.need-match')).toHaveLength(1)
    fireEvent.click(container.querySelector('.need-match') as Element)
    await waitFor(() => expect(container.querySelectorAll('.match-card')).toHaveLength(2))
    expect(container.querySelector('.match-why')?.textContent).toBe('同类资源 · 共同词：健康')
    expect(calls('GET').some((c) => c.url.endsWith(`/towns/${TOWN_ID}/needs/${NEED_ID}/matches`))).toBe(true)

    fireEvent.click(container.querySelector('.match-make-project') as Element)
    await waitFor(() => expect(container.querySelector('.project-sheet')).not.toBeNull())
    fireEvent.input(container.querySelector('.project-start-input') as Element, { target: { value: '2099-03-01' } })
    fireEvent.input(container.querySelector('.project-end-input') as Element, { target: { value: '2099-02-01' } })
    fireEvent.click(container.querySelector('.project-create') as Element)
    expect(container.querySelector('.project-owner-error')?.textContent).toBe('请填写负责人')
    expect(container.querySelector('.project-end-error')?.textContent).toBe('结束日期不能早于开始日期')
    expect(calls('POST')).toHaveLength(0)
    fireEvent.input(container.querySelector('.project-owner-input') as Element, { target: { value: '周丽萍' } })
    fireEvent.input(container.querySelector('.project-end-input') as Element, { target: { value: '2099-06-30' } })
    fireEvent.click(container.querySelector('.project-create') as Element)
    await waitFor(() => expect(calls('POST')).toHaveLength(1))
    expect(calls('POST')[0]).toMatchObject({ url: `http://127.0.0.1:3000/towns/${TOWN_ID}/projects`, data: { needId: NEED_ID, unitId: HOSPITAL, resourceId: aResource().id, owner: '周丽萍', startDate: '2099-03-01', endDate: '2099-06-30' } })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已生成项目，等双方签字' })))
  })

  it('lets a unit’s liaison make projects only from their own unit’s resources', async () => {
    asHospitalLiaison()
    const { container } = render(<AllianceListsPage />)
    await waitFor(() => expect(container.querySelector('.need-match')).not.toBeNull())
    fireEvent.click(container.querySelector('.need-match') as Element)
    await waitFor(() => expect(container.querySelectorAll('.match-card')).toHaveLength(2))
    expect(Array.from(container.querySelectorAll('.match-card')).map((m) => Boolean(m.querySelector('.match-make-project')))).toEqual([true, false])
  })

  it('shows the town’s resources and projects with both signatures; the admin starts a signed one', async () => {
    asTownAdmin()
    const { container } = render(<AllianceListsPage />)
    await waitFor(() => expect(container.querySelector('.need-card')).not.toBeNull())
    tab(container, '资源清单')
    await waitFor(() => expect(container.querySelectorAll('.resource-card')).toHaveLength(2))
    expect(container.querySelector('.resource-meta')?.textContent).toBe('洛社镇卫生院 · 服务 · 每月两次')
    tab(container, '项目清单')
    await waitFor(() => expect(container.querySelectorAll('.project-card')).toHaveLength(2))
    expect(container.querySelector('.project-unit-signature')?.textContent).toBe('单位：周丽萍 已签字')
    expect(container.querySelectorAll('.project-studio-signature')[1]!.textContent).toBe('社区：待签字')
    expect(container.querySelectorAll('.project-sign-unit')).toHaveLength(0)
    fireEvent.click(container.querySelector('.project-start') as Element)
    await waitFor(() => expect(calls('POST')[0]).toMatchObject({ url: expect.stringContaining(`/projects/${PROJECT_ID}/progress`), data: { status: 'in_progress' } }))
  })

  it('is for the town’s people only', () => {
    signInAs('representative')
    const { container } = render(<AllianceListsPage />)
    expect(container.querySelector('.no-town-access')?.textContent).toContain('三张清单对镇街管理员和成员单位联络员开放。')
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
