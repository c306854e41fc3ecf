import { GetCommand, PutCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { NOTICE_KINDS, type NoticeKind } from '@shared/schemas/notice';
import { entityOf, isConditionFailure, type TableRef } from '../data/dynamodb-client';
import { NOTICE_ITEM_TYPES } from './notice-stream-filter';

/**
 * The transactional outbox of notices (docs/access-patterns.md, "NoticeRequest", "NoticeDelivery"). A change that must
 * tell someone writes its notice in its own transaction: a delivery (one resident) or a request (a fan-out, expanded
 * later into deliveries). The table's stream hands both to the notice consumer (notices/notice-stream.ts), which
 * delivers each delivery once: in-app 消息 and WeChat (or the local outbox).
 */

/** What a resident is told: the kind, the page a tap opens, and the template's values (Chinese). */
export interface NoticeContent {
  kind: NoticeKind;
  page: string;
  data: Record<string, string>;
}

/** Who a fan-out is for, resolved by the consumer — never in the request that caused it. */
export type Audience =
  /** A studio's followers (关注), but the resident the news is about. */
  | { kind: 'followers'; studioId: string; except?: string }
  /** Everyone still booked on a cancelled stand: the consumer cancels each booking, then tells its resident. */
  | { kind: 'bookings_of_cancelled_stand'; standId: string }
  /** A consultation's invitees (the residents who raised or seconded its matters, the representatives), but its author. */
  | { kind: 'consultation_invitees'; consultationId: string; except?: string }
  /** A town's 协调会: the invited units' liaisons and the invited studios' admins, but its author. */
  | { kind: 'coordination_invitees'; coordinationId: string; except?: string }
  /** The residents who 附议'd a matter (its milestones: progress, 答复, 办结). */
  | { kind: 'seconders'; submissionId: string };

/** A fan-out notice, one item in the transaction of its cause whatever the number of recipients. */
export interface NoticeRequest {
  /** Deterministic: says what caused it (`<submissionId>.v<version>.board_update`, `<standId>.stand_cancelled`). */
  id: string;
  audience: Audience;
  /** The notice, before each recipient's page and values are added. */
  notice: NoticeContent;
  createdAt: string;
  /** Set once every delivery of it is queued: a replay of its stream record expands nothing again. */
  expandedAt?: string;
}

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'refused', 'failed', 'dropped'] as const;
/**
 * pending → sending (claimed) → sent | refused (permanent: no subscription, no template, no WeChat account) |
 * failed (transient: retried, then the dead-letter queue) | dropped (no longer relevant: the booking was cancelled,
 * the account deleted). Only a pending or failed delivery can be claimed, so a retried record never sends twice.
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One notice for one resident. */
export interface NoticeDelivery extends NoticeContent {
  /** Deterministic (`<cause>.<recipient>`): queueing the same notice twice finds the first. */
  id: string;
  userId: string;
  /** The id of its line in the resident's 消息 list: a ULID made when it was queued (the list sorts by it). */
  noticeId: string;
  createdAt: string;
  status: DeliveryStatus;
  /** Claims so far (each try to send). */
  attempts: number;
  /** The fan-out it came from. */
  requestId?: string;
  /** A booking reminder: the entry is marked reminded once this is sent or refused. */
  reminds?: { standId: string; entryId: string };
  claimedAt?: string;
  settledAt?: string;
  /** Why the last try failed or was refused (never personal data: WeChat's error, the channel's outcome). */
  reason?: string;
}

/** A notice for one resident, as a change orders it. */
export type DeliveryOrder = Pick<NoticeDelivery, 'id' | 'userId' | 'noticeId' | 'createdAt' | 'requestId' | 'reminds'> & { notice: NoticeContent };

/** What a transaction may carry: a delivery for one resident or a fan-out request. */
export type NoticeOrder = ({ to: 'resident' } & DeliveryOrder) | ({ to: 'audience' } & NoticeRequest);

export const deliveryOf = (order: DeliveryOrder): NoticeDelivery => ({
  id: order.id,
  userId: order.userId,
  ...order.notice,
  noticeId: order.noticeId,
  createdAt: order.createdAt,
  status: 'pending',
  attempts: 0,
  ...(order.requestId ? { requestId: order.requestId } : {}),
  ...(order.reminds ? { reminds: order.reminds } : {}),
});

// Keys of notice requests and deliveries (docs/access-patterns.md). One partition per delivery: the stream spreads
// a fan-out over its shards, and parallel lanes of a shard keep only one partition's records in order.
const requestKey = (id: string) => ({ PK: `NOTICE_REQUEST#${id}`, SK: 'REQUEST' });
const deliveryKey = (id: string) => ({ PK: `DELIVERY#${id}`, SK: 'DELIVERY' });

/** Kept a month for reading what happened to a notice, then deleted by TTL. */
const KEEP_SECONDS = 30 * 86_400;
const ttlAfter = (at: string) => Math.floor(Date.parse(at) / 1000) + KEEP_SECONDS;

const requestItem = (r: NoticeRequest) => ({ ...requestKey(r.id), type: NOTICE_ITEM_TYPES.request, ...r, ttl: ttlAfter(r.createdAt) });
const deliveryItem = (d: NoticeDelivery) => ({ ...deliveryKey(d.id), type: NOTICE_ITEM_TYPES.delivery, ...d, ttl: ttlAfter(d.createdAt) });

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The outbox items of a change, for its own transaction: each is new (its id names the change), so the condition
 * only guards against a programming error.
 */
