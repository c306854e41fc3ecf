import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SubmissionStatus } from '@shared/schemas/submission';
import { chinaDate } from '@shared/time';
import { cancellationReasons, entityOf, isConditionFailure, type TableRef } from '../data/dynamodb-client';
import { contactStillKept, ttlOf } from '../privacy/retention';
import { readRetryKey, retryKeyItem } from '../data/retry-key';
import { quotaUpdate, type QuotaWindow } from '../data/rate-limit.repository';
import { noticeWrites, type NoticeOrder } from '../notices/notice-queue.repository';

/** A resident's suggestion or complaint (意见建议) and where it stands in the closed loop. */
export interface Submission {
  id: string;
  studioId: string;
  studioName: string;
  standId?: string;
  venueName?: string;
  /** The resident's account; absent for 代填 on behalf of someone without a phone. */
  residentId?: string;
  source: 'resident' | 'on_behalf';
  sourceNote?: string;
  enteredBy?: string;
  category: string;
  text: string;
  place?: string;
  /** Keys of up to 3 checked photos in object storage (shown through signed addresses, never on the board). */
  photos?: string[];
  public: boolean;
  /**
   * Given with the consent tick only; never shown on the board, masked in exports. Stored in the submission's contact
   * item, not on the submission (DynamoDB's TTL deletes it when its retention ends): read it with `contactsOf`.
   */
  phone?: string;
  /** A phone was left with it and is still kept (privacy/retention.ts). */
  hasContact?: boolean;
  /** Set when resolved: the phone is kept until then (`PERSONAL_CONTACT_RETENTION_DAYS` later); absent while open. */
  contactKeptUntil?: string;
  /** Its resident deleted their account: no author, no phone or photos, the text only if it was on the board (masked). */
  anonymisedAt?: string;
  /** 'review': accepted, but kept off the public board until a representative approves it. */
  contentVerdict: 'pass' | 'review';
  status: SubmissionStatus;
  createdAt: string;
  acceptDueDate: string;
  replyDueDate: string;
  /** Optimistic lock: every change is conditional on the version it read. */
  version: number;
  triage?: 'major' | 'minor' | 'private';
  department?: string;
  departmentDueDate?: string;
  acceptedAt?: string;
  firstReplyAt?: string;
  resolvedAt?: string;
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  ratingComment?: string;
  /** Facts of the lifecycle (shared/src/submission/lifecycle.ts). */
  reopenedOnce: boolean;
  rated: boolean;
  /** The latest public reply, and when the submission first went on the board. */
  publicReply?: string;
  boardAt?: string;
  boardApproved?: boolean;
}

/** A line of the studio's public board: masked text and reply, no one's name. */
export interface BoardItem {
  id: string;
  studioId: string;
  category: string;
  date: string;
  status: SubmissionStatus;
  text: string;
  reply: string;
  repliedAt: string;
}

/** One step of a submission's timeline. `internal` notes are for the studio's people only. */
export interface SubmissionEvent {
  id: string;
  submissionId: string;
  kind: 'submitted' | 'accepted' | 'handed_on' | 'replied' | 'resolved' | 'rated' | 'reopened' | 'note';
  at: string;
  actorId?: string;
  text?: string;
  internal?: boolean;
}

// Keys of submissions and their events (docs/access-patterns.md).
const submissionKey = (id: string) => ({ PK: `SUBMISSION#${id}`, SK: 'META' });
const eventKey = (e: SubmissionEvent) => ({ PK: `SUBMISSION#${e.submissionId}`, SK: `EVENT#${e.at}#${e.id}` });
const boardKey = (b: Pick<BoardItem, 'studioId' | 'repliedAt' | 'id'>) => ({ PK: `STUDIO#${b.studioId}#BOARD`, SK: `${b.repliedAt}#${b.id}` });
/** The phone left with a submission, apart from it so that TTL can delete it alone. */
const contactKey = (id: string) => ({ PK: `SUBMISSION#${id}`, SK: 'CONTACT' });

/** The submission item: never the phone (that is the contact item's). */
function submissionItem(s: Submission) {
  const { phone: _phone, ...stored } = s;
  return { ...submissionKey(s.id), ...indexKeys(s), type: 'Submission', ...stored };
}

/** Inbox tabs: 待受理 / 办理中 / 已答复 / 已办结. */
export function inboxGroupOf(status: SubmissionStatus): 'new' | 'in_progress' | 'replied' | 'resolved' {
  if (status === 'submitted') return 'new';
  if (status === 'replied') return 'replied';
  if (status === 'resolved') return 'resolved';
  return 'in_progress';
}

