import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import { CHENGGUAN, departments } from '../../../../test/department-fixtures'
import DepartmentsPage from './index'

const sent = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method !== 'GET')
const click = (el: Element | null) => fireEvent.click(el as Element)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('admin')
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.endsWith('/invites')) return ok({ code: 'ACDE-FGHJ', role: 'liaison', studioId: STUDIO_ID, departmentId: CHENGGUAN, expiresAt: '2099-01-01T00:00:00.000Z' }, 201)
    if (req.method === 'POST') return ok({ id: '01JD00000000000000000000D3', name: '市场监管所', active: true }, 201)
    if (req.method === 'PATCH') return ok({ ...departments()[0], active: false })
    // the town's member units come in the same list; they are the town's, not the studio's to keep
    return ok({ departments: [...departments(), { id: '01JD00000000000000000000N1', name: '洛社镇卫生院', active: true, memberUnit: true }] })
  }) as never)
})

describe('部门与联络员', () => {
  it('lists the studio’s own departments (not the town’s member units), the retired one marked, and refuses a name too short before sending', async () => {
    const { container } = render(<DepartmentsPage />)
    await waitFor(() => expect(container.querySelectorAll('.department-row')).toHaveLength(2))
    expect([...container.querySelectorAll('.department-row-name')].map((e) => e.textContent)).toEqual(['城管办', '环卫所（已停用）'])
    fireEvent.change(container.querySelector('.department-name') as Element, { target: { value: '所' } })
    click(container.querySelector('.department-add'))
    expect(container.querySelector('.department-name-error')?.textContent).toBe('部门名称至少 2 个字')
    expect(sent()).toHaveLength(0)
    fireEvent.change(container.querySelector('.department-name') as Element, { target: { value: '市场监管所' } })
    click(container.querySelector('.department-add'))
    await waitFor(() => expect(sent()).toHaveLength(1))
    expect(sent()[0]).toMatchObject({ method: 'POST', url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/departments`, data: { name: '市场监管所' } })
  })

  it('invites a liaison for a department and shows the code', async () => {
    const { container } = render(<DepartmentsPage />)
    await waitFor(() => expect(container.querySelector('.department-invite')).not.toBeNull())
    click(container.querySelector('.department-invite'))
    await waitFor(() => expect(container.querySelector('.department-invite-code')?.textContent).toContain('ACDE-FGHJ'))
    expect(sent()[0]).toMatchObject({ method: 'POST', data: { role: 'liaison', departmentId: CHENGGUAN, validHours: 72 } })
  })

  it('retires a department', async () => {
    const { container } = render(<DepartmentsPage />)
    await waitFor(() => expect(container.querySelector('.department-toggle')).not.toBeNull())
    click(container.querySelector('.department-toggle'))
    await waitFor(() => expect(sent()).toHaveLength(1))
    expect(sent()[0]).toMatchObject({ method: 'PATCH', url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/departments/${CHENGGUAN}`, data: { active: false } })
  })

  it('is for admins only', async () => {
    signInAs('representative')
    const { container } = render(<DepartmentsPage />)
    expect(container.querySelector('.no-admin-access')).not.toBeNull()
  })
})