export function noticeWrites(tableName: string, orders: readonly NoticeOrder[]): TransactItem[] {
  return orders.map((order) => {
    const Item = order.to === 'resident' ? deliveryItem(deliveryOf(order)) : requestItem({ id: order.id, audience: order.audience, notice: order.notice, createdAt: order.createdAt });
    return { Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } };
  });
}

const contentSchema = { kind: z.enum(NOTICE_KINDS), page: z.string(), data: z.record(z.string()) };
const requestSchema: z.ZodType<NoticeRequest> = z.object({
  id: z.string().min(1),
  audience: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('followers'), studioId: z.string().min(1), except: z.string().optional() }),
    z.object({ kind: z.literal('bookings_of_cancelled_stand'), standId: z.string().min(1) }),
    z.object({ kind: z.literal('consultation_invitees'), consultationId: z.string().min(1), except: z.string().optional() }),
    z.object({ kind: z.literal('coordination_invitees'), coordinationId: z.string().min(1), except: z.string().optional() }),
    z.object({ kind: z.literal('seconders'), submissionId: z.string().min(1) }),
  ]),
  notice: z.object(contentSchema),
  createdAt: z.string().min(1),
  expandedAt: z.string().optional(),
});
const deliverySchema: z.ZodType<NoticeDelivery> = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  ...contentSchema,
  noticeId: z.string().min(1),
  createdAt: z.string().min(1),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().min(0),
  requestId: z.string().optional(),
  reminds: z.object({ standId: z.string().min(1), entryId: z.string().min(1) }).optional(),
  claimedAt: z.string().optional(),
  settledAt: z.string().optional(),
  reason: z.string().optional(),
});

export type NoticeStreamItem = { type: 'request'; request: NoticeRequest } | { type: 'delivery'; delivery: NoticeDelivery };

/** A stream record's new image (unmarshalled) as a request or a delivery; throws when it is neither (a poisoned record). */
export function noticeStreamItemOf(image: Record<string, unknown>): NoticeStreamItem {
  if (image.type === NOTICE_ITEM_TYPES.request) return { type: 'request', request: requestSchema.parse(entityOf(image)) };
  if (image.type === NOTICE_ITEM_TYPES.delivery) return { type: 'delivery', delivery: deliverySchema.parse(entityOf(image)) };
  throw new Error(`not a notice item: ${String(image.type)}`);
}

export class NoticeQueueRepository {
  constructor(private readonly table: TableRef) {}

  /** Queues a delivery unless one with its id exists (Put `attribute_not_exists(PK)`): false when it did. */
  async enqueue(order: DeliveryOrder): Promise<boolean> {
    try {
      await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: deliveryItem(deliveryOf(order)), ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern: whether a fan-out request was expanded — GetItem PK=NOTICE_REQUEST#id, SK=REQUEST (consistent). */
  async wasExpanded(requestId: string): Promise<boolean> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: requestKey(requestId), ConsistentRead: true, ProjectionExpression: 'expandedAt' }));
    return Boolean(out.Item?.expandedAt);
  }

  /** Marks a fan-out request expanded (every delivery queued). */
  async markExpanded(requestId: string, at: string): Promise<void> {
    await this.table.client.send(
      new UpdateCommand({ TableName: this.table.tableName, Key: requestKey(requestId), UpdateExpression: 'SET expandedAt = :at', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':at': at } }),
    );
  }

  /** Access pattern: a delivery by id — GetItem PK=DELIVERY#id, SK=DELIVERY (consistent). */
  async get(id: string): Promise<NoticeDelivery | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: deliveryKey(id), ConsistentRead: true }));
    return out.Item ? deliverySchema.parse(entityOf(out.Item)) : undefined;
  }

  /**
   * Claims a delivery for one try: pending or failed (or a claim older than `staleBefore`, whose holder died) →
   * sending, attempts + 1. Undefined when it is not claimable (sent, refused, dropped, or being sent right now).
   */
  async claim(id: string, at: string, staleBefore: string): Promise<NoticeDelivery | undefined> {
    try {
      const out = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: deliveryKey(id),
          UpdateExpression: 'SET #status = :sending, claimedAt = :at, attempts = if_not_exists(attempts, :zero) + :one',
          ConditionExpression: 'attribute_exists(PK) AND (#status IN (:pending, :failed) OR (#status = :sending AND claimedAt < :stale))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':failed': 'failed', ':at': at, ':stale': staleBefore, ':zero': 0, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return deliverySchema.parse(entityOf(out.Attributes!));
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Ends a try: only the claim that holds it (`claimedAt`) may. False when another took it over meanwhile. */
  async settle(claimed: Pick<NoticeDelivery, 'id' | 'claimedAt'>, status: Exclude<DeliveryStatus, 'pending' | 'sending'>, at: string, reason?: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: deliveryKey(claimed.id),
          UpdateExpression: `SET #status = :status, settledAt = :at${reason ? ', reason = :reason' : ' REMOVE reason'}`,
          ConditionExpression: '#status = :sending AND claimedAt = :claimedAt',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status, ':at': at, ':sending': 'sending', ':claimedAt': claimed.claimedAt, ...(reason ? { ':reason': reason.slice(0, 300) } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
