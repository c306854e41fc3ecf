import { render, waitFor } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { FUTURE, signInAs, STUDIO_ID, type RequestCall } from '../../../test/fixtures'
import { getUser, saveSession } from '../../services/session'
import MePage from './index'

// 我的's entries of 镇街 (#14): 工作室 for everyone, 切换身份 when there is more than one role, 镇街工作台 for town admins.
const memberships = (n: number) => Array.from({ length: n }, (_, i) => ({ role: 'representative', studioId: `${STUDIO_ID.slice(0, -1)}${i}`, studioName: `工作室${i}`, active: i === 0 }))

function answer(count: number) {
  Taro.request.mockImplementation(((req: RequestCall) => Promise.resolve({ statusCode: 200, data: req.url.endsWith('/me/memberships') ? { memberships: memberships(count) } : req.url.endsWith('/me/notifications') ? { notifications: [], unread: 0 } : getUser() })) as never)
}

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
})

describe('我的: 镇街 entries', () => {
  it('shows 切换身份 to someone with two roles, and not to someone with one', async () => {
    signInAs('representative')
    answer(2)
    const { container, unmount } = render(<MePage />)
    await waitFor(() => expect(container.querySelector('.memberships-entry')?.textContent).toContain('您在 2 个工作室或镇街任职'))
    expect(container.querySelector('.town-studios-entry')).not.toBeNull()
    unmount()
    answer(1)
    const again = render(<MePage />)
    await waitFor(() => expect(Taro.request.mock.calls.some((c) => (c[0] as RequestCall).url.endsWith('/me/memberships'))).toBe(true))
    expect(again.container.querySelector('.memberships-entry')).toBeNull()
  })

  it('shows 镇街工作台 to a town admin only', async () => {
    saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U9', displayName: '吴卫东', role: 'town_admin', townId: '01JD00000000000000000000W1' } })
    answer(1)
    const { container } = render(<MePage />)
    await waitFor(() => expect(container.querySelector('.town-desk-entry')).not.toBeNull())
    expect(container.querySelector('.admin-entry')).toBeNull()
  })
  it('shows a unit’s liaison 部门待办 and 协调会, and a resident neither', async () => {
    saveSession({ token: 't', expiresAt: FUTURE, user: { id: '01JD00000000000000000000U8', displayName: '周丽萍', role: 'unit_liaison', townId: '01JD00000000000000000000W1', departmentId: '01JD00000000000000000000N1' } })
    answer(1)
    const { container, unmount } = render(<MePage />)
    await waitFor(() => expect(container.querySelector('.dept-entry')?.textContent).toContain('各工作室交办给本单位的事'))
    expect(container.querySelector('.coordinations-entry')).not.toBeNull()
    expect(container.querySelector('.town-desk-entry')).toBeNull()
    unmount()
    signInAs('resident')
    answer(1)
    const again = render(<MePage />)
    await waitFor(() => expect(again.container.querySelector('.town-studios-entry')).not.toBeNull())
    expect(again.container.querySelector('.dept-entry')).toBeNull()
    expect(again.container.querySelector('.coordinations-entry')).toBeNull()
  })
})
