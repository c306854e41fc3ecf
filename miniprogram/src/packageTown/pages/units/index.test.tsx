import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { apiError, FUTURE, ok, signInAs, type RequestCall } from '../../../../test/fixtures'
import { saveSession } from '../../../services/session'
import TownUnitsPage from './index'

const TOWN_ID = '01JD00000000000000000000W1'
const HOSPITAL = '01JD00000000000000000000N1'
const unit = (id: string, name: string, active = true) => ({ id, townId: TOWN_ID, name, kind: 'hospital', kindLabel: '医院 / 卫生院', intro: '每月两次义诊', contactName: '周丽萍', contactPhone: '0510-83310120', active, createdAt: FUTURE, version: 3 })
const calls = (method: string) => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => (c.method ?? 'GET') === method)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U9', displayName: '吴卫东', role: 'town_admin', townId: TOWN_ID } })
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.url.endsWith('/invites')) return ok({ code: 'ACDEFGH3', expiresAt: '2099-01-04T00:00:00.000Z', unitName: '洛社镇卫生院' }, 201)
    if (req.url.endsWith('/retire')) return ok({ ...unit(HOSPITAL, '洛社镇卫生院', false) })
    if (req.method === 'POST') return ok(unit('01JD00000000000000000000N3', String(req.data?.name)), 201)
    if (req.method === 'PUT') return ok({ ...unit(HOSPITAL, String(req.data?.name)), version: 4 })
    return ok({ units: [unit(HOSPITAL, '洛社镇卫生院'), unit('01JD00000000000000000000N2', '老供销社', false)] })
  }) as never)
})

describe('成员单位 (the town admin)', () => {
  it('lists the town’s units, the retired ones marked and without actions', async () => {
    const { container } = render(<TownUnitsPage />)
    await waitFor(() => expect(container.querySelectorAll('.unit-card')).toHaveLength(2))
    expect(Array.from(container.querySelectorAll('.unit-name')).map((e) => e.textContent)).toEqual(['洛社镇卫生院', '老供销社'])
    expect(container.querySelector('.unit-card--retired .unit-kind')?.textContent).toContain('已退出')
    expect(container.querySelectorAll('.unit-invite')).toHaveLength(1)
    expect(calls('GET')[0]!.url).toContain(`/towns/${TOWN_ID}/units`)
  })

  it('checks a new unit’s fields before sending (in Chinese, naming the field), then adds it', async () => {
    const { container } = render(<TownUnitsPage />)
    await waitFor(() => expect(container.querySelector('.unit-form .unit-save')).not.toBeNull())
    const form = container.querySelectorAll('.unit-form')[0]!
    fireEvent.input(form.querySelector('.unit-contact-phone-input') as Element, { target: { value: '12345' } })
    fireEvent.click(form.querySelector('.unit-save') as Element)
    expect(form.querySelector('.unit-name-error')?.textContent).toBe('请填写单位名称')
    expect(form.querySelector('.unit-kind-error')?.textContent).toBe('请选择单位类型')
    expect(form.querySelector('.unit-contact-phone-error')?.textContent).toBe('联系电话应为 11 位手机号或带区号的座机号')
    expect(calls('POST')).toHaveLength(0)
    fireEvent.input(form.querySelector('.unit-name-input') as Element, { target: { value: '洛社派出所' } })
    fireEvent.click(Array.from(form.querySelectorAll('.unit-kind-chip')).find((c) => c.textContent === '派出所') as Element)
    fireEvent.input(form.querySelector('.unit-contact-phone-input') as Element, { target: { value: '0510-83310110' } })
    fireEvent.click(form.querySelector('.unit-save') as Element)
    await waitFor(() => expect(calls('POST')).toHaveLength(1))
    expect(calls('POST')[0]).toMatchObject({ url: `http://127.0.0.1:3000/towns/${TOWN_ID}/units`, data: { name: '洛社派出所', kind: 'police', contactPhone: '0510-83310110' } })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已添加洛社派出所' })))
  })

  it('shows a liaison’s invite code large, with the day it expires', async () => {
    const { container } = render(<TownUnitsPage />)
    await waitFor(() => expect(container.querySelector('.unit-invite')).not.toBeNull())
    fireEvent.click(container.querySelector('.unit-invite') as Element)
    await waitFor(() => expect(container.querySelector('.unit-invite-code')?.textContent).toBe('ACDEFGH3'))
    expect(container.querySelector('.unit-invite-expiry')?.textContent).toContain('2099-01-04 前有效')
    expect(calls('POST')[0]).toMatchObject({ url: expect.stringContaining(`/units/${HOSPITAL}/invites`), data: { validHours: 72 } })
  })

  it('edits a unit with the version it read, and retires one after asking', async () => {
    const { container } = render(<TownUnitsPage />)
    await waitFor(() => expect(container.querySelector('.unit-edit')).not.toBeNull())
    fireEvent.click(container.querySelector('.unit-edit') as Element)
    await waitFor(() => expect((container.querySelector('.unit-card')?.parentElement?.querySelector('.unit-form .unit-name-input') as HTMLInputElement)?.value).toBe('洛社镇卫生院'))
    const form = container.querySelectorAll('.unit-form')[0]!
    fireEvent.input(form.querySelector('.unit-intro-input') as Element, { target: { value: '每周一次义诊' } })
    fireEvent.click(form.querySelector('.unit-save') as Element)
    await waitFor(() => expect(calls('PUT')).toHaveLength(1))
    expect(calls('PUT')[0]!.data).toMatchObject({ intro: '每周一次义诊', version: 3, kind: 'hospital' })

    await waitFor(() => expect(container.querySelector('.unit-retire')).not.toBeNull())
    fireEvent.click(container.querySelector('.unit-retire') as Element)
    await waitFor(() => expect(calls('POST').some((c) => c.url.endsWith(`/units/${HOSPITAL}/retire`))).toBe(true))
    expect(Taro.showModal).toHaveBeenCalled()
  })

  it('says why when the server refuses', async () => {
    Taro.request.mockImplementation((() => apiError(403, 'FORBIDDEN', '只有本镇街的管理员可以操作')) as never)
    const { container } = render(<TownUnitsPage />)
    await waitFor(() => expect(container.textContent).toContain('只有本镇街的管理员可以操作'))
  })

  it('is for town admins only', () => {
    signInAs('admin')
    const { container } = render(<TownUnitsPage />)
    expect(container.querySelector('.no-town-access')?.textContent).toContain('成员单位由镇街管理员管理。')
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
