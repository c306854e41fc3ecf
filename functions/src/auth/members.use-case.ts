import type { ChangeMemberRoleRequest, MembersResponse, MemberView } from '@shared/schemas/auth';
import { ROLE_LABELS, type StudioRole } from '@shared/roles';
import type { Principal } from './session-tokens';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import type { AuthDeps } from './deps';

const REFUSAL = '只有本工作室的管理员可以管理成员';
const ORDER: readonly StudioRole[] = ['admin', 'representative', 'staff', 'liaison', 'grid_head'];
const order = (m: MemberView) => ORDER.indexOf(m.role);

/** 成员与邀请: the studio's people with their roles, for its admin. */
export async function listMembers(deps: AuthDeps, principal: Principal, studioId: string): Promise<MembersResponse> {
  requireStudioRole(principal, studioId, 'administer', REFUSAL);
  const members = (await deps.studios.listMembersOfStudio(studioId)).map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, joinedAt: m.joinedAt }));
  members.sort((a, b) => order(a) - order(b) || a.displayName.localeCompare(b.displayName, 'zh'));
  return { members };
}

async function memberOf(deps: AuthDeps, principal: Principal, studioId: string, userId: string): Promise<MemberView> {
  requireStudioRole(principal, studioId, 'administer', REFUSAL);
  // an admin who demoted or removed themselves could leave a studio nobody can run
  if (userId === principal.userId) throw new ConflictError('不能修改自己的角色，请让本工作室的另一位管理员操作');
  const member = (await deps.studios.listMembersOfStudio(studioId)).find((m) => m.userId === userId);
  if (!member) throw new NotFoundError('这个人不是本工作室的成员');
  return { userId: member.userId, displayName: member.displayName, role: member.role, joinedAt: member.joinedAt };
}

/**
 * Gives a member another role in the studio. Their next request already carries it (the router reads the stored
 * role), whatever their token says; the change is in the audit trail.
 */
export async function changeMemberRole(deps: AuthDeps, principal: Principal, studioId: string, userId: string, request: ChangeMemberRoleRequest): Promise<MemberView> {
  const member = await memberOf(deps, principal, studioId, userId);
  if (member.role === request.role) return member;
  // a grid head is for one grid, which only an invite names
  if (request.role === 'grid_head') throw new ValidationError({ role: '网格员请用网格员邀请码加入（生成邀请码时选好网格）' });
  // a liaison answers for one department: that comes only with an invite that names it
  if (request.role === 'liaison') throw new ValidationError({ role: '部门联络员请用邀请码加入（发放时选定部门）' });
  if (!(await deps.studios.changeMemberRole(studioId, userId, request.role, deps.now().toISOString(), await isActiveIn(deps, userId, studioId)))) throw new NotFoundError('这个人不是本工作室的成员');
  await recordAudit(deps, principal, studioId, 'role_changed', `${member.displayName}：${ROLE_LABELS[member.role]} → ${ROLE_LABELS[request.role]}`, userId);
  return { ...member, role: request.role };
}

/** Whether the studio is the member's active membership (else only their membership there changes). */
async function isActiveIn(deps: AuthDeps, userId: string, studioId: string): Promise<boolean> {
  return (await deps.users.getUser(userId))?.studioId === studioId;
}

/**
 * Removes a member's membership of this studio (their roles elsewhere stay): when it was their active one they become
 * a resident at once (their next request); the removal is audited.
 */
export async function removeMember(deps: AuthDeps, principal: Principal, studioId: string, userId: string): Promise<{ removed: true }> {
  const member = await memberOf(deps, principal, studioId, userId);
  if (!(await deps.studios.removeMember(studioId, userId, await isActiveIn(deps, userId, studioId)))) throw new NotFoundError('这个人不是本工作室的成员');
  await recordAudit(deps, principal, studioId, 'role_changed', `${member.displayName}：${ROLE_LABELS[member.role]} → 移出工作室`, userId);
  return { removed: true };
}
