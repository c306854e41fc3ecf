import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ConsultationStatus } from '@shared/schemas/consultations';
import { entityOf, transactWrite, type TableRef } from '../data/dynamodb-client';
import { queryPage } from '../data/page-cursor';
import { retryKeyItem, type RetryKeyRecord } from '../data/retry-key';
import type { RetryGuard } from '../coins/coin.repository';
import { noticeWrites, type NoticeOrder } from '../notices/notice-queue.repository';
import { shelfSortKey } from './consultation-items';
import { coordinationItem, coordinationKey, townShelf, TOWN_SHAPE, type Coordination } from './coordination-items';

/** The fields a step sets (besides the status and the shelf). */
type StepFields = Partial<Pick<Coordination, 'units' | 'minutes' | 'decision' | 'decidedAt' | 'result' | 'resultAt' | 'cancelReason'>>;

/** A town's 协调会 (docs/access-patterns.md, 178–181). */
export class CoordinationRepository {
  constructor(private readonly table: TableRef) {}

  /**
   * Access pattern 178: a new 协调会 once per retry key — one transaction: Put the key (`attribute_not_exists`; a
   * repeat answers the meeting it made), Put the meeting (`attribute_not_exists`) and the invitees' fan-out notice.
   */
  async create(c: Coordination, notices: readonly NoticeOrder[], guard: RetryGuard): Promise<{ replayed?: RetryKeyRecord }> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      { Put: { TableName: T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId: c.id, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      { Put: { TableName: T, Item: coordinationItem(c), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...noticeWrites(T, notices),
    ]);
    if (!cancelled) return {};
    const old = cancelled.old[0];
    if (old) return { replayed: { targetId: old.targetId as string, fingerprint: old.fingerprint as string } };
    throw new Error(`coordination create cancelled: ${cancelled.codes.join(',')}`);
  }

  /** Access pattern 179: a 协调会 by id — GetItem `PK=COORDINATION#id, SK=META` (consistent). */
  async get(id: string): Promise<Coordination | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: coordinationKey(id), ConsistentRead: true }));
    return out.Item ? entityOf<Coordination>(out.Item) : undefined;
  }

  /**
   * Access pattern 180: a step — Update the meeting only if it is still in `from` (SET the step's fields, the status
   * and its place on the town's shelf). False when its status changed meanwhile: nothing written.
   */
  async step(c: Coordination, from: ConsultationStatus, to: ConsultationStatus, fields: StepFields): Promise<boolean> {
    const set: Record<string, unknown> = { ...fields, status: to, GSI1SK: shelfSortKey({ ...c, status: to }) };
    const cancelled = await transactWrite(this.table, [
      {
        Update: {
          TableName: this.table.tableName,
          Key: coordinationKey(c.id),
          UpdateExpression: `SET ${Object.keys(set).map((k) => `#${k} = :${k}`).join(', ')}`,
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: Object.fromEntries(Object.keys(set).map((k) => [`#${k}`, k])),
          ExpressionAttributeValues: { ...Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v])), ':from': from },
        },
      },
    ]);
    return !cancelled;
  }

  /** Access pattern 181, a page: a town's 协调会, upcoming first — Query GSI1 `GSI1PK=TOWN#id#CONSULTATIONS`. */
  async listOfTownPage(townId: string, page: { cursor?: string; limit: number }): Promise<{ items: Coordination[]; nextCursor?: string }> {
    const { items, nextCursor } = await queryPage(this.table, { partition: { GSI1PK: townShelf(townId) }, shape: TOWN_SHAPE }, { IndexName: 'GSI1' }, page);
    return { items: items.map((i) => entityOf<Coordination>(i)), nextCursor };
  }
}
