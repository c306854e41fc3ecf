import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { BookingStatus } from '@shared/schemas/booking';
import { entityOf, isConditionFailure, queryAll, transactWrite, type TableRef, type TransactItems } from '../data/dynamodb-client';
import { queryPage, ULID, type PageKeyShape } from '../data/page-cursor';
import { slotKey, standKey } from './stand.repository';
import { readRetryKey, retryKeyItem } from '../data/retry-key';
import { contactStillKept, ttlOf } from '../privacy/retention';
import { placeWrites, type ErrandContact, type ErrandOrder } from '../errands/errand-items';
import { noticeWrites, type NoticeOrder } from '../notices/notice-queue.repository';
import { deltaOfChange, deltaOfNewEntry, figuresWrites } from './stand-figures.repository';

/**
 * A place in a stand's queue: a resident's booking of a slot, or a walk-in's numbered ticket.
 * Lives in the stand's partition so the staff console reads a stand with one Query.
 */
export interface Entry {
  id: string;
  kind: 'booking' | 'walk_in';
  status: BookingStatus;
  standId: string;
  studioId: string;
  serviceId: string;
  serviceName: string;
  /** The 成员单位 that provides the service (copied from the stand's service): shown on the ticket. */
  providerName?: string;
  studioName: string;
  venueName: string;
  address: string;
  date: string;
  startTime: string;
  endTime: string;
  createdAt: string;
  userId?: string;
  residentName?: string;
  code?: string;
  queueNumber?: number;
  /**
   * Home visits: where to go, and a phone number given with consent. Never logged, never public. Stored in the
   * entry's contact item, not on the entry (DynamoDB's TTL deletes it after `contactKeptUntil`): read it with `contactOf`.
   */
  homeAddress?: string;
  phone?: string;
  /** When a home visit's address and phone stop being kept (privacy/retention.ts); set whenever they are given. */
  contactKeptUntil?: string;
  /** Whether the entry holds a place in its slot (walk-ins added over a full service do not). */
  holdsSlot: boolean;
  overrideFull?: boolean;
  note?: string;
  createdBy?: string;
  checkedInAt?: string;
  checkedInBy?: string;
  checkedInByName?: string;
  calledAt?: string;
  servedAt?: string;
  cancelledAt?: string;
  /** Set when the booking was cancelled with its stand (not by its resident): who must be told that the stand is off. */
  cancelledBy?: 'stand';
  /** When its evening-before reminder was delivered or refused for good (the notice consumer sets it). */
  remindedAt?: string;
}

// Keys of entries and their guards (docs/access-patterns.md).
const entryKey = (standId: string, entryId: string) => ({ PK: `STAND#${standId}`, SK: `ENTRY#${entryId}` });
const residentBookingsPartition = (userId: string) => `USER#${userId}#BOOKINGS`;
const residentIndexKeys = (e: Entry) => (e.userId ? { GSI1PK: residentBookingsPartition(e.userId), GSI1SK: `${e.date}#${e.startTime}#${e.id}` } : {});
/** Where a page of a resident's bookings stopped (GSI1): the entry's key and its place in the resident's list. */
const RESIDENT_BOOKINGS_PAGE: PageKeyShape = {
  PK: new RegExp(`^STAND#${ULID}$`),
  SK: new RegExp(`^ENTRY#${ULID}$`),
  GSI1SK: new RegExp(`^\\d{4}-\\d{2}-\\d{2}#\\d{2}:\\d{2}#${ULID}$`),
};
const ticketKey = (code: string) => ({ PK: `TICKET#${code}`, SK: 'TICKET' });
/** One active booking per resident per service per stand. */
const holdKey = (standId: string, userId: string, serviceId: string) => ({ PK: `STAND#${standId}`, SK: `HOLD#${userId}#${serviceId}` });
/** Bookings a resident holds for stands on one day (the daily cap). */
const dayCountKey = (userId: string, date: string) => ({ PK: `USER#${userId}`, SK: `DAYCOUNT#${date}` });
const queueCounterKey = (standId: string, serviceId: string) => ({ PK: `STAND#${standId}`, SK: `QUEUE#${serviceId}` });
/** A home visit's address and phone, apart from the entry so that TTL can delete them alone. */
const entryContactKey = (standId: string, entryId: string) => ({ PK: `STAND#${standId}`, SK: `CONTACT#${entryId}` });

/** What a home visit's contact item holds, for `contactOf`. */
export type EntryContact = Pick<Entry, 'homeAddress' | 'phone'>;

const fromItem = (item: Record<string, unknown>) => entityOf<Entry>(item);

