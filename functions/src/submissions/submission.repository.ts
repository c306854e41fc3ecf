import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { INBOX_GROUPS, type InboxGroup, type SubmissionStatus } from '@shared/schemas/submission';
import { chinaDate } from '@shared/time';
import { entityOf, isConditionFailure, queryAll, transactWrite, type TableRef, type TransactItems } from '../data/dynamodb-client';
import { queryPage, ULID, type PageKeyShape } from '../data/page-cursor';
import { forEachConcurrently } from '../data/concurrently';
import { contactStillKept, ttlOf } from '../privacy/retention';
import { retryKeyItem } from '../data/retry-key';
import { quotaUpdate, type QuotaWindow } from '../data/rate-limit.repository';
import { noticeWrites, type NoticeOrder } from '../notices/notice-queue.repository';
import { rateAskPut } from './rate-ask.repository';
import type { ItemRead } from '../data/batch-reader';

export type { BoardItem, Submission, SubmissionEvent } from './submission-items';
import type { BoardItem, Submission, SubmissionEvent } from './submission-items';
import { gridMatterItem } from '../studio/grid.repository';

// Keys of submissions and their events (docs/access-patterns.md).
const submissionKey = (id: string) => ({ PK: `SUBMISSION#${id}`, SK: 'META' });
const eventKey = (e: SubmissionEvent) => ({ PK: `SUBMISSION#${e.submissionId}`, SK: `EVENT#${e.at}#${e.id}` });
const boardKey = (b: Pick<BoardItem, 'studioId' | 'repliedAt' | 'id'>) => ({ PK: `STUDIO#${b.studioId}#BOARD`, SK: `${b.repliedAt}#${b.id}` });
/** The phone left with a submission, apart from it so that TTL can delete it alone. */
const contactKey = (id: string) => ({ PK: `SUBMISSION#${id}`, SK: 'CONTACT' });

/** A transaction's check that a submission is still in one of `statuses` (another entity's write depends on it). */
export function submissionCondition(tableName: string, id: string, statuses: readonly SubmissionStatus[]): TransactItems[number] {
  const names = statuses.map((_, i) => `:s${i}`);
  return { ConditionCheck: { TableName: tableName, Key: submissionKey(id), ConditionExpression: `#status IN (${names.join(', ')})`, ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: Object.fromEntries(statuses.map((st, i) => [names[i], st])) } };
}

/** A step of a submission's timeline written by another entity's transaction (a 协商 called, held, its result). */
export function timelineEventPut(tableName: string, e: SubmissionEvent): TransactItems[number] {
  return { Put: { TableName: tableName, Item: { ...eventKey(e), type: 'SubmissionEvent', ...e } } };
}

/** The submission item: never the phone (that is the contact item's). */
function submissionItem(s: Submission) {
  const { phone: _phone, ...stored } = s;
  return { ...submissionKey(s.id), ...indexKeys(s), type: 'Submission', ...stored };
}

/** Inbox tabs: 待受理 / 办理中 / 已答复 / 已办结. */
export function inboxGroupOf(status: SubmissionStatus): InboxGroup {
  if (status === 'submitted') return 'new';
  if (status === 'replied') return 'replied';
  if (status === 'resolved') return 'resolved';
  return 'in_progress';
}

const residentPartition = (userId: string) => `USER#${userId}#SUBMISSIONS`;
const inboxPartition = (studioId: string, group: InboxGroup) => `STUDIO#${studioId}#INBOX#${group}`;
const monthPartition = (studioId: string, month: string) => `STUDIO#${studioId}#MONTH#${month}`;

