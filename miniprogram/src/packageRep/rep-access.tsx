import type { UserView } from '@shared/schemas/auth'
import { AccessGate } from '../components/ui/access-gate'

/** 意见办理 is for a studio's representatives and administrators (the API checks again). */
export function isRepUser(user: UserView | null): user is UserView & { studioId: string } {
  return !!user && (user.role === 'representative' || user.role === 'admin') && !!user.studioId
}

export function NoRepAccess({ user }: { user: UserView | null }) {
  return <AccessGate user={user} pageClass='rep-page' gateClass='no-rep-access' refusal='意见办理只对工作室的党代表和管理员开放。' />
}
