import type { Role } from '@shared/roles';

/**
 * One role a person holds, kept under the person (`USER#id / MEMBER#STUDIO#<id>` or `MEMBER#TOWN#<id>`). The User item's
 * `role` / `studioId` / `townId` stay "the active membership", so every policy check reads what it always read; these
 * items are what 切换身份 lists and switches between. `departmentId` is room for a role scoped to a department.
 */
export interface Membership {
  userId: string;
  role: Role;
  studioId?: string;
  townId?: string;
  departmentId?: string;
  joinedAt: string;
}

export type MembershipScope = Pick<Membership, 'studioId' | 'townId' | 'departmentId'>;

const scopeOf = (scope: MembershipScope) =>
  scope.departmentId ? `DEPARTMENT#${scope.departmentId}` : scope.townId ? `TOWN#${scope.townId}` : `STUDIO#${scope.studioId}`;

// Access patterns 137–139 (docs/access-patterns.md)
export const membershipKey = (userId: string, scope: MembershipScope) => ({ PK: `USER#${userId}`, SK: `MEMBER#${scopeOf(scope)}` });
export const MEMBERSHIP_PREFIX = 'MEMBER#';

export function membershipToItem(m: Membership) {
  return { ...membershipKey(m.userId, m), type: 'Membership', ...m };
}

/**
 * The Update that records a person's active role as a membership item when it is not one yet (people who joined
 * before memberships existed): the role and scope are set, `joinedAt` only when missing. Put in the transaction that
 * makes another membership active, so that the one left is not lost.
 */
export function keepMembershipUpdate(tableName: string, m: Membership) {
  const scope = m.townId ? 'townId' : 'studioId';
  return {
    Update: {
      TableName: tableName,
      Key: membershipKey(m.userId, m),
      UpdateExpression: `SET #type = :type, userId = :user, #role = :role, ${scope} = :scope, joinedAt = if_not_exists(joinedAt, :at)`,
      ExpressionAttributeNames: { '#type': 'type', '#role': 'role' },
      ExpressionAttributeValues: { ':type': 'Membership', ':user': m.userId, ':role': m.role, ':scope': m.townId ?? m.studioId, ':at': m.joinedAt },
    },
  };
}

/** The user item's Update that makes a membership the active one (the scope not held is removed). */
export function activateUpdate(tableName: string, m: Pick<Membership, 'userId' | 'role' | 'studioId' | 'townId'>, condition?: { expression: string; values: Record<string, unknown> }) {
  const [set, remove] = m.townId ? ['townId', 'studioId'] : ['studioId', 'townId'];
  return {
    Update: {
      TableName: tableName,
      Key: { PK: `USER#${m.userId}`, SK: 'PROFILE' },
      UpdateExpression: `SET #role = :role, ${set} = :scope REMOVE ${remove}`,
      ConditionExpression: condition?.expression ?? 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':role': m.role, ':scope': m.townId ?? m.studioId, ...(condition?.values ?? {}) },
    },
  };
}