const indexKeys = (s: Submission) => ({
  // GSI1: a resident's submissions, newest last. GSI2: a studio's inbox tab, soonest due first.
  ...(s.residentId ? { GSI1PK: residentPartition(s.residentId), GSI1SK: `${s.createdAt}#${s.id}` } : {}),
  GSI2PK: inboxPartition(s.studioId, inboxGroupOf(s.status)),
  GSI2SK: `${s.status === 'submitted' ? s.acceptDueDate : s.replyDueDate}#${s.id}`,
  // GSI3: a studio's submissions by the China month they came in (stats, export, recounting the inbox).
  GSI3PK: monthPartition(s.studioId, chinaDate(s.createdAt).slice(0, 7)),
  GSI3SK: `${s.createdAt}#${s.id}`,
});

/**
 * How many submissions each inbox tab of a studio holds, kept with every change that moves one (in the change's own
 * transaction, so the counts stay exact however many representatives work at once). `version` counts those changes:
 * a recount stores its result only if none happened meanwhile. `countedAt`: when the counts were last recounted from
 * the studio's submissions — counts without it were started by a change before any recount (data from before the
 * counts existed, or a studio's first submission), and are recounted before they are shown.
 */
export interface InboxCounts {
  counts: Record<InboxGroup, number>;
  version: number;
  countedAt?: string;
}

const inboxCountsKey = (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'INBOX#COUNTS' });

/** The counts' part of a create's or a step's transaction: ±1 on the tabs it moves a submission between. */
function inboxCountsUpdate(tableName: string, studioId: string, moves: Partial<Record<InboxGroup, number>>): TransactItems[number] {
  const groups = Object.keys(moves) as InboxGroup[];
  return {
    Update: {
      TableName: tableName,
      Key: inboxCountsKey(studioId),
      UpdateExpression: `ADD ${groups.map((_, i) => `#g${i} :g${i}`).join(', ')}, #version :one SET #type = :type`,
      ExpressionAttributeNames: { ...Object.fromEntries(groups.map((group, i) => [`#g${i}`, group])), '#version': 'version', '#type': 'type' },
      ExpressionAttributeValues: { ...Object.fromEntries(groups.map((g, i) => [`:g${i}`, moves[g]])), ':one': 1, ':type': 'InboxCounts' },
    },
  };
}

// Where a page stopped, per list (data/page-cursor.ts): the item's key and its place in the list's index.
const ISO_TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z';
const INBOX_PAGE: PageKeyShape = { PK: new RegExp(`^SUBMISSION#${ULID}$`), SK: /^META$/, GSI2SK: new RegExp(`^\\d{4}-\\d{2}-\\d{2}#${ULID}$`) };
const RESIDENT_PAGE: PageKeyShape = { PK: new RegExp(`^SUBMISSION#${ULID}$`), SK: /^META$/, GSI1SK: new RegExp(`^${ISO_TIME}#${ULID}$`) };
const BOARD_PAGE: PageKeyShape = { SK: new RegExp(`^${ISO_TIME}#${ULID}$`) };

export type SubmitOutcome = { kind: 'created' } | { kind: 'replayed'; submissionId: string; fingerprint: string } | { kind: 'over-quota'; window: QuotaWindow };

export class SubmissionRepository {
  constructor(private readonly table: TableRef) {}

