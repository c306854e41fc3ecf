import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { FUTURE, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import { aProject, aResource, HOSPITAL, PROJECT_ID, TOWN_ID } from '../../../../test/alliance-fixtures'
import { saveSession } from '../../../services/session'
import MyUnitPage from './index'

const calls = (method: string) => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => (c.method ?? 'GET') === method)
const hospital = { id: HOSPITAL, townId: TOWN_ID, name: '洛社镇卫生院', kind: 'hospital', kindLabel: '医院 / 卫生院', intro: '每月两次义诊', active: true, createdAt: FUTURE, version: 2 }

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U8', displayName: '周丽萍', role: 'unit_liaison', townId: TOWN_ID, departmentId: HOSPITAL } })
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.endsWith('/unit-signature')) return ok(aProject({ unitSignature: { name: '周丽萍', at: FUTURE } }))
    if (req.method === 'PUT' && req.url.includes('/resources/')) return ok(aResource({ active: false, version: 2 }))
    if (req.method === 'PUT') return ok({ ...hospital, ...req.data, version: 3 })
    if (req.method === 'POST' && req.url.endsWith('/resources')) return ok(aResource({ id: '01JD00000000000000000000R9', title: String(req.data?.title) }), 201)
    if (req.url.includes('/resources')) return ok({ resources: [aResource()] })
    if (req.url.includes('/projects')) return ok({ projects: [aProject()] })
    return ok(hospital)
  }) as never)
})

describe('成员单位 (a unit’s liaison)', () => {
  it('shows the unit, its resources and its projects; signs for the unit', async () => {
    const { container } = render(<MyUnitPage />)
    await waitFor(() => expect(container.querySelector('.my-unit-card .unit-name')?.textContent).toBe('洛社镇卫生院'))
    expect(container.querySelector('.resource-title')?.textContent).toBe('义诊')
    expect(container.querySelector('.project-unit-signature')?.textContent).toBe('单位：待签字')
    fireEvent.click(container.querySelector('.project-sign-unit') as Element)
    await waitFor(() => expect(calls('POST')[0]!.url).toBe(`http://127.0.0.1:3000/towns/${TOWN_ID}/projects/${PROJECT_ID}/unit-signature`))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已签字' })))
  })

  it('adds a resource after checking its fields, and withdraws one with the version it read', async () => {
    const { container } = render(<MyUnitPage />)
    await waitFor(() => expect(container.querySelector('.resource-add')).not.toBeNull())
    fireEvent.click(container.querySelector('.resource-add') as Element)
    expect(container.querySelector('.resource-title-error')?.textContent).toBe('请填写资源名称')
    expect(container.querySelector('.resource-kind-error')?.textContent).toBe('请选择类别')
    expect(calls('POST')).toHaveLength(0)
    fireEvent.input(container.querySelector('.resource-title-input') as Element, { target: { value: '健康讲座' } })
    fireEvent.click(Array.from(container.querySelectorAll('.resource-kind-chip')).find((c) => c.textContent === '服务') as Element)
    fireEvent.input(container.querySelector('.resource-amount-input') as Element, { target: { value: '每季度一次' } })
    fireEvent.click(container.querySelector('.resource-add') as Element)
    await waitFor(() => expect(calls('POST')[0]).toMatchObject({ url: `http://127.0.0.1:3000/towns/${TOWN_ID}/units/${HOSPITAL}/resources`, data: { title: '健康讲座', kind: 'service', amount: '每季度一次' } }))

    fireEvent.click(container.querySelector('.resource-withdraw') as Element)
    await waitFor(() => expect(calls('PUT')[0]).toMatchObject({ url: expect.stringContaining(`/units/${HOSPITAL}/resources/${aResource().id}`), data: { active: false, version: 1, title: '义诊' } }))
  })

  it('edits the unit’s profile', async () => {
    const { container } = render(<MyUnitPage />)
    await waitFor(() => expect(container.querySelector('.unit-edit')).not.toBeNull())
    fireEvent.click(container.querySelector('.unit-edit') as Element)
    await waitFor(() => expect(container.querySelector('.unit-form')).not.toBeNull())
    fireEvent.input(container.querySelector('.unit-intro-input') as Element, { target: { value: '每周一次义诊' } })
    fireEvent.click(container.querySelector('.unit-save') as Element)
    await waitFor(() => expect(calls('PUT')[0]).toMatchObject({ url: `http://127.0.0.1:3000/towns/${TOWN_ID}/units/${HOSPITAL}`, data: { name: '洛社镇卫生院', intro: '每周一次义诊', version: 2 } }))
  })

  it('is for unit liaisons only', () => {
    signInAs('admin')
    const { container } = render(<MyUnitPage />)
    expect(container.querySelector('.no-unit-access')?.textContent).toContain('这里是成员单位联络员的页面。')
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
