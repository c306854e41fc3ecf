import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { entityOf, isConditionFailure, queryAll, transactWrite, type TableRef, type TransactItems } from '../data/dynamodb-client';
import { cursorOf, queryPage, startKeyOf } from '../data/page-cursor';
import { retryKeyItem } from '../data/retry-key';
import { noticeWrites, type NoticeOrder } from '../notices/notice-queue.repository';
import type { RetryGuard } from '../coins/coin.repository';
import {
  claimItem,
  claimKey,
  claimPrefix,
  CLAIMS_SHAPE,
  helperCount,
  helperName,
  chinaMonth,
  OPEN_PREFIX,
  reviewShelf,
  SHELF_SHAPE,
  statsKey,
  wallShelf,
  WISHER_SHAPE,
  wishesOfWisher,
  wishesOnBehalf,
  wishItem,
  wishKey,
  type Wish,
  type WishClaim,
} from './wish-items';

export type { Wish, WishClaim, WishEvent } from './wish-items';

/** What a step adds to the month's figures. */
export interface WishCounts {
  posted?: number;
  claimed?: number;
  confirmed?: number;
  /** The claimer whose wish was confirmed: one more in the helpers' ranking. */
  helper?: { userId: string; name: string };
}

/** What else a step writes with the wish, in its one transaction. */
export interface StepWrites {
  claim?: { put: { userId: string; claim: WishClaim } } | { remove: { userId: string } };
  counts?: WishCounts;
  /** Coins credited to the claimer (coins.awardItems). */
  coins?: Record<string, unknown>[];
  notices?: NoticeOrder[];
}

type Page<T> = { items: T[]; nextCursor?: string };

const wishOf = (item: Record<string, unknown>): Wish => {
  const { GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, ...rest } = entityOf<Wish & Record<string, unknown>>(item);
  return rest as Wish;
};

/** 微心愿: every DynamoDB key of wishes and their claims (docs/access-patterns.md, patterns 82–89). */
export class WishRepository {
  constructor(readonly table: TableRef) {}

  private get T() {
    return this.table.tableName;
  }

