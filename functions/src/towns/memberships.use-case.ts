import type { MembershipChoice, MembershipsResponse, MembershipView } from '@shared/schemas/towns';
import type { SessionResponse } from '@shared/schemas/auth';
import { ROLE_LABELS } from '@shared/roles';
import type { Principal } from '../auth/session-tokens';
import type { User } from '../auth/user.repository';
import type { Invite } from '../studio/studio.repository';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../errors';
import { openSession, requireUser, SESSION_ENDED } from '../auth/sessions';
import { recordAudit } from '../audit/audit.use-case';
import type { Membership, MembershipScope } from './membership-items';
import type { MembershipDeps, TownsDeps } from './deps';

/**
 * The role a person holds now, as a membership to keep when another becomes active — when it is a role at all and not
 * the one about to be granted (people who joined before memberships existed have no item for it yet).
 */
export function activeMembershipLeft(user: User, next: MembershipScope, at: string): Membership | undefined {
  if (user.role === 'resident') return undefined;
  if (user.townId) return next.townId === user.townId ? undefined : { userId: user.id, role: user.role, townId: user.townId, ...(user.departmentId ? { departmentId: user.departmentId } : {}), joinedAt: at };
  if (!user.studioId || next.studioId === user.studioId) return undefined;
  return { userId: user.id, role: user.role, studioId: user.studioId, ...(user.gridId ? { gridId: user.gridId } : {}), ...(user.departmentId ? { departmentId: user.departmentId } : {}), joinedAt: at };
}

/**
 * A town invite: the person becomes the town's 镇街管理员 (the operator's `npm run town -- grant-admin <town> invite`) or
 * the liaison of one of its member units (a town admin's invite, naming the unit in `departmentId`).
 */
export async function redeemTownInvite(deps: MembershipDeps, user: User, invite: Invite & { townId: string }, now: string): Promise<SessionResponse> {
  const unitId = invite.role === 'unit_liaison' ? invite.departmentId : undefined;
  if (invite.role !== 'town_admin' && !unitId) throw new NotFoundError('邀请码不存在，请核对后再输入');
  const role = invite.role === 'unit_liaison' ? 'unit_liaison' : 'town_admin';
  const membership: Membership = { userId: user.id, role, townId: invite.townId, ...(unitId ? { departmentId: unitId } : {}), joinedAt: now };
  const outcome = await deps.memberships.redeemTownInvite(invite, membership, now, activeMembershipLeft(user, membership, now), user.displayName);
  if (outcome === 'invite-unusable') throw new ConflictError('这个邀请码已经被使用过了');
  if (outcome === 'user-gone') throw new UnauthenticatedError(SESSION_ENDED);
  return openSession(deps, { ...user, role, townId: invite.townId, studioId: undefined, gridId: undefined, departmentId: unitId });
}

/** The person's memberships; the active one as the user item says (also when it has no item yet: joined before memberships). */
async function membershipsOf(deps: TownsDeps, user: User): Promise<Membership[]> {
  const stored = await deps.memberships.listOfUser(user.id);
  const active = activeMembershipLeft(user, {}, user.createdAt);
  if (!active) return stored;
  const scopeOf = (m: Membership) => m.townId ?? m.studioId;
  return [active, ...stored.filter((m) => scopeOf(m) !== scopeOf(active))];
}

/** 切换身份: every role the caller holds, with its studio's or town's name (and a unit liaison's unit), the active one marked. */
export async function listMyMemberships(deps: TownsDeps, principal: Principal): Promise<MembershipsResponse> {
  const user = await requireUser(deps, principal.userId);
  const memberships: MembershipView[] = [];
  for (const m of await membershipsOf(deps, user)) {
    const active = m.role === user.role && (m.townId ? m.townId === user.townId : m.studioId === user.studioId);
    if (m.townId) {
      const town = await deps.towns.getTown(m.townId);
      const unit = m.role === 'unit_liaison' && m.departmentId ? await deps.units.get(m.townId, m.departmentId) : undefined;
      memberships.push({ role: m.role, townId: m.townId, ...(town ? { townName: town.name } : {}), ...(unit ? { unitId: unit.id, unitName: unit.name } : {}), active });
    } else if (m.studioId) {
      const studio = await deps.studios.getStudio(m.studioId);
      memberships.push({ role: m.role, studioId: m.studioId, ...(studio ? { studioName: studio.name } : {}), active });
    }
  }
  return { memberships };
}

async function heldMembership(deps: TownsDeps, user: User, choice: MembershipChoice): Promise<Membership> {
  const scope = choice.townId ? { townId: choice.townId } : { studioId: choice.studioId };
  const held = (await membershipsOf(deps, user)).find((m) => m.role === choice.role && m.townId === scope.townId && m.studioId === scope.studioId);
  if (!held) throw new NotFoundError('您没有这个身份');
  return held;
}

/**
 * 切换身份: makes another of the caller's memberships the active one (the user item's role and scope, which every
 * policy check reads) and answers a new session for it. Switching to the one already active changes nothing.
 */
export async function switchMembership(deps: TownsDeps, principal: Principal, choice: MembershipChoice): Promise<SessionResponse> {
  const user = await requireUser(deps, principal.userId);
  const chosen = await heldMembership(deps, user, choice);
  const next: User = { ...user, role: chosen.role, studioId: chosen.studioId, townId: chosen.townId, gridId: chosen.gridId, departmentId: chosen.departmentId };
  if (chosen.role === user.role && chosen.studioId === user.studioId && chosen.townId === user.townId) return openSession(deps, next);
  if (!(await deps.memberships.activate(chosen, activeMembershipLeft(user, chosen, deps.now().toISOString())))) throw new ConflictError('这个身份刚刚被移除了，请刷新后再试');
  return openSession(deps, next);
}

/**
 * Leaves one role (退出): that membership only; the others stay. Leaving the active one makes the caller a resident
 * (they switch to another of theirs in 我的). A studio's last admin cannot leave it without a successor.
 */
export async function leaveMembership(deps: TownsDeps, principal: Principal, choice: MembershipChoice): Promise<SessionResponse> {
  const user = await requireUser(deps, principal.userId);
  const held = await heldMembership(deps, user, choice);
  const active = held.role === user.role && (held.townId ? held.townId === user.townId : held.studioId === user.studioId);
  if (held.townId) {
    if (!(await deps.memberships.leaveTown(user.id, held.townId, active, held.role === 'unit_liaison' ? held.departmentId : undefined))) throw new ConflictError('这个身份刚刚变了，请刷新后再试');
  } else {
    const studioId = held.studioId!;
    const admins = (await deps.studios.listMembersOfStudio(studioId)).filter((m) => m.role === 'admin');
    if (held.role === 'admin' && admins.length <= 1) throw new ConflictError('您是本工作室唯一的管理员，请先邀请另一位管理员');
    if (!(await deps.studios.removeMember(studioId, user.id, active))) throw new ConflictError('这个身份刚刚变了，请刷新后再试');
    await recordAudit(deps, principal, studioId, 'role_changed', `${user.displayName}：${ROLE_LABELS[held.role]} → 退出工作室`, user.id);
  }
  return openSession(deps, active ? { ...user, role: 'resident', studioId: undefined, townId: undefined, gridId: undefined, departmentId: undefined } : user);
}
