import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@shared/roles';
import { isConditionFailure, type TableRef } from '../data/dynamodb-client';

/** A person known to the system. Studio roles carry the studio they belong to. */
export interface User {
  id: string;
  displayName: string;
  role: Role;
  studioId?: string;
  createdAt: string;
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
  const { id, displayName, role, studioId, createdAt } = item as unknown as User;
  return { id, displayName, role, ...(studioId ? { studioId } : {}), createdAt };
}

export class UserRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern: user by id — GetItem PK=USER#id, SK=PROFILE. */
  async getUser(userId: string): Promise<User | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: userKey(userId) }));
    return out.Item ? userFromItem(out.Item) : undefined;
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
