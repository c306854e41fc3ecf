import { isServingRole } from '@shared/roles'
import type { UserView } from '@shared/schemas/auth'
import { AccessGate } from '../components/ui/access-gate'

/** Staff pages are for a studio's staff, representatives and administrators (the API checks again). */
export function isStaffUser(user: UserView | null): user is UserView & { studioId: string } {
  return !!user && isServingRole(user.role) && !!user.studioId
}

export function NoStaffAccess({ user }: { user: UserView | null }) {
  return <AccessGate user={user} pageClass='staff-page' gateClass='no-staff-access' refusal='服务点工作台只对工作室的工作人员、党代表和管理员开放。' hint='如果您是工作人员，请在“我的”里输入工作室给您的邀请码。' />
}
