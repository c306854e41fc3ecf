import type { UserView } from '@shared/schemas/auth'
import { AccessGate } from '../components/ui/access-gate'

/** Studio set-up is for the studio's administrators (the API checks again). */
export function isAdminUser(user: UserView | null): user is UserView & { studioId: string } {
  return !!user && user.role === 'admin' && !!user.studioId
}

export function NoAdminAccess({ user }: { user: UserView | null }) {
  return <AccessGate user={user} pageClass='admin-page' gateClass='no-admin-access' refusal='工作室设置只对工作室管理员开放。' hint='如需修改服务项目或排期，请联系本工作室的管理员。' />
}
