import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { entityOf, queryAll, transactWrite, type TableRef } from '../data/dynamodb-client';
import type { Invite } from '../studio/studio.repository';
import { unitLiaisonDelete, unitLiaisonPut } from '../departments/unit-liaison.repository';
import { activateUpdate, keepMembershipUpdate, MEMBERSHIP_PREFIX, membershipKey, membershipToItem, type Membership, type MembershipScope } from './membership-items';

export type TownRedeemOutcome = 'redeemed' | 'invite-unusable' | 'user-gone';

/** A person's memberships (切换身份) and the town roles; studio roles are granted by the studio's invites (auth). */
export class MembershipRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern 137: a person's memberships — Query `PK=USER#id AND begins_with(SK, 'MEMBER#')` (a handful). */
  async listOfUser(userId: string): Promise<Membership[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': MEMBERSHIP_PREFIX },
      ConsistentRead: true,
    });
    return items.map((i) => entityOf<Membership>(i));
  }

  /** Access pattern 137: one membership — GetItem `PK=USER#id, SK=MEMBER#STUDIO#id | MEMBER#TOWN#id` (consistent). */
  async get(userId: string, scope: MembershipScope): Promise<Membership | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: membershipKey(userId, scope), ConsistentRead: true }));
    return out.Item ? entityOf<Membership>(out.Item) : undefined;
  }

  /** Stores a membership as it is (the demo seed; a studio's invite writes its own in the redeem transaction). */
  async put(membership: Membership): Promise<void> {
    await transactWrite(this.table, [{ Put: { TableName: this.table.tableName, Item: membershipToItem(membership) } }]);
  }

  /**
   * Access pattern 138: make a membership the active one — TransactWrite: ConditionCheck the membership
   * `#role = :role` (still held) + Update the user's role and scope + keep the role left as a membership. False when
   * the membership is gone (removed meanwhile).
   */
  async activate(membership: Membership, previous?: Membership): Promise<boolean> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      {
        ConditionCheck: {
          TableName: T,
          Key: membershipKey(membership.userId, membership),
          ConditionExpression: '#role = :role',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':role': membership.role },
        },
      },
      activateUpdate(T, membership),
      ...(previous ? [keepMembershipUpdate(T, previous)] : []),
    ]);
    return !cancelled;
  }

  /**
   * Access pattern 139: grant a town role (the operator's command) — TransactWrite: Put the membership + make it active
   * (the user must exist) + keep the role left. False when there is no such user.
   */
  async grantTownRole(membership: Membership, previous?: Membership): Promise<boolean> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [{ Put: { TableName: T, Item: membershipToItem(membership) } }, activateUpdate(T, membership), ...(previous ? [keepMembershipUpdate(T, previous)] : [])]);
    return !cancelled;
  }

  /**
   * Access pattern 139 with an invite: the invite used (unused, unexpired) in the same transaction as the grant; a unit
   * liaison's is also listed under the unit (pattern 176, `name` is theirs).
   */
  async redeemTownInvite(invite: Invite, membership: Membership, now: string, previous?: Membership, name?: string): Promise<TownRedeemOutcome> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      {
        Update: {
          TableName: T,
          Key: { PK: `INVITE#${invite.code}`, SK: 'INVITE' },
          UpdateExpression: 'SET usedBy = :user, usedAt = :now',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAt > :now',
          ExpressionAttributeValues: { ':user': membership.userId, ':now': now },
        },
      },
      { Put: { TableName: T, Item: membershipToItem(membership) } },
      activateUpdate(T, membership),
      ...(previous ? [keepMembershipUpdate(T, previous)] : []),
      ...(membership.role === 'unit_liaison' && membership.townId && membership.departmentId
        ? [unitLiaisonPut(T, { townId: membership.townId, unitId: membership.departmentId, userId: membership.userId, name: name ?? '', joinedAt: now })]
        : []),
    ]);
    if (!cancelled) return 'redeemed';
    return cancelled.codes[0] === 'ConditionalCheckFailed' ? 'invite-unusable' : 'user-gone';
  }

  /**
   * Access pattern 139: leave a town role — TransactWrite: Delete the membership `attribute_exists(PK)` + when it is
   * the active one, the user back to a resident (only while still of this town); a unit liaison leaves the unit's list
   * (`unitId`, pattern 176).
   */
  async leaveTown(userId: string, townId: string, active: boolean, unitId?: string): Promise<boolean> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      { Delete: { TableName: T, Key: membershipKey(userId, { townId }), ConditionExpression: 'attribute_exists(PK)' } },
      ...(unitId ? [unitLiaisonDelete(T, townId, unitId, userId)] : []),
      ...(active
        ? [
            {
              Update: {
                TableName: T,
                Key: { PK: `USER#${userId}`, SK: 'PROFILE' },
                UpdateExpression: 'SET #role = :resident REMOVE townId, departmentId',
                ConditionExpression: 'townId = :town',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':resident': 'resident', ':town': townId },
              },
            },
          ]
        : []),
    ]);
    return !cancelled;
  }
}