  /**
   * Stores a new submission with its first timeline event and the client's retry key, in one transaction:
   * a retry after a dropped response finds the key and gets the same submission.
   */
  async create(submission: Submission, first: SubmissionEvent, guard: { actorId: string; requestId: string; fingerprint: string; requestTtl: number; quotas?: QuotaWindow[] }): Promise<SubmitOutcome> {
    const T = this.table.tableName;
    const quotas = guard.quotas ?? [];
    const cancelled = await transactWrite(this.table, [
      // a retried request finds its key: the key as it was comes back with the refusal (ALL_OLD), no read needed
      { Put: { TableName: T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId: submission.id, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      { Put: { TableName: T, Item: submissionItem({ ...submission, ...(submission.phone ? { hasContact: true } : {}) }), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: T, Item: { ...eventKey(first), type: 'SubmissionEvent', ...first } } },
      // the resident's submission quotas, counted in the same transaction (a retry of the same request counts once)
      ...quotas.map((window) => quotaUpdate(T, window, guard.requestId)),
      // one more in the studio's 待受理 (conflicts with other submissions to the studio are retried by transactWrite)
      inboxCountsUpdate(T, submission.studioId, { [inboxGroupOf(submission.status)]: 1 }),
      // listed under its grid for the grid head (149); after the quotas, so they keep their places above
      ...(submission.gridId ? [{ Put: { TableName: T, Item: gridMatterItem({ gridId: submission.gridId, submissionId: submission.id, createdAt: submission.createdAt }) } }] : []),
      // kept with no end while the matter is open (privacy/retention.ts); last, so the quotas keep their places above
      ...(submission.phone ? [{ Put: { TableName: T, Item: { ...contactKey(submission.id), type: 'SubmissionContact', submissionId: submission.id, phone: submission.phone } } }] : []),
    ]);
    if (!cancelled) return { kind: 'created' };
    const previous = cancelled.codes[0] === 'ConditionalCheckFailed' ? cancelled.old[0] : undefined;
    if (previous) return { kind: 'replayed', submissionId: previous.targetId as string, fingerprint: previous.fingerprint as string };
    const full = quotas.find((_, i) => cancelled.codes[3 + i] === 'ConditionalCheckFailed');
    if (full) return { kind: 'over-quota', window: full };
    throw new Error(`create cancelled: ${cancelled.codes.join(',')}`);
  }

  /**
   * Saves a changed submission with its new timeline events (and its board line), in one transaction that holds
   * only if nobody changed it since it was read (`version`). False when someone did: nothing is written.
   * `from` is the status it was read in: a step that moves it to another inbox tab moves it in the studio's counts too.
   * `contact` moves the end of the phone's retention with the step (set when resolved, removed when reopened);
   * `notices` (the resident's, the followers' fan-out) are written with the step, so none is lost or sent for a step
   * that did not happen. Conflicts with other transactions (another submission's step on the studio's counts) are
   * retried, so false means only that the submission itself changed. `also`: other entities' items written with it.
   */
  async saveChange(next: Submission, from: SubmissionStatus, events: SubmissionEvent[], board?: BoardItem, contact?: { keptUntil?: string }, notices: readonly NoticeOrder[] = [], also: TransactItems = []): Promise<boolean> {
    const T = this.table.tableName;
    const [fromTab, toTab] = [inboxGroupOf(from), inboxGroupOf(next.status)];
    return !(await transactWrite(this.table, [
      {
        Put: {
          TableName: T,
          Item: { ...submissionItem(next), version: next.version + 1 },
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': next.version },
        },
      },
      ...events.map((e) => ({ Put: { TableName: T, Item: { ...eventKey(e), type: 'SubmissionEvent', ...e } } })),
      ...(board ? [{ Put: { TableName: T, Item: { ...boardKey(board), type: 'BoardItem', ...board } } }] : []),
      ...(contact
        ? [
            {
              Update: {
                TableName: T,
                Key: contactKey(next.id),
                UpdateExpression: contact.keptUntil ? 'SET #ttl = :ttl' : 'REMOVE #ttl',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeNames: { '#ttl': 'ttl' },
                ...(contact.keptUntil ? { ExpressionAttributeValues: { ':ttl': ttlOf(contact.keptUntil) } } : {}),
              },
            },
          ]
        : []),
      ...noticeWrites(T, notices),
      // other entities' writes that go with the step (a hand-on's record: departments/hand-on.repository.ts)
      ...also,
      ...(fromTab !== toTab ? [inboxCountsUpdate(T, next.studioId, { [fromTab]: -1, [toTab]: 1 })] : []),
      // resolved now (by a step): the resident who has not rated is asked 解决了吗？ a few days later (pattern 111)
      ...(next.status === 'resolved' && from !== 'resolved' && next.resolvedAt && next.residentId ? [rateAskPut(T, next, next.resolvedAt)] : []),
    ]));
  }

  /**
   * Access pattern 39, a page: a studio's inbox tab, soonest due first (so the overdue ones come first) — Query GSI2
   * `GSI2PK=STUDIO#id#INBOX#<group>`, Limit, from `cursor`. A category or stand filters the page read (a filtered page
   * may hold fewer; `nextCursor` goes on).
   */
  async listInboxPage(studioId: string, group: InboxGroup, page: { category?: string; standId?: string; cursor?: string; limit: number }): Promise<{ items: Submission[]; nextCursor?: string }> {
    const filters = (['category', 'standId'] as const).filter((name) => page[name]);
    const list = { partition: { GSI2PK: inboxPartition(studioId, group) }, shape: INBOX_PAGE };
    const { items, nextCursor } = await queryPage(
      this.table,
      list,
      {
        IndexName: 'GSI2',
        ...(filters.length ? { FilterExpression: filters.map((name) => `${name} = :${name}`).join(' AND '), ExpressionAttributeValues: Object.fromEntries(filters.map((name) => [`:${name}`, page[name]])) } : {}),
      },
      page,
    );
    return { items: items.map((i) => entityOf<Submission>(i)), nextCursor };
  }

  /** Access pattern 39, whole: every submission of an inbox tab (the daily overdue count's open tabs), every page. */
  async listWholeInboxTab(studioId: string, group: InboxGroup): Promise<Submission[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': inboxPartition(studioId, group) } });
    return items.map((i) => entityOf<Submission>(i));
  }

  /** Access pattern 67: a studio's inbox counts — GetItem `PK=STUDIO#id, SK=INBOX#COUNTS` (consistent). */
  async getInboxCounts(studioId: string): Promise<InboxCounts | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: inboxCountsKey(studioId), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const item = out.Item;
    return {
      counts: Object.fromEntries(INBOX_GROUPS.map((g) => [g, Number(item[g] ?? 0)])) as Record<InboxGroup, number>,
      version: Number(item.version ?? 0),
      ...(typeof item.countedAt === 'string' ? { countedAt: item.countedAt } : {}),
    };
  }

  /**
   * Access pattern 68: a studio's submissions per inbox tab, counted from its month index — Query GSI3
   * `GSI3PK=STUDIO#id#MONTH#<m>` for each month (only `status` projected), every page, four months at a time.
   */
  async countInboxFromMonths(studioId: string, months: readonly string[]): Promise<Record<InboxGroup, number>> {
    const counts = Object.fromEntries(INBOX_GROUPS.map((g) => [g, 0])) as Record<InboxGroup, number>;
    await forEachConcurrently(months, 4, async (month) => {
      const items = await queryAll(this.table, {
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': monthPartition(studioId, month) },
        ProjectionExpression: '#status',
        ExpressionAttributeNames: { '#status': 'status' },
      });
      for (const item of items) counts[inboxGroupOf(item.status as SubmissionStatus)] += 1;
    });
    return counts;
  }

  /**
   * Stores recounted inbox counts, only if no change moved a submission since the counts were read at `readVersion`
   * (undefined: there were none). False when one did: count again.
   */
  async putRecountedInboxCounts(studioId: string, counts: Record<InboxGroup, number>, readVersion: number | undefined, at: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...inboxCountsKey(studioId), type: 'InboxCounts', studioId, ...counts, version: (readVersion ?? 0) + 1, countedAt: at },
          ...(readVersion === undefined ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': readVersion } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern 42: a studio's submissions of a month — Query GSI3 `GSI3PK=STUDIO#id#MONTH#YYYY-MM`, every page. */
  async listOfStudioMonth(studioId: string, month: string): Promise<Submission[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': monthPartition(studioId, month) } });
    return items.map((i) => entityOf<Submission>(i));
  }

  /** Access pattern 41: the public board, newest first, a page at a time — Query PK=STUDIO#id#BOARD, Limit, from `cursor`. */
  async listBoardPage(studioId: string, page: { cursor?: string; limit: number }): Promise<{ items: BoardItem[]; nextCursor?: string }> {
    const list = { partition: { PK: boardKey({ studioId, repliedAt: '', id: '' }).PK }, shape: BOARD_PAGE };
    const { items, nextCursor } = await queryPage(this.table, list, { ScanIndexForward: false }, page);
    return { items: items.map((i) => entityOf<BoardItem>(i)), nextCursor };
  }

  /** A submission by id, read with others in one BatchGetItem (data/batch-reader.ts). */
  submissionRead(id: string): ItemRead<Submission> {
    return { key: submissionKey(id), from: (item) => entityOf<Submission>(item) };
  }

  /** Access pattern: submission by id — GetItem PK=SUBMISSION#id, SK=META (consistent). */
  async get(id: string): Promise<Submission | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: submissionKey(id), ConsistentRead: true }));
    return out.Item ? entityOf<Submission>(out.Item) : undefined;
  }

  /** Access pattern: a submission's timeline — Query PK=SUBMISSION#id AND begins_with(SK, 'EVENT#'). */
  async listEvents(id: string): Promise<SubmissionEvent[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `SUBMISSION#${id}`, ':prefix': 'EVENT#' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => entityOf<SubmissionEvent>(i));
  }

  /**
   * Access pattern: the phones left with submissions — GetItem `PK=SUBMISSION#id, SK=CONTACT` for each that has one
   * still kept at `now` (a phone past its retention is not shown, even before TTL has deleted it). Id → phone.
   */
  async contactsOf(submissions: readonly Submission[], now: Date): Promise<Map<string, string>> {
    const phones = new Map<string, string>();
    const kept = submissions.filter((s) => s.hasContact && contactStillKept(s.contactKeptUntil, now));
    for (let i = 0; i < kept.length; i += 25) {
      await Promise.all(
        kept.slice(i, i + 25).map(async (s) => {
          const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: contactKey(s.id), ConsistentRead: true }));
          const ttl = out.Item?.ttl as number | undefined;
          if (out.Item?.phone && (ttl === undefined || ttl > now.getTime() / 1000)) phones.set(s.id, out.Item.phone as string);
        }),
      );
    }
    return phones;
  }

  /**
   * A resident's account is deleted: the submission stays for the studio's records without its author. The timeline
   * events are rewritten first (idempotent Puts); then, in one transaction that holds only if nobody changed it
   * meanwhile (`version`), the submission without `residentId` (so it leaves the resident's list — the last step,
   * which makes a retry find whatever is not done yet) and the phone's contact item deleted. False on a conflict.
   */
  async anonymise(next: Submission, events: SubmissionEvent[]): Promise<boolean> {
    const T = this.table.tableName;
    for (const e of events) await this.table.client.send(new PutCommand({ TableName: T, Item: { ...eventKey(e), type: 'SubmissionEvent', ...e } }));
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: T, Item: { ...submissionItem(next), version: next.version + 1 }, ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': next.version } } },
            { Delete: { TableName: T, Key: contactKey(next.id) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern 38, whole: every submission of a resident, newest first (their data export, deleting their account). */
  async listOfResident(userId: string): Promise<Submission[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': residentPartition(userId) }, ScanIndexForward: false });
    return items.map((i) => entityOf<Submission>(i));
  }

  /** Access pattern 38, a page: a resident's submissions, newest first — Query GSI1 `GSI1PK=USER#id#SUBMISSIONS`, Limit, from `cursor`. */
  async listOfResidentPage(userId: string, page: { cursor?: string; limit: number }): Promise<{ items: Submission[]; nextCursor?: string }> {
    const list = { partition: { GSI1PK: residentPartition(userId) }, shape: RESIDENT_PAGE };
    const { items, nextCursor } = await queryPage(this.table, list, { IndexName: 'GSI1', ScanIndexForward: false }, page);
    return { items: items.map((i) => entityOf<Submission>(i)), nextCursor };
  }
}
