import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeKind } from '../adapters/notify/notifier';
import { entityOf, isConditionFailure, queryAll, type TableRef } from '../data/dynamodb-client';

/** A line in a resident's in-app message list (消息). */
export interface InAppNotification {
  id: string;
  userId: string;
  kind: NoticeKind;
  title: string;
  body: string;
  page: string;
  at: string;
  read: boolean;
}

// Keys of notifications and follows (docs/access-patterns.md).
const notificationKey = (userId: string, id: string) => ({ PK: `USER#${userId}`, SK: `NOTICE#${id}` });
const followerKey = (studioId: string, userId: string) => ({ PK: `STUDIO#${studioId}#FOLLOWERS`, SK: `USER#${userId}` });
const followingKey = (userId: string, studioId: string) => ({ PK: `USER#${userId}`, SK: `FOLLOWS#${studioId}` });

const KEEP_DAYS = 90;

export class NotificationRepository {
  constructor(private readonly table: TableRef) {}

  /**
   * Puts a line in a resident's 消息 list once: its id comes with the delivery, so a retried delivery finds it there
   * (`attribute_not_exists(PK)`) and leaves it as it is — read or not.
   */
  async putOnce(n: InAppNotification): Promise<void> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...notificationKey(n.userId, n.id), type: 'Notification', ...n, ttl: Math.floor(Date.parse(n.at) / 1000) + KEEP_DAYS * 86_400 },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** Access pattern: a resident's messages — Query PK=USER#id AND begins_with(SK, 'NOTICE#'), newest first. */
  async listRecent(userId: string, limit = 50): Promise<InAppNotification[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'NOTICE#' },
        ScanIndexForward: false,
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => entityOf<InAppNotification>(i));
  }

  /** Access pattern: all of a resident's messages (their data export, account deletion) — the Query of `listRecent`, every page. */
  async listAllOfUser(userId: string): Promise<InAppNotification[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'NOTICE#' },
      ConsistentRead: true,
    });
    return items.map((i) => entityOf<InAppNotification>(i));
  }

  async deleteNotification(userId: string, id: string): Promise<void> {
    await this.table.client.send(new DeleteCommand({ TableName: this.table.tableName, Key: notificationKey(userId, id) }));
  }

  async markRead(userId: string, ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.table.client.send(
        new UpdateCommand({ TableName: this.table.tableName, Key: notificationKey(userId, id), UpdateExpression: 'SET #read = :true', ExpressionAttributeNames: { '#read': 'read' }, ExpressionAttributeValues: { ':true': true } }),
      );
    }
  }

  /** Follows a studio: the studio's follower list and the resident's own record, together. */
  async follow(studioId: string, userId: string, at: string): Promise<void> {
    await this.table.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table.tableName, Item: { ...followerKey(studioId, userId), type: 'Follower', studioId, userId, at } } },
          { Put: { TableName: this.table.tableName, Item: { ...followingKey(userId, studioId), type: 'Follows', studioId, userId, at } } },
        ],
      }),
    );
  }

  async unfollow(studioId: string, userId: string): Promise<void> {
    await this.table.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.table.tableName, Key: followerKey(studioId, userId) } },
          { Delete: { TableName: this.table.tableName, Key: followingKey(userId, studioId) } },
        ],
      }),
    );
  }

  /** Access pattern: does a resident follow a studio — GetItem PK=USER#id, SK=FOLLOWS#studioId. */
  async isFollowing(userId: string, studioId: string): Promise<boolean> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: followingKey(userId, studioId) }));
    return Boolean(out.Item);
  }

  /** Access pattern: the studios a resident follows — Query PK=USER#id AND begins_with(SK, 'FOLLOWS#'). */
  async listFollowsOfUser(userId: string): Promise<{ studioId: string; at: string }[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'FOLLOWS#' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => ({ studioId: i.studioId as string, at: i.at as string }));
  }

  /** Access pattern: a studio's followers — Query PK=STUDIO#id#FOLLOWERS. */
  async listFollowers(studioId: string): Promise<string[]> {
    const users: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.client.send(
        new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}#FOLLOWERS` }, ExclusiveStartKey }),
      );
      users.push(...(out.Items ?? []).map((i) => i.userId as string));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return users;
  }
}

