import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@shared/roles';
import { isConditionFailure, type TableRef } from '../data/dynamodb-client';
import type { ItemRead } from '../data/batch-reader';

/** A person known to the system. Studio roles carry the studio they belong to. */
export interface User {
  id: string;
  displayName: string;
  role: Role;
  studioId?: string;
  /** A grid head's grid (网格员 / 院落长). */
  gridId?: string;
  /** A liaison's department (set by the invite they redeemed). */
  departmentId?: string;
  /** The town of a town role (`town_admin`): the active membership's scope, like `studioId`. */
  townId?: string;
  createdAt: string;
}

/** What a stored user may do now: their active membership (the router and every new session read it). */
export function principalOf(user: Pick<User, 'id' | 'role' | 'studioId' | 'townId' | 'gridId' | 'departmentId'>): { userId: string; role: Role; studioId?: string; townId?: string; gridId?: string; departmentId?: string } {
  return {
    userId: user.id,
    role: user.role,
    ...(user.studioId ? { studioId: user.studioId } : {}),
    ...(user.townId ? { townId: user.townId } : {}),
    ...(user.gridId ? { gridId: user.gridId } : {}),
    ...(user.departmentId ? { departmentId: user.departmentId } : {}),
  };
}

// Keys of the user entity (docs/access-patterns.md: "user by id", "user by WeChat openid").
const userKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' });
const openidKey = (openid: string) => ({ PK: `OPENID#${openid}`, SK: 'LINK' });
/** The way back, for WeChat notices; a separate item keeps the openid out of every profile read. */
const userOpenidKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'OPENID' });

export function userToItem(user: User) {
  return { ...userKey(user.id), type: 'User', ...user };
}

function userFromItem(item: Record<string, unknown>): User {
  const { id, displayName, role, studioId, gridId, departmentId, townId, createdAt } = item as unknown as User;
  return { id, displayName, role, ...(studioId ? { studioId } : {}), ...(gridId ? { gridId } : {}), ...(departmentId ? { departmentId } : {}), ...(townId ? { townId } : {}), createdAt };
}

export class UserRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern: user by id — GetItem PK=USER#id, SK=PROFILE. */
  async getUser(userId: string): Promise<User | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: userKey(userId) }));
    return out.Item ? userFromItem(out.Item) : undefined;
  }

  /** Access pattern 1 as part of a batch (`BatchReader`). */
  userRead(userId: string): ItemRead<User> {
    return { key: userKey(userId), from: userFromItem };
  }

  /** Access pattern 4 as part of a batch: the user's openid (for WeChat's content check and notices). */
  openidRead(userId: string): ItemRead<string | undefined> {
    return { key: userOpenidKey(userId), from: (item) => item.openid as string | undefined };
  }

  /** Access pattern: user by WeChat openid — GetItem PK=OPENID#openid, SK=LINK. */
  async findUserIdByOpenid(openid: string): Promise<string | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: openidKey(openid), ConsistentRead: true }));
    return out.Item?.userId as string | undefined;
  }

  /** Access pattern: openid of a user — GetItem PK=USER#id, SK=OPENID (for WeChat subscribe messages). */
  async findOpenidOfUser(userId: string): Promise<string | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: userOpenidKey(userId) }));
    return out.Item?.openid as string | undefined;
  }

  /**
   * Account deletion, before the user itself: deletes whatever else is left under `USER#id` (day counts of bookings,
   * and anything a later feature keeps there) — Query `PK=USER#id` for the keys, Delete each but the profile and the
   * openid, which `deleteUser` removes last. Returns how many it deleted.
   */
  async deleteRemainingItemsOfUser(userId: string): Promise<number> {
    let deleted = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.client.send(
        new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': userKey(userId).PK }, ProjectionExpression: 'PK, SK', ConsistentRead: true, ExclusiveStartKey }),
      );
      for (const key of out.Items ?? []) {
        if (key.SK === userKey(userId).SK || key.SK === userOpenidKey(userId).SK) continue;
        await this.table.client.send(new DeleteCommand({ TableName: this.table.tableName, Key: { PK: key.PK, SK: key.SK } }));
        deleted += 1;
      }
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return deleted;
  }

  /**
   * The last step of deleting an account, in one transaction: the profile, the user's openid item and the openid's
   * link (only while it still points at this user). A later sign-in with the same WeChat finds no link and makes a
   * new, empty resident. Idempotent.
   */
  async deleteUser(userId: string): Promise<void> {
    const openid = await this.findOpenidOfUser(userId);
    const T = this.table.tableName;
    await this.table.client.send(
      new TransactWriteCommand({
        TransactItems: [
          ...(openid ? [{ Delete: { TableName: T, Key: openidKey(openid), ConditionExpression: 'attribute_not_exists(PK) OR userId = :user', ExpressionAttributeValues: { ':user': userId } } }] : []),
          { Delete: { TableName: T, Key: userOpenidKey(userId) } },
          { Delete: { TableName: T, Key: userKey(userId) } },
        ],
      }),
    );
  }

  /**
   * Creates the user and the openid link in one transaction; the link's condition makes an openid map to
   * exactly one user even when two sign-ins race. Returns false when another request won the race.
   */
  async createUserForOpenid(user: User, openid: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table.tableName, Item: { ...openidKey(openid), type: 'OpenidLink', userId: user.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: this.table.tableName, Item: userToItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: this.table.tableName, Item: { ...userOpenidKey(user.id), type: 'UserOpenid', openid } } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
