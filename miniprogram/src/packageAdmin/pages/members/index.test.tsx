import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../../test/mocks/taro'
import { ok, signInAs, STUDIO_ID, type RequestCall } from '../../../../test/fixtures'
import AdminMembersPage from './index'

const calls = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall)
const SELF = '01JD00000000000000000000U2'
const REP = '01JD00000000000000000000R1'
const STAFF = '01JD00000000000000000000R2'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('admin')
  Taro.request.mockImplementation(((...args: unknown[]) => {
    const { url, method, data } = args[0] as RequestCall
    if (url.endsWith('/invites')) return ok({ code: 'ACDEFG34', role: (data as { role: string }).role, studioId: STUDIO_ID, expiresAt: '2099-11-25T02:00:00.000Z' })
    if (method === 'PUT') return ok({ userId: STAFF, displayName: '陈丽', role: (data as { role: string }).role, joinedAt: '2099-11-01T02:00:00.000Z' })
    if (method === 'DELETE') return ok({ removed: true })
    return ok({
      members: [
        { userId: SELF, displayName: '王志强', role: 'admin', joinedAt: '2099-11-01T02:00:00.000Z' },
        { userId: REP, displayName: '张建国', role: 'representative', joinedAt: '2099-11-01T02:00:00.000Z' },
        { userId: STAFF, displayName: '陈丽', role: 'staff', joinedAt: '2099-11-01T02:00:00.000Z' },
      ],
    })
  }) as never)
})

describe('admin: 成员与邀请', () => {
  it('makes an invite code for a chosen role and shows it large', async () => {
    const { container } = render(<AdminMembersPage />)
    await screen.findByText('张建国')
    fireEvent.click(Array.from(container.querySelectorAll('.invite-role')).find((c) => c.textContent === '党代表') as HTMLElement)
    fireEvent.click(container.querySelector('.invite-make') as HTMLElement)
    await screen.findByText('ACDEFG34')
    const post = calls().find((c) => c.url.endsWith('/invites')) as RequestCall
    expect(post).toMatchObject({ method: 'POST', url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/invites`, data: { role: 'representative' } })
  })

  it('changes a role and removes someone after a confirmation, never the admin’s own', async () => {
    const { container } = render(<AdminMembersPage />)
    await screen.findByText('陈丽')
    expect(screen.getByText('自己的角色请让另一位管理员修改。')).toBeTruthy()
    const staffCard = Array.from(container.querySelectorAll('.member-card')).find((c) => c.textContent?.includes('陈丽')) as HTMLElement
    fireEvent.click(Array.from(staffCard.querySelectorAll('.member-change')).find((b) => b.textContent === '改为党代表') as HTMLElement)
    await waitFor(() => expect(calls().some((c) => c.method === 'PUT')).toBe(true))
    expect(calls().find((c) => c.method === 'PUT')).toMatchObject({ url: `http://127.0.0.1:3000/studios/${STUDIO_ID}/members/${STAFF}`, data: { role: 'representative' } })
    await waitFor(() => expect(staffCard.querySelector('.member-role')?.textContent).toBe('党代表'))

    const repCard = Array.from(container.querySelectorAll('.member-card')).find((c) => c.textContent?.includes('张建国')) as HTMLElement
    fireEvent.click(repCard.querySelector('.member-remove') as HTMLElement)
    await waitFor(() => expect(screen.queryByText('张建国')).toBeNull())
    expect(calls().find((c) => c.method === 'DELETE')?.url).toBe(`http://127.0.0.1:3000/studios/${STUDIO_ID}/members/${REP}`)
    expect(Taro.showModal).toHaveBeenCalledTimes(2)
  })
})
