import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '@shared/invite-code';
import { ROLE_LABELS } from '@shared/roles';
import { randomCode } from '../data/codes';
import { activeMembershipLeft } from './memberships.use-case';
import type { Town } from './town.repository';
import type { TownsDeps } from './deps';

/** What the operator's command needs: no session, no router. */
export type OperatorDeps = Pick<TownsDeps, 'towns' | 'memberships' | 'users' | 'studios' | 'newId' | 'now'>;

/** What the operator's command (scripts/town.ts) is told when it cannot do what was asked. */
export class OperatorError extends Error {}

/**
 * `npm run town -- create <name> [district]`: a town of a fresh deployment (or one more). Its name is unique; running
 * the command again answers the town that exists.
 */
export async function createTown(deps: Pick<TownsDeps, 'towns' | 'newId' | 'now'>, name: string, district: string): Promise<{ town: Town; created: boolean }> {
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 20) throw new OperatorError('镇街名称应为 2–20 个字');
  const existing = await deps.towns.findTownByName(trimmed);
  if (existing) return { town: existing, created: false };
  const town: Town = { id: deps.newId(), name: trimmed, district: district.trim(), createdAt: deps.now().toISOString() };
  if ((await deps.towns.createTown(town)) === 'name-taken') return { town: (await deps.towns.findTownByName(trimmed))!, created: false };
  return { town, created: true };
}

async function townNamed(deps: Pick<TownsDeps, 'towns'>, nameOrId: string): Promise<Town> {
  const town = (await deps.towns.findTownByName(nameOrId)) ?? (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(nameOrId) ? await deps.towns.getTown(nameOrId) : undefined);
  if (!town) throw new OperatorError(`没有镇街「${nameOrId}」，请先运行 npm run town -- create ${nameOrId}`);
  return town;
}

/**
 * `npm run town -- grant-admin <town> <userId>`: the person (who signed in once) becomes the town's 镇街管理员 at once —
 * a membership, made active; the role they held stays a membership of theirs.
 */
export async function grantTownAdmin(deps: OperatorDeps, townNameOrId: string, userId: string): Promise<{ town: Town; displayName: string }> {
  const town = await townNamed(deps, townNameOrId);
  const user = await deps.users.getUser(userId);
  if (!user) throw new OperatorError(`没有编号为 ${userId} 的用户（请让他先登录一次小程序，在「我的」里看到编号）`);
  const at = deps.now().toISOString();
  const membership = { userId, role: 'town_admin' as const, townId: town.id, joinedAt: at };
  if (!(await deps.memberships.grantTownRole(membership, activeMembershipLeft(user, membership, at)))) throw new OperatorError('用户刚刚被删除了');
  return { town, displayName: user.displayName };
}

/** `npm run town -- grant-admin <town> invite [hours]`: an invite code for the town's 镇街管理员, to hand over. */
export async function createTownAdminInvite(deps: OperatorDeps, townNameOrId: string, validHours = 72): Promise<{ town: Town; code: string; expiresAt: string; roleLabel: string }> {
  const town = await townNamed(deps, townNameOrId);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + validHours * 3_600_000).toISOString();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const code = randomCode(INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH);
    if (await deps.studios.createInvite({ code, townId: town.id, role: 'town_admin', createdBy: 'operator', createdAt: now.toISOString(), expiresAt })) return { town, code, expiresAt, roleLabel: ROLE_LABELS.town_admin };
  }
  throw new OperatorError('邀请码生成冲突，请重试');
}
