import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ErrandStatus } from '@shared/schemas/errands';
import { entityOf, isConditionFailure, queryAll, transactWrite, type TableRef, type TransactItems } from '../data/dynamodb-client';
import { queryPage, type PageKeyShape } from '../data/page-cursor';
import { readRetryKey, retryKeyItem } from '../data/retry-key';
import { noticeWrites, type NoticeOrder } from '../notices/notice-queue.repository';
import {
  byStatus,
  contactKey,
  figuresKey,
  figuresWrite,
  kindKey,
  logKey,
  ofResident,
  ofVolunteer,
  placeWrites,
  orderItem,
  orderKey,
  RESIDENT_PAGE,
  STATUS_PAGE,
  VOLUNTEER_PAGE,
  type ContactEntry,
  type ErrandContact,
  type ErrandFigures,
  type ErrandKind,
  type ErrandOrder,
} from './errand-items';

export type { ContactEntry, ErrandContact, ErrandFigures, ErrandKind, ErrandOrder } from './errand-items';

export interface RetryGuard {
  actorId: string;
  requestId: string;
  fingerprint: string;
  requestTtl: number;
}

type Page = { cursor?: string; limit: number };

const FINISHED: readonly ErrandStatus[] = ['confirmed', 'cancelled', 'refused'];

/** 点单-配送: every DynamoDB key of the errand catalogue, orders, their contact logs (docs/access-patterns.md, 90–99). */
export class ErrandRepository {
  constructor(readonly table: TableRef) {}

  private get T() {
    return this.table.tableName;
  }