const indexKeys = (s: Submission) => ({
  // GSI1: a resident's submissions, newest last. GSI2: a studio's inbox tab, soonest due first.
  ...(s.residentId ? { GSI1PK: `USER#${s.residentId}#SUBMISSIONS`, GSI1SK: `${s.createdAt}#${s.id}` } : {}),
  GSI2PK: `STUDIO#${s.studioId}#INBOX#${inboxGroupOf(s.status)}`,
  GSI2SK: `${s.status === 'submitted' ? s.acceptDueDate : s.replyDueDate}#${s.id}`,
  // GSI3: a studio's submissions by the China month they came in (stats, export).
  GSI3PK: `STUDIO#${s.studioId}#MONTH#${chinaDate(s.createdAt).slice(0, 7)}`,
  GSI3SK: `${s.createdAt}#${s.id}`,
});

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
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId: submission.id, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: T, Item: submissionItem({ ...submission, ...(submission.phone ? { hasContact: true } : {}) }), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: T, Item: { ...eventKey(first), type: 'SubmissionEvent', ...first } } },
            // the resident's submission quotas, counted in the same transaction (a retry of the same request counts once)
            ...quotas.map((window) => quotaUpdate(T, window, guard.requestId)),
            // kept with no end while the matter is open (privacy/retention.ts); last, so the quotas keep their places above
            ...(submission.phone ? [{ Put: { TableName: T, Item: { ...contactKey(submission.id), type: 'SubmissionContact', submissionId: submission.id, phone: submission.phone } } }] : []),
          ],
        }),
      );
      return { kind: 'created' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const previous = await readRetryKey(this.table, guard.actorId, guard.requestId);
      if (previous) return { kind: 'replayed', submissionId: previous.targetId, fingerprint: previous.fingerprint };
      const reasons = cancellationReasons(error);
      const full = quotas.find((_, i) => reasons[3 + i] === 'ConditionalCheckFailed');
      if (full) return { kind: 'over-quota', window: full };
      // Concurrent requests with one key: the loser's transaction conflicted before the winner's landed.
      if (cancellationReasons(error).includes('TransactionConflict')) {
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
        return this.create(submission, first, guard);
      }
      throw error;
    }
  }

  /**
   * Saves a changed submission with its new timeline events (and its board line), in one transaction that holds
   * only if nobody changed it since it was read (`version`). False when someone did: nothing is written.
   * `contact` moves the end of the phone's retention with the step (set when resolved, removed when reopened);
   * `notices` (the resident's, the followers' fan-out) are written with the step, so none is lost or sent for a step
   * that did not happen.
   */
  async saveChange(next: Submission, events: SubmissionEvent[], board?: BoardItem, contact?: { keptUntil?: string }, notices: readonly NoticeOrder[] = []): Promise<boolean> {
    const T = this.table.tableName;
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
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
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern: a studio's inbox tab — Query GSI2 `GSI2PK=STUDIO#id#INBOX#<group>`, soonest due first. */
  async listInbox(studioId: string, group: ReturnType<typeof inboxGroupOf>, filter: { category?: string; standId?: string } = {}): Promise<Submission[]> {
    const conditions: string[] = [];
    const values: Record<string, unknown> = { ':pk': `STUDIO#${studioId}#INBOX#${group}` };
    if (filter.category) {
      conditions.push('category = :category');
      values[':category'] = filter.category;
    }
    if (filter.standId) {
      conditions.push('standId = :standId');
      values[':standId'] = filter.standId;
    }
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
        ExpressionAttributeValues: values,
        Limit: 200,
      }),
    );
    return (out.Items ?? []).map((i) => entityOf<Submission>(i));
  }

  /** Access pattern: inbox tab counts — Query GSI2 `GSI2PK=STUDIO#id#INBOX#<group>`, Select COUNT. */
  async countInbox(studioId: string, group: ReturnType<typeof inboxGroupOf>): Promise<number> {
    let count = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.client.send(
        new QueryCommand({ TableName: this.table.tableName, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}#INBOX#${group}` }, Select: 'COUNT', ExclusiveStartKey }),
      );
      count += out.Count ?? 0;
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return count;
  }

  /** Access pattern: a studio's submissions of a month — Query GSI3 `GSI3PK=STUDIO#id#MONTH#YYYY-MM`. */
  async listOfStudioMonth(studioId: string, month: string): Promise<Submission[]> {
    const items: Submission[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.table.client.send(
        new QueryCommand({ TableName: this.table.tableName, IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}#MONTH#${month}` }, ExclusiveStartKey }),
      );
      items.push(...(out.Items ?? []).map((i) => entityOf<Submission>(i)));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  /** Access pattern: the public board — Query PK=STUDIO#id#BOARD, newest first. */
  async listBoard(studioId: string, limit = 50): Promise<BoardItem[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}#BOARD` }, ScanIndexForward: false, Limit: limit }),
    );
    return (out.Items ?? []).map((i) => entityOf<BoardItem>(i));
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

  /** Access pattern: a resident's submissions — Query GSI1 `GSI1PK=USER#id#SUBMISSIONS`, newest first. */
  async listOfResident(userId: string): Promise<Submission[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `USER#${userId}#SUBMISSIONS` },
        ScanIndexForward: false,
      }),
    );
    return (out.Items ?? []).map((i) => entityOf<Submission>(i));
  }
}