export type TakePlaceOutcome =
  | { kind: 'created'; entry: Entry }
  | { kind: 'replayed'; entryId: string; fingerprint: string }
  | { kind: 'slot-full' }
  | { kind: 'already-booked' }
  | { kind: 'daily-cap' }
  | { kind: 'code-taken' }
  /** The stand was cancelled between the caller's read and this write. */
  | { kind: 'stand-cancelled' };

export type ChangeOutcome = { kind: 'changed' } | { kind: 'condition-failed' };

export class BookingRepository {
  constructor(private readonly table: TableRef) {}

  /**
   * Takes a place in one transaction (access pattern "book a slot"):
   * the retry key is new · the slot has room (`booked < capacity`) · the resident holds no other booking of
   * this service at this stand · the resident is under the daily cap · the ticket code is unused.
   * Walk-ins skip the hold and the cap; `holdsSlot: false` skips the slot (over-full walk-ins). `notices` go in
   * the same transaction (a booking made after the reminders went out queues its own reminder).
   */
  async takePlace(entry: Entry, guard: { actorId: string; requestId: string; fingerprint: string; dailyCap?: number; requestTtl: number }, notices: readonly NoticeOrder[] = [], errand?: { order: ErrandOrder; contact: ErrandContact }): Promise<TakePlaceOutcome> {
    const T = this.table.tableName;
    type Item = TransactItems[number];
    const items: Item[] = [];
    const roles: TakePlaceOutcome['kind'][] = [];
    const add = (item: Item, role: TakePlaceOutcome['kind']) => {
      items.push(item);
      roles.push(role);
    };
    // a retried request finds its key: the key as it was comes back with the refusal (ALL_OLD), no read needed
    const retryKey = retryKeyItem(guard.actorId, guard.requestId, { targetId: entry.id, fingerprint: guard.fingerprint }, guard.requestTtl);
    add({ Put: { TableName: T, Item: retryKey, ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }, 'replayed');
    // The stand is still on: a cancellation that commits first refuses this place; one that commits after finds it
    // among the stand's entries when its fan-out is expanded (cancelled-stand.use-case.ts), so no booking outlives it.
    add(
      {
        ConditionCheck: {
          TableName: T,
          Key: standKey(entry.standId),
          ConditionExpression: 'attribute_exists(PK) AND #status <> :cancelled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled' },
        },
      },
      'stand-cancelled',
    );
    if (entry.holdsSlot) {
      add(
        {
          Update: {
            TableName: T,
            Key: slotKey(entry.standId, entry.serviceId, entry.startTime),
            UpdateExpression: 'SET booked = booked + :one',
            ConditionExpression: 'attribute_exists(PK) AND booked < #capacity',
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        'slot-full',
      );
    }
    if (entry.kind === 'booking' && entry.userId) {
      add({ Put: { TableName: T, Item: { ...holdKey(entry.standId, entry.userId, entry.serviceId), type: 'Hold', entryId: entry.id }, ConditionExpression: 'attribute_not_exists(PK)' } }, 'already-booked');
      add(
        {
          Update: {
            TableName: T,
            Key: dayCountKey(entry.userId, entry.date),
            UpdateExpression: 'ADD bookings :one',
            ConditionExpression: 'attribute_not_exists(bookings) OR bookings < :cap',
            ExpressionAttributeValues: { ':one': 1, ':cap': guard.dailyCap ?? 3 },
          },
        },
        'daily-cap',
      );
    }
    const { homeAddress, phone, ...stored } = entry;
    add({ Put: { TableName: T, Item: { ...entryKey(entry.standId, entry.id), ...residentIndexKeys(entry), type: 'Entry', ...stored }, ConditionExpression: 'attribute_not_exists(PK)' } }, 'created');
    if (homeAddress || phone) {
      if (!entry.contactKeptUntil) throw new Error('a home visit contact needs contactKeptUntil');
      const contact = { ...entryContactKey(entry.standId, entry.id), type: 'EntryContact', entryId: entry.id, homeAddress, phone, ttl: ttlOf(entry.contactKeptUntil) };
      add({ Put: { TableName: T, Item: contact } }, 'created');
    }
    if (entry.code) {
      add({ Put: { TableName: T, Item: { ...ticketKey(entry.code), type: 'Ticket', standId: entry.standId, entryId: entry.id }, ConditionExpression: 'attribute_not_exists(PK)' } }, 'code-taken');
    }
    for (const write of noticeWrites(T, notices)) add(write, 'created');
    // the studio's month figures (bookings, served, 未到) move with the entry (stand-figures.repository.ts)
    for (const write of figuresWrites(T, entry, deltaOfNewEntry(entry.kind, entry.status))) add(write, 'created');
    // a home visit: its errand order (点单-配送), so that the one who goes reads the address (errands/home-visit.ts)
    if (errand) for (const write of placeWrites(T, errand.order, errand.contact)) add(write, 'created');

    const cancelled = await transactWrite(this.table, items);
    if (!cancelled) return { kind: 'created', entry };
    // Which condition failed says why, without reading anything: the retry key first (a retried request gets what
    // the first one made, whatever else has changed since) …
    const previous = cancelled.codes[0] === 'ConditionalCheckFailed' ? cancelled.old[0] : undefined;
    if (previous) return { kind: 'replayed', entryId: previous.targetId as string, fingerprint: previous.fingerprint as string };
    // … then, several conditions can fail at once; the first in this order explains it best to a resident.
    for (const role of ['stand-cancelled', 'already-booked', 'slot-full', 'daily-cap', 'code-taken'] as const) {
      const index = roles.indexOf(role);
      if (index >= 0 && cancelled.codes[index] === 'ConditionalCheckFailed') return { kind: role };
    }
    throw new Error(`takePlace cancelled: ${cancelled.codes.join(',')}`);
  }

  async getRequest(actorId: string, requestId: string): Promise<{ entryId: string; fingerprint: string } | undefined> {
    const record = await readRetryKey(this.table, actorId, requestId);
    return record ? { entryId: record.targetId, fingerprint: record.fingerprint } : undefined;
  }

  /** Access pattern: entry by id — GetItem PK=STAND#standId, SK=ENTRY#id (consistent). */
  async getEntry(standId: string, entryId: string): Promise<Entry | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: entryKey(standId, entryId), ConsistentRead: true }));
    return out.Item ? fromItem(out.Item) : undefined;
  }

  /** Access pattern: ticket by code — GetItem PK=TICKET#code, SK=TICKET. */
  async findTicket(code: string): Promise<{ standId: string; entryId: string } | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: ticketKey(code), ConsistentRead: true }));
    return out.Item ? { standId: out.Item.standId as string, entryId: out.Item.entryId as string } : undefined;
  }

  /**
   * Access pattern: a home visit's address and phone — GetItem `PK=STAND#standId, SK=CONTACT#entryId`, only while
   * kept at `now` (past its retention it is not shown, even before TTL has deleted it).
   */
  async contactOf(entry: Entry, now: Date): Promise<EntryContact | undefined> {
    if (!entry.contactKeptUntil || !contactStillKept(entry.contactKeptUntil, now)) return undefined;
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: entryContactKey(entry.standId, entry.id), ConsistentRead: true }));
    if (!out.Item || (out.Item.ttl as number) <= now.getTime() / 1000) return undefined;
    return { ...(out.Item.homeAddress ? { homeAddress: out.Item.homeAddress as string } : {}), ...(out.Item.phone ? { phone: out.Item.phone as string } : {}) };
  }

  /**
   * A resident's account is deleted: the entry stays in its stand's records (counts, queue numbers) without its
   * resident — no user id, name or note, out of the resident's list — and its hold and contact item are deleted, in
   * one transaction. Idempotent.
   */
  async anonymiseEntry(entry: Entry): Promise<void> {
    const T = this.table.tableName;
    await this.table.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: T,
              Key: entryKey(entry.standId, entry.id),
              UpdateExpression: 'REMOVE userId, residentName, note, homeAddress, phone, contactKeptUntil, GSI1PK, GSI1SK',
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          ...(entry.userId ? [{ Delete: { TableName: T, Key: holdKey(entry.standId, entry.userId, entry.serviceId) } }] : []),
          { Delete: { TableName: T, Key: entryContactKey(entry.standId, entry.id) } },
        ],
      }),
    );
  }

  /** Access pattern 24, whole: every booking of a resident (their data export, deleting their account). */
  async listBookingsOfResident(userId: string): Promise<Entry[]> {
    return (await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': residentBookingsPartition(userId) } })).map(fromItem);
  }

  /**
   * Access pattern 24, a page: a resident's bookings, latest date and time first — Query GSI1
   * `GSI1PK=USER#id#BOOKINGS`, ScanIndexForward=false, Limit, from `cursor` (checked: a bad one is a 400).
   */
  async listBookingsPageOfResident(userId: string, page: { cursor?: string; limit: number }): Promise<{ entries: Entry[]; nextCursor?: string }> {
    const list = { partition: { GSI1PK: residentBookingsPartition(userId) }, shape: RESIDENT_BOOKINGS_PAGE };
    const { items, nextCursor } = await queryPage(this.table, list, { IndexName: 'GSI1', ScanIndexForward: false }, page);
    return { entries: items.map(fromItem), nextCursor };
  }

  /** Access pattern: a stand's entries — Query PK=STAND#id AND begins_with(SK, 'ENTRY#') (consistent). */
  async listEntriesOfStand(standId: string): Promise<Entry[]> {
    const entries: Entry[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.client.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': `STAND#${standId}`, ':prefix': 'ENTRY#' },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      entries.push(...(out.Items ?? []).map(fromItem));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return entries;
  }

  /**
   * Cancels a booking and gives its place back in one transaction: only a `booked` entry of this resident;
   * the slot's count, the hold and the day count are released with it. `by: 'stand'` when its stand was cancelled.
   */
  async cancelBooking(entry: Entry, at: string, by?: 'stand'): Promise<ChangeOutcome> {
    const T = this.table.tableName;
    const items: TransactItems = [
      {
        Update: {
          TableName: T,
          Key: entryKey(entry.standId, entry.id),
          UpdateExpression: `SET #status = :cancelled, cancelledAt = :at${by ? ', cancelledBy = :by' : ''}`,
          ConditionExpression: '#status = :booked',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':booked': 'booked', ':at': at, ...(by ? { ':by': by } : {}) },
        },
      },
    ];
    if (entry.holdsSlot) {
      items.push({
        Update: {
          TableName: T,
          Key: slotKey(entry.standId, entry.serviceId, entry.startTime),
          UpdateExpression: 'SET booked = booked - :one',
          ConditionExpression: 'booked > :zero',
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        },
      });
    }
    if (entry.userId) {
      items.push({ Delete: { TableName: T, Key: holdKey(entry.standId, entry.userId, entry.serviceId) } });
      items.push({ Update: { TableName: T, Key: dayCountKey(entry.userId, entry.date), UpdateExpression: 'ADD bookings :minus', ExpressionAttributeValues: { ':minus': -1 } } });
    }
    return (await transactWrite(this.table, items)) ? { kind: 'condition-failed' } : { kind: 'changed' };
  }

  /** Draws the next queue number of a service at a stand (1, 2, 3 …). */
  async nextQueueNumber(standId: string, serviceId: string): Promise<number> {
    const out = await this.table.client.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: queueCounterKey(standId, serviceId),
        UpdateExpression: 'ADD lastNumber :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return out.Attributes!.lastNumber as number;
  }

  /**
   * Marks an entry's evening-before reminder as done (delivered, or refused for good), once: an entry already marked,
   * or gone, is left as it is. Idempotent: a retried delivery marks nothing twice.
   */
  async markReminded(standId: string, entryId: string, at: string): Promise<void> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: entryKey(standId, entryId),
          UpdateExpression: 'SET remindedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(remindedAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async setQueueNumber(standId: string, entryId: string, queueNumber: number): Promise<void> {
    await this.table.client.send(
      new UpdateCommand({ TableName: this.table.tableName, Key: entryKey(standId, entryId), UpdateExpression: 'SET queueNumber = :n', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':n': queueNumber } }),
    );
  }

  /**
   * Moves an entry from one status to another, setting fields; fails (and changes nothing) when the entry is not in
   * the `from` status — two phones checking in one ticket: exactly one succeeds. The studio's month figures move in
   * the same transaction when served or 未到 changes (stand-figures.repository.ts: exact, and a retry adds nothing).
   */
  async changeStatus(entry: Pick<Entry, 'standId' | 'id' | 'studioId' | 'date'>, from: BookingStatus, to: BookingStatus, fields: Record<string, string | number>): Promise<ChangeOutcome> {
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':to': to, ':from': from };
    const sets = ['#status = :to'];
    for (const [key, value] of Object.entries(fields)) {
      names[`#${key}`] = key;
      values[`:${key}`] = value;
      sets.push(`#${key} = :${key}`);
    }
    const items: TransactItems = [
      {
        Update: {
          TableName: this.table.tableName,
          Key: entryKey(entry.standId, entry.id),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      ...figuresWrites(this.table.tableName, entry, deltaOfChange(from, to)),
    ];
    if (items.length === 1) {
      try {
        await this.table.client.send(new UpdateCommand(items[0]!.Update!));
        return { kind: 'changed' };
      } catch (error) {
        if (isConditionFailure(error)) return { kind: 'condition-failed' };
        throw error;
      }
    }
    return (await transactWrite(this.table, items)) ? { kind: 'condition-failed' } : { kind: 'changed' };
  }
}