  /** Access pattern 90: a studio's catalogue — Query PK=STUDIO#id AND begins_with(SK, 'ERRANDKIND#') (a few dozen at most). */
  async listKinds(studioId: string): Promise<ErrandKind[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.T, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}`, ':prefix': 'ERRANDKIND#' }, ConsistentRead: true }),
    );
    return (out.Items ?? []).map((i) => entityOf<ErrandKind>(i));
  }

  /** Access pattern 90: one kind — GetItem PK=STUDIO#id, SK=ERRANDKIND#kindId. */
  async getKind(studioId: string, kindId: string): Promise<ErrandKind | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: kindKey(studioId, kindId), ConsistentRead: true }));
    return out.Item ? entityOf<ErrandKind>(out.Item) : undefined;
  }

  /** A new kind (its id is new) or a change to one that exists. False when the condition failed. */
  async putKind(kind: ErrandKind, isNew: boolean): Promise<boolean> {
    try {
      await this.table.client.send(new PutCommand({ TableName: this.T, Item: { ...kindKey(kind.studioId, kind.id), type: 'ErrandKind', ...kind }, ConditionExpression: isNew ? 'attribute_not_exists(PK)' : 'attribute_exists(PK)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Access pattern 91, 点单: the order, its address and phone (apart), the month's figures and the retry key, in one transaction. The
   * same retry key answers the order it made (`replayed`), never a second one.
   */
  async place(order: ErrandOrder, contact: ErrandContact, guard: RetryGuard, notices: NoticeOrder[]): Promise<{ kind: 'placed' } | { kind: 'replayed'; targetId: string; fingerprint: string }> {
    const cancelled = await transactWrite(this.table, [
      { Put: { TableName: this.T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId: order.id, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...placeWrites(this.T, order, contact),
            ...noticeWrites(this.T, notices),
    ]);
    if (!cancelled) return { kind: 'placed' };
    const previous = cancelled.codes[0] === 'ConditionalCheckFailed' ? await readRetryKey(this.table, guard.actorId, guard.requestId) : undefined;
    if (previous) return { kind: 'replayed', ...previous };
    throw new Error(`errand not placed: ${cancelled.codes.join(',')}`);
  }

  /** Access pattern 91: one order — GetItem PK=ERRAND#id, SK=META (consistent). */
  async get(id: string): Promise<ErrandOrder | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: orderKey(id), ConsistentRead: true }));
    return out.Item ? entityOf<ErrandOrder>(out.Item) : undefined;
  }

  /** Access pattern 92: an order's address and phone — GetItem PK=ERRAND#id, SK=CONTACT (only for the audited reveal). */
  async getContact(id: string): Promise<ErrandContact | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: contactKey(id), ConsistentRead: true }));
    return out.Item ? { errandId: out.Item.errandId as string, address: out.Item.address as string, phone: out.Item.phone as string } : undefined;
  }

  /**
   * Access pattern 93, one step of an order: the order as `next`, written only over the version and status read (two taps, or fifty
   * volunteers claiming at once: exactly one passes); the month's figures move with it; its notices and any writes of
   * another context (the volunteer's coins) in the same transaction. Once it is over (已确认, 已取消, 未通过) its address
   * and phone are deleted with that step: nobody needs them any more. False when the order had changed (nothing written).
   */
  async step(previous: ErrandOrder, next: ErrandOrder, notices: NoticeOrder[], also: Record<string, unknown>[] = []): Promise<boolean> {
    const moved: Record<string, number> = previous.status !== next.status ? { [previous.status]: -1, [next.status]: 1 } : {};
    const rated: Record<string, number> = next.rating && !previous.rating ? { ratings: 1, ratingSum: next.rating } : {};
    const figures = Object.keys(moved).length + Object.keys(rated).length > 0 ? [figuresWrite(this.T, next.studioId, next.createdAt, { ...moved, ...rated })] : [];
    const cancelled = await transactWrite(this.table, [
      {
        Put: {
          TableName: this.T,
          Item: orderItem(next),
          ConditionExpression: '#status = :was AND version = :version',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':was': previous.status, ':version': previous.version },
        },
      },
      ...figures,
      ...(FINISHED.includes(next.status) ? [{ Delete: { TableName: this.T, Key: contactKey(next.id) } }] : []),
      ...noticeWrites(this.T, notices),
      ...(also as TransactItems),
    ]);
    if (!cancelled) return true;
    if (cancelled.codes[0] === 'ConditionalCheckFailed') return false;
    throw new Error(`errand step not written: ${cancelled.codes.join(',')}`);
  }

  /** Access pattern 94: a studio's orders in one status, oldest first — Query GSI1 GSI1PK=STUDIO#id#ERRANDS#status, a page. */
  async listByStatus(studioId: string, status: ErrandStatus, page: Page): Promise<{ orders: ErrandOrder[]; nextCursor?: string }> {
    const out = await queryPage(this.table, { partition: { GSI1PK: byStatus(studioId, status) }, shape: STATUS_PAGE }, { IndexName: 'GSI1' }, page);
    return { orders: out.items.map((i) => entityOf<ErrandOrder>(i)), ...(out.nextCursor ? { nextCursor: out.nextCursor } : {}) };
  }

  /** Access pattern 95: a resident's orders at a studio, newest first — Query GSI2 GSI2PK=USER#id#ERRANDS, filter studioId. */
  listOfResident(studioId: string, userId: string, page: Page): Promise<{ orders: ErrandOrder[]; nextCursor?: string }> {
    return this.listOfPerson('GSI2', { GSI2PK: ofResident(userId) }, RESIDENT_PAGE, studioId, page);
  }

  /** Access pattern 96: a volunteer's orders at a studio, newest first — Query GSI3 GSI3PK=USER#id#ERRANDTASKS, filter studioId. */
  listOfVolunteer(studioId: string, userId: string, page: Page): Promise<{ orders: ErrandOrder[]; nextCursor?: string }> {
    return this.listOfPerson('GSI3', { GSI3PK: ofVolunteer(userId) }, VOLUNTEER_PAGE, studioId, page);
  }

  private async listOfPerson(index: 'GSI2' | 'GSI3', partition: Record<string, string>, shape: PageKeyShape, studioId: string, page: Page) {
    const out = await queryPage(this.table, { partition, shape }, { IndexName: index, ScanIndexForward: false, FilterExpression: 'studioId = :studio', ExpressionAttributeValues: { ':studio': studioId } }, page);
    return { orders: out.items.map((i) => entityOf<ErrandOrder>(i)), ...(out.nextCursor ? { nextCursor: out.nextCursor } : {}) };
  }

  /** Access pattern 97: an order's contact log, oldest first — Query PK=ERRAND#id AND begins_with(SK, 'LOG#'). */
  async listLog(id: string): Promise<ContactEntry[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `ERRAND#${id}`, ':prefix': 'LOG#' }, ConsistentRead: true });
    return items.map((i) => entityOf<ContactEntry>(i));
  }

  async addLog(entry: ContactEntry): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.T, Item: { ...logKey(entry.errandId, entry.id), type: 'ErrandContactEntry', ...entry }, ConditionExpression: 'attribute_not_exists(PK)' }));
  }

  /** Access pattern 98: a studio's figures for a month — GetItem PK=STUDIO#id, SK=ERRANDSTATS#yyyy-mm (a counters item). */
  async figures(studioId: string, forMonth: string): Promise<ErrandFigures> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: figuresKey(studioId, forMonth), ConsistentRead: true }));
    const item = out.Item ?? {};
    const byStatusCounts = Object.fromEntries(Object.entries(item).filter(([k, v]) => typeof v === 'number' && !['ratings', 'ratingSum'].includes(k))) as ErrandFigures['byStatus'];
    return { month: forMonth, byStatus: byStatusCounts, ratings: (item.ratings as number) ?? 0, ratingSum: (item.ratingSum as number) ?? 0 };
  }

  /** Access pattern 99: every order a person placed or served (their data) — Query GSI2 / GSI3 on their partition. */
  async listAllOfPerson(userId: string): Promise<{ ordered: ErrandOrder[]; served: ErrandOrder[] }> {
    const [ordered, served] = await Promise.all([
      queryAll(this.table, { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': ofResident(userId) } }),
      queryAll(this.table, { IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': ofVolunteer(userId) } }),
    ]);
    return { ordered: ordered.map((i) => entityOf<ErrandOrder>(i)), served: served.map((i) => entityOf<ErrandOrder>(i)) };
  }

  /**
   * A deleted account: the address and phone of their orders are deleted, the orders keep no link to them (the
   * studio's record of the service stays, as 已注销); an order still going on is cancelled by the caller first.
   */
  async forgetResident(order: ErrandOrder): Promise<void> {
    await this.table.client.send(new DeleteCommand({ TableName: this.T, Key: contactKey(order.id) }));
    await this.table.client.send(
      new UpdateCommand({ TableName: this.T, Key: orderKey(order.id), UpdateExpression: 'SET personName = :gone REMOVE residentId, GSI2PK, GSI2SK, note', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':gone': '（已注销）' } }),
    );
  }

  /** A deleted volunteer account: their orders keep no link to them. */
  async forgetVolunteer(order: ErrandOrder): Promise<void> {
    await this.table.client.send(
      new UpdateCommand({ TableName: this.T, Key: orderKey(order.id), UpdateExpression: 'SET volunteerName = :gone REMOVE volunteerId, GSI3PK, GSI3SK', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':gone': '（已注销）' } }),
    );
  }
}
