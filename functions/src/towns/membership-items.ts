import type { Role } from '@shared/roles';

/**
 * One role a person holds, kept under the person (`USER#id / MEMBER#STUDIO#<id>` or `MEMBER#TOWN#<id>`). The User item's
 * `role` / `studioId` / `townId` stay "the active membership", so every policy check reads what it always read; these
 * items are what 切换身份 lists and switches between. A studio role may be narrower: a grid head's grid (`gridId`), a
 * liaison's department (`departmentId`) — one role per studio, so the key is the studio's.
 */
export interface Membership {
  userId: string;
  role: Role;
  studioId?: string;
  townId?: string;
  gridId?: string;
  departmentId?: string;
  joinedAt: string;
}

export type MembershipScope = Pick<Membership, 'studioId' | 'townId'>;

const scopeOf = (scope: MembershipScope) => (scope.townId ? `TOWN#${scope.townId}` : `STUDIO#${scope.studioId}`);

/** Where a role acts: set the fields it has, remove the ones it has not (a role left never lends its scope to the next). */
const SCOPE_FIELDS = ['studioId', 'townId', 'gridId', 'departmentId'] as const;
function scopeExpression(m: Pick<Membership, (typeof SCOPE_FIELDS)[number]>): { set: string[]; remove: string[]; values: Record<string, string> } {
  const held = SCOPE_FIELDS.filter((f) => m[f]);
  return {
    set: held.map((f) => `${f} = :${f}`),
    remove: SCOPE_FIELDS.filter((f) => !m[f]),
    values: Object.fromEntries(held.map((f) => [`:${f}`, m[f]!])),
  };
}

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
  const scope = scopeExpression(m);
  return {
    Update: {
      TableName: tableName,
      Key: membershipKey(m.userId, m),
      UpdateExpression: `SET #type = :type, userId = :user, #role = :role, ${scope.set.join(', ')}, joinedAt = if_not_exists(joinedAt, :at) REMOVE ${scope.remove.join(', ')}`,
      ExpressionAttributeNames: { '#type': 'type', '#role': 'role' },
      ExpressionAttributeValues: { ':type': 'Membership', ':user': m.userId, ':role': m.role, ...scope.values, ':at': m.joinedAt },
    },
  };
}

/** The user item's Update that makes a membership the active one (the scope not held is removed). */
export function activateUpdate(tableName: string, m: Pick<Membership, 'userId' | 'role' | 'studioId' | 'townId' | 'gridId' | 'departmentId'>, condition?: { expression: string; values: Record<string, unknown> }) {
  const scope = scopeExpression(m);
  return {
    Update: {
      TableName: tableName,
      Key: { PK: `USER#${m.userId}`, SK: 'PROFILE' },
      UpdateExpression: `SET #role = :role, ${scope.set.join(', ')} REMOVE ${scope.remove.join(', ')}`,
      ConditionExpression: condition?.expression ?? 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':role': m.role, ...scope.values, ...(condition?.values ?? {}) },
    },
  };
}
