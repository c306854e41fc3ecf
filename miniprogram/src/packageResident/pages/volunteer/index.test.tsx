import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock, router } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import VolunteerPage from './index'

const puts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'PUT')
const registration = { studioId: STUDIO_ID, userId: '01JD00000000000000000000U1', displayName: '王阿姨', status: 'approved', partyMember: true, inService: true, organisation: '洛社中心小学', skills: ['辅导功课'], availability: '周六上午', teamIds: ['01JD00000000000000000000T1'], registeredAt: '2099-11-20T02:00:00.000Z' }
const click = (el: Element | null) => fireEvent.click(el as Element)

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  router.params = { studioId: STUDIO_ID }
  signInAs('resident')
})

describe('当志愿者', () => {
  it('says in Chinese what is missing (在职党员 needs the unit) and sends nothing; then registers', async () => {
    Taro.request.mockImplementation(((req: RequestCall) => ok(req.method === 'PUT' ? { ...registration, status: 'pending', teamIds: [] } : { teams: [] })) as never)
    const { container } = render(<VolunteerPage />)
    await waitFor(() => expect(container.querySelector('.volunteer-submit')).not.toBeNull())
    click(container.querySelector('.volunteer-submit'))
    expect(container.querySelector('.party-error')?.textContent).toBe('请选择是否党员')
    expect(container.querySelector('.skills-error')?.textContent).toBe('请至少选一项能帮的事')
    expect(puts()).toHaveLength(0)

    click(container.querySelector('.party-chip'))
    click(container.querySelector('.in-service-chip'))
    click(container.querySelector('.skill-chip'))
    fireEvent.change(container.querySelector('.availability-input') as Element, { target: { value: '周六上午' } })
    click(container.querySelector('.volunteer-submit'))
    expect(container.querySelector('.organisation-error')?.textContent).toBe('在职党员请填写工作单位')
    expect(puts()).toHaveLength(0)

    fireEvent.change(container.querySelector('.organisation-input') as Element, { target: { value: '洛社中心小学' } })
    click(container.querySelector('.volunteer-submit'))
    await waitFor(() => expect(puts()).toHaveLength(1))
    expect(puts()[0]).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/me/volunteer`, data: { partyMember: true, inService: true, organisation: '洛社中心小学', skills: ['助老陪伴'], availability: '周六上午' } })
  })

  it('shows an approved volunteer’s teams (队长 marked), with 修改 and 退出', async () => {
    Taro.request.mockImplementation((() => ok({ registration, teams: [{ id: '01JD00000000000000000000T1', name: '助学服务队', leader: true }] })) as never)
    const { container } = render(<VolunteerPage />)
    await waitFor(() => expect(container.querySelector('.volunteer-status')?.textContent).toContain('已通过'))
    expect(container.querySelector('.volunteer-teams')?.textContent).toBe('所在服务队：助学服务队（队长）')
    expect(container.querySelector('.volunteer-form')).toBeNull()
    click(container.querySelector('.volunteer-edit'))
    expect((container.querySelector('.organisation-input') as HTMLInputElement).value).toBe('洛社中心小学')
  })
})