  /** Access pattern 82: a wish by id — GetItem PK=WISH#id, SK=META (consistent). */
  async get(wishId: string): Promise<Wish | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: wishKey(wishId), ConsistentRead: true }));
    return out.Item ? wishOf(out.Item) : undefined;
  }

  /**
   * Access pattern 83: post a wish, once per retry key — TransactWrite: Put the retry key (`attribute_not_exists`), Put
   * the wish (`attribute_not_exists`), ADD `posted` to the month's figures. The id of the wish the key made before, when
   * it had (the request was retried), else undefined.
   */
  async post(wish: Wish, guard: RetryGuard): Promise<{ replayed?: { wishId: string; fingerprint: string } }> {
    const refused = await transactWrite(this.table, [
      { Put: { TableName: this.T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId: wish.id, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      { Put: { TableName: this.T, Item: wishItem(wish), ConditionExpression: 'attribute_not_exists(PK)' } },
      this.countsUpdate(wish.studioId, wish.createdAt, { posted: 1 }),
    ]);
    if (!refused) return {};
    const old = refused.old[0];
    if (old) return { replayed: { wishId: old.targetId as string, fingerprint: old.fingerprint as string } };
    throw new Error(`posting a wish was refused: ${refused.codes.join(',')}`);
  }

  /**
   * Access pattern 84: a step of a wish — TransactWrite: Put the wish as it now is, with `#status = :was AND updatedAt =
   * :read` (the state it was read in: of two steps at once, one wins; 50 volunteers claiming, exactly one); Put or
   * Delete the claimer's WishClaim; ADD to the month's figures; the claimer's coins (coins.awardItems); the notices
   * (noticeWrites). False when the wish had changed (nothing written).
   */
  async step(before: Wish, after: Wish, writes: StepWrites = {}): Promise<boolean> {
    const claim = writes.claim;
    const items: TransactItems = [
      {
        Put: {
          TableName: this.T,
          Item: wishItem(after),
          ConditionExpression: '#status = :was AND updatedAt = :read',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':was': before.status, ':read': before.updatedAt },
        },
      },
      ...(claim && 'put' in claim ? [{ Put: { TableName: this.T, Item: claimItem(claim.put.userId, claim.put.claim) } }] : []),
      ...(claim && 'remove' in claim ? [{ Delete: { TableName: this.T, Key: claimKey(claim.remove.userId, after.studioId, after.id) } }] : []),
      ...(writes.counts ? [this.countsUpdate(after.studioId, after.updatedAt, writes.counts)] : []),
      ...((writes.coins ?? []) as TransactItems),
      ...noticeWrites(this.T, writes.notices ?? []),
    ];
    return (await transactWrite(this.table, items)) === undefined;
  }

  private countsUpdate(studioId: string, at: string, counts: WishCounts): TransactItems[number] {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'WishStats', ':studio': studioId };
    const adds: string[] = [];
    const sets = ['#type = :type', 'studioId = :studio'];
    for (const key of ['posted', 'claimed', 'confirmed'] as const) {
      if (counts[key]) {
        names[`#${key}`] = key;
        values[`:${key}`] = counts[key];
        adds.push(`#${key} :${key}`);
      }
    }
    if (counts.helper) {
      names['#helper'] = helperCount(counts.helper.userId);
      names['#helperName'] = helperName(counts.helper.userId);
      values[':one'] = 1;
      values[':helperName'] = counts.helper.name;
      adds.push('#helper :one');
      sets.push('#helperName = :helperName');
    }
    return { Update: { TableName: this.T, Key: statsKey(studioId, chinaMonth(at)), UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values } };
  }

  /** Access pattern 85: the 心愿墙, open ones first — Query GSI2 GSI2PK=STUDIO#id#WISHES#WALL, a page at a time. */
  async listWall(studioId: string, page: { cursor?: string; limit: number }): Promise<Page<Wish>> {
    return this.shelfPage({ GSI2PK: wallShelf(studioId) }, page);
  }

  /** Access pattern 85: the review queue, oldest first — Query GSI2 GSI2PK=STUDIO#id#WISHES#REVIEW. */
  async listReviewQueue(studioId: string, page: { cursor?: string; limit: number }): Promise<Page<Wish>> {
    return this.shelfPage({ GSI2PK: reviewShelf(studioId) }, page);
  }

  private async shelfPage(partition: Record<string, string>, page: { cursor?: string; limit: number }): Promise<Page<Wish>> {
    const out = await queryPage(this.table, { partition, shape: SHELF_SHAPE }, { IndexName: 'GSI2' }, page);
    return { items: out.items.map(wishOf), ...(out.nextCursor ? { nextCursor: out.nextCursor } : {}) };
  }

  /**
   * Access pattern 86: a resident's own wishes / a studio's wishes typed by staff, newest first — Query GSI1
   * GSI1PK=USER#id#WISHES / STUDIO#id#WISHES#ONBEHALF (a resident's list is filtered to the studio asked).
   */
  async listOfWisher(userId: string, studioId: string, page: { cursor?: string; limit: number }): Promise<Page<Wish>> {
    const out = await queryPage(this.table, { partition: { GSI1PK: wishesOfWisher(userId) }, shape: WISHER_SHAPE }, { IndexName: 'GSI1', ScanIndexForward: false, FilterExpression: 'studioId = :studio', ExpressionAttributeValues: { ':studio': studioId } }, page);
    return { items: out.items.map(wishOf), ...(out.nextCursor ? { nextCursor: out.nextCursor } : {}) };
  }

  async listOnBehalf(studioId: string, page: { cursor?: string; limit: number }): Promise<Page<Wish>> {
    const out = await queryPage(this.table, { partition: { GSI1PK: wishesOnBehalf(studioId) }, shape: WISHER_SHAPE }, { IndexName: 'GSI1', ScanIndexForward: false }, page);
    return { items: out.items.map(wishOf), ...(out.nextCursor ? { nextCursor: out.nextCursor } : {}) };
  }

  /**
   * Access pattern 87: a volunteer's claims at a studio, newest first — Query PK=USER#id AND begins_with(SK,
   * 'WISHCLAIM#studioId#'), then BatchGetItem of their wishes (82).
   */
  async listClaimsOf(userId: string, studioId: string, page: { cursor?: string; limit: number }): Promise<Page<Wish>> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.T,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': claimPrefix(studioId) },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: startKeyOf(page.cursor, CLAIMS_SHAPE, { PK: `USER#${userId}` }),
        ConsistentRead: true,
      }),
    );
    const nextCursor = cursorOf(out.LastEvaluatedKey, CLAIMS_SHAPE);
    const ids = (out.Items ?? []).map((i) => i.wishId as string);
    return { items: await this.getMany(ids), ...(nextCursor ? { nextCursor } : {}) };
  }

  /** Every claim of a person (their data; deleting their account) — Query PK=USER#id AND begins_with(SK, 'WISHCLAIM#'). */
  async listAllClaimsOf(userId: string): Promise<WishClaim[]> {
    const out = await this.table.client.send(new QueryCommand({ TableName: this.T, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'WISHCLAIM#' }, ConsistentRead: true }));
    return (out.Items ?? []).map((i) => entityOf<WishClaim>(i));
  }

  async getMany(ids: string[]): Promise<Wish[]> {
    if (ids.length === 0) return [];
    const out = await this.table.client.send(new BatchGetCommand({ RequestItems: { [this.T]: { Keys: ids.map(wishKey), ConsistentRead: true } } }));
    const found = new Map((out.Responses?.[this.T] ?? []).map((i) => [i.id as string, wishOf(i)]));
    return ids.map((id) => found.get(id)).filter((w): w is Wish => Boolean(w));
  }

  /**
   * Access pattern 88: open wishes nobody claimed since before `approvedBefore` (the daily chase) — Query GSI2
   * GSI2PK=STUDIO#id#WISHES#WALL AND GSI2SK BETWEEN '0#' AND '0#<approvedBefore>', every page.
   */
  async listUnclaimedSince(studioId: string, approvedBefore: string): Promise<Wish[]> {
    const wishes: Wish[] = [];
    let after: Record<string, unknown> | undefined;
    do {
      const out = await this.table.client.send(
        new QueryCommand({
          TableName: this.T,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': wallShelf(studioId), ':from': OPEN_PREFIX, ':to': `${OPEN_PREFIX}${approvedBefore}` },
          ExclusiveStartKey: after,
        }),
      );
      wishes.push(...(out.Items ?? []).map(wishOf));
      after = out.LastEvaluatedKey;
    } while (after);
    return wishes;
  }

  /** Access pattern 89: a month's figures — GetItem PK=STUDIO#id, SK=WISHSTATS#YYYY-MM (moved by ADD in 83 and 84). */
  async getFigures(studioId: string, monthId: string): Promise<{ posted: number; claimed: number; confirmed: number; helpers: { userId: string; name: string; confirmed: number }[] }> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: statsKey(studioId, monthId), ConsistentRead: true }));
    const item = out.Item ?? {};
    const helpers = Object.entries(item)
      .filter(([name]) => name.startsWith('helper#'))
      .map(([name, count]) => {
        const userId = name.slice('helper#'.length);
        return { userId, name: (item[helperName(userId)] as string | undefined) ?? '志愿者', confirmed: count as number };
      });
    return { posted: (item.posted as number) ?? 0, claimed: (item.claimed as number) ?? 0, confirmed: (item.confirmed as number) ?? 0, helpers };
  }

  /** A resident's own wishes at every studio (their data; deleting their account) — Query GSI1 GSI1PK=USER#id#WISHES, every page. */
  async listAllOfWisher(userId: string): Promise<Wish[]> {
    return (await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': wishesOfWisher(userId) } })).map(wishOf);
  }

  /**
   * A person's name leaves the helpers' figures of a month (their account is deleted): Update SET the name to
   * （已注销） when the month counts them (`attribute_exists`).
   */
  async forgetHelper(studioId: string, monthId: string, userId: string): Promise<void> {
    await this.table.client
      .send(new UpdateCommand({ TableName: this.T, Key: statsKey(studioId, monthId), UpdateExpression: 'SET #name = :gone', ConditionExpression: 'attribute_exists(#count)', ExpressionAttributeNames: { '#name': helperName(userId), '#count': helperCount(userId) }, ExpressionAttributeValues: { ':gone': '（已注销）' } }))
      .catch((error) => {
        if (!isConditionFailure(error)) throw error;
      });
  }
}
