import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '@shared/invite-code';
import type { CreateInviteRequest, InviteResponse, RedeemInviteRequest, SessionResponse } from '@shared/schemas/auth';
import type { Principal } from './session-tokens';
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { activeMembershipLeft, redeemTownInvite } from '../towns/memberships.use-case';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import { isTownRole, ROLE_LABELS } from '@shared/roles';
import type { AuthDeps } from './deps';
import { randomCode } from '../data/codes';
import { limitAttempts, openSession, requireUser, SESSION_ENDED } from './sessions';

const newInviteCode = () => randomCode(INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH);

/**
 * An admin invites someone into a role of their own studio.
 * Steps: the caller must be the admin of that studio → draw a code (25^8 ≈ 1.5e11 codes; a collision is
 * retried) → store it with its expiry.
 */
export async function createInvite(deps: AuthDeps, principal: Principal, studioId: string, request: CreateInviteRequest): Promise<InviteResponse> {
  requireStudioRole(principal, studioId, 'administer', '只有本工作室的管理员可以发放邀请码');
  if (request.gridId && !(await deps.grids.getGrid(studioId, request.gridId))) throw new ValidationError({ gridId: '没有找到这个网格，请刷新后重选' });
  const department = request.departmentId ? await deps.departments.get(studioId, request.departmentId) : undefined;
  if (request.departmentId && !department?.active) throw new ValidationError({ departmentId: department ? '这个部门已停用，请先重新启用' : '没有找到这个部门' });
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + request.validHours * 3_600_000).toISOString();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = newInviteCode();
    const scope = { ...(request.gridId ? { gridId: request.gridId } : {}), ...(department ? { departmentId: department.id } : {}) };
    const stored = await deps.studios.createInvite({ code, studioId, role: request.role, ...scope, createdBy: principal.userId, createdAt: now.toISOString(), expiresAt });
    if (stored) {
      await recordAudit(deps, principal, studioId, 'invite_created', `发放「${department ? `${department.name}${ROLE_LABELS[request.role]}` : ROLE_LABELS[request.role]}」邀请码，${request.validHours} 小时内有效`);
      return { code, role: request.role, studioId, ...scope, expiresAt };
    }
  }
  throw new ConflictError('邀请码生成冲突，请重试');
}

/**
 * The signed-in person redeems an invite and takes its role.
 * Steps: limit guesses (10 an hour per person) → the code must exist, be unused and unexpired → one transaction uses
 * the code, grants the role as a membership and makes it the active one (the role held until now stays a membership:
 * a person may serve several studios and switches in 我的 → 切换身份) → a new session carries the new role.
 */
export async function redeemInvite(deps: AuthDeps, principal: Principal, request: RedeemInviteRequest): Promise<SessionResponse> {
  await limitAttempts(deps, `invite#${principal.userId}`, 10, 3600, '尝试次数太多了，请一小时后再试');
  const now = deps.now().toISOString();
  const invite = await deps.studios.getInvite(request.code);
  if (!invite) throw new NotFoundError('邀请码不存在，请核对后再输入');
  if (invite.usedAt) throw new ConflictError('这个邀请码已经被使用过了');
  if (invite.expiresAt <= now) throw new ConflictError('这个邀请码已过期，请联系管理员重新发放');
  const user = await requireUser(deps, principal.userId);
  if (invite.townId) return redeemTownInvite(deps, user, { ...invite, townId: invite.townId }, now);
  const studioId = invite.studioId;
  if (!studioId || isTownRole(invite.role)) throw new NotFoundError('邀请码不存在，请核对后再输入');
  const role = invite.role;
  const outcome = await deps.studios.redeemInvite(
    invite,
    { studioId, userId: user.id, role, ...(invite.gridId ? { gridId: invite.gridId } : {}), ...(invite.departmentId ? { departmentId: invite.departmentId } : {}), displayName: user.displayName, joinedAt: now },
    now,
    activeMembershipLeft(user, { studioId }, now),
  );
  if (outcome === 'invite-unusable') throw new ConflictError('这个邀请码已经被使用过了');
  if (outcome === 'user-gone') throw new UnauthenticatedError(SESSION_ENDED);
  const from = user.studioId === studioId ? ROLE_LABELS[user.role] : ROLE_LABELS.resident;
  await recordAudit(deps, { ...principal, role, studioId }, studioId, 'role_changed', `${user.displayName} 用邀请码加入：${from} → ${ROLE_LABELS[role]}`, user.id);
  // the role's scope (a grid, a department) is the new invite's, never one left from a role before
  const { gridId: _formerGrid, departmentId: _formerDepartment, ...person } = user;
  return openSession(deps, { ...person, role, studioId, townId: undefined, ...(invite.gridId ? { gridId: invite.gridId } : {}), ...(invite.departmentId ? { departmentId: invite.departmentId } : {}) });
}
