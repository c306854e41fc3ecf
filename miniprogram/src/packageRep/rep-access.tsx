import type { UserView } from '@shared/schemas/auth'
import { AccessGate } from '../components/ui/access-gate'

/** 意见办理 is for a studio's representatives and administrators (the API checks again). */
export function isRepUser(user: UserView | null): user is UserView & { studioId: string } {
  return !!user && (user.role === 'representative' || user.role === 'admin') && !!user.studioId
}

export function NoRepAccess({ user }: { user: UserView | null }) {
  return <AccessGate user={user} pageClass='rep-page' gateClass='no-rep-access' refusal='意见办理只对工作室的党代表和管理员开放。' />
}

/** 部门待办 is for a department's liaison (部门联络员) or a member unit's (成员单位联络员); the API checks the department again. */
export function isLiaisonUser(user: UserView | null): user is UserView & { departmentId: string } {
  return !!user && ((user.role === 'liaison' && !!user.studioId) || (user.role === 'unit_liaison' && !!user.townId)) && !!user.departmentId
}

export function NoLiaisonAccess({ user }: { user: UserView | null }) {
  return <AccessGate user={user} pageClass='rep-page' gateClass='no-liaison-access' refusal='部门待办只对承办部门和成员单位的联络员开放。' hint='请用工作室管理员（或镇街管理员）发放的联络员邀请码加入。' />
}
