import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import AdminVolunteersPage from './index'

const BASE = `http://127.0.0.1:3000/studios/${STUDIO_ID}`
const person = (userId: string, name: string, status: string) => ({ studioId: STUDIO_ID, userId, displayName: name, status, partyMember: true, inService: true, organisation: '洛社中心小学', skills: ['辅导功课', '文艺'], availability: '周六上午', teamIds: [], registeredAt: '2099-11-20T02:00:00.000Z' })
const PENDING = person('01JD00000000000000000000U1', '李老师', 'pending')
const APPROVED = person('01JD00000000000000000000U2', '张师傅', 'approved')
const TEAM = { id: '01JD00000000000000000000T1', name: '助学服务队', members: [] }
const posts = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.method === 'POST' || c.method === 'PUT')

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('admin')
  Taro.request.mockImplementation(((req: RequestCall) => {
    if (req.method !== 'GET') return ok(req.url.includes('/decision') ? { ...PENDING, status: 'approved' } : TEAM)
    if (req.url.includes('status=pending')) return ok({ volunteers: [PENDING] })
    if (req.url.includes('status=approved')) return ok({ volunteers: [APPROVED] })
    return ok({ teams: [TEAM] })
  }) as never)
})

describe('志愿者 (admin)', () => {
  it('adds the next page of approved volunteers under 加载更多, and offers it no more after the last', async () => {
    const SECOND = person('01JD00000000000000000000U3', '王阿姨', 'approved')
    Taro.request.mockImplementation(((req: RequestCall) => {
      if (req.url.includes('status=pending')) return ok({ volunteers: [PENDING] })
      if (req.url.includes('status=approved') && req.url.includes('cursor=next1')) return ok({ volunteers: [SECOND] })
      if (req.url.includes('status=approved')) return ok({ volunteers: [APPROVED], nextCursor: 'next1' })
      return ok({ teams: [TEAM] })
    }) as never)
    const { container } = render(<AdminVolunteersPage />)
    await waitFor(() => expect(container.querySelector('.approved-more')).not.toBeNull())
    expect(container.querySelector('.pending-more')).toBeNull()
    fireEvent.click(container.querySelector('.approved-more') as Element)
    await waitFor(() => expect(container.querySelector('.approved-more')).toBeNull())
    expect(Array.from(container.querySelectorAll('.volunteer-name')).map((e) => e.textContent)).toEqual(expect.arrayContaining(['张师傅', '王阿姨']))
  })

  it('shows who waits with 在职 and unit; 不通过 needs a reason; 通过 decides', async () => {
    const { container } = render(<AdminVolunteersPage />)
    await waitFor(() => expect(container.querySelector('.volunteer-pending .volunteer-name')?.textContent).toBe('李老师'))
    expect(container.querySelector('.volunteer-party')?.textContent).toBe('在职党员 · 洛社中心小学')
    fireEvent.click(container.querySelector('.volunteer-decline') as Element)
    expect(container.querySelector('.decline-reason-error')?.textContent).toBe('不通过请写明原因，申请人会看到')
    expect(posts()).toHaveLength(0)
    fireEvent.click(container.querySelector('.volunteer-approve') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ url: `${BASE}/volunteers/${PENDING.userId}/decision`, data: { approve: true } })
  })

  it('puts an approved volunteer in a team with one tap on its name', async () => {
    const { container } = render(<AdminVolunteersPage />)
    await waitFor(() => expect(container.querySelector('.volunteer-approved .team-chip')).not.toBeNull())
    expect(container.querySelector('.volunteer-approved .team-chip')?.getAttribute('aria-checked')).toBe('false')
    fireEvent.click(container.querySelector('.volunteer-approved .team-chip') as Element)
    await waitFor(() => expect(posts()).toHaveLength(1))
    expect(posts()[0]).toMatchObject({ method: 'PUT', url: `${BASE}/volunteer-teams/${TEAM.id}/members/${APPROVED.userId}`, data: { leader: false } })
  })
})
