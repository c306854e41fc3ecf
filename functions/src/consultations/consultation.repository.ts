import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ConsultationStatus } from '@shared/schemas/consultations';
import { entityOf, queryAll, transactWrite, type TableRef, type TransactItems } from '../data/dynamodb-client';
import type { ItemRead } from '../data/batch-reader';
import { queryPage } from '../data/page-cursor';
import { noticeWrites, type NoticeOrder } from '../notices/notice-queue.repository';
import { retryKeyItem, type RetryKeyRecord } from '../data/retry-key';
import type { RetryGuard } from '../coins/coin.repository';
import { timelineEventPut } from '../submissions/submission.repository';
import type { SubmissionEvent } from '../submissions/submission-items';
import {
  consultationItem,
  consultationKey,
  publicShelf,
  PUBLIC_SHAPE,
  shelfSortKey,
  signUpItem,
  signUpKey,
  signUpsOfPerson,
  studioShelf,
  STUDIO_SHAPE,
  type Consultation,
  type ConsultationSignUp,
} from './consultation-items';

export type SignUpOutcome = 'signed_up' | 'already' | 'closed';
export type WithdrawOutcome = 'withdrawn' | 'not_signed_up' | 'closed';

/** The fields a step sets (besides the status and the shelves). */
type StepFields = Partial<Pick<Consultation, 'attendance' | 'attendeeNames' | 'minutes' | 'decision' | 'decidedAt' | 'result' | 'resultAt' | 'cancelReason'>>;

/** Consultations and their sign-ups (docs/access-patterns.md, 120–127). */
export class ConsultationRepository {
  constructor(private readonly table: TableRef) {}

  /**
   * Access pattern 120: a new consultation once per retry key — Put the key (`attribute_not_exists`; a repeat answers
   * the record it made), Put the consultation (`attribute_not_exists`), the 协商 step on each linked submission's
   * timeline and the invitees' fan-out notice, in one transaction.
   */
  async create(c: Consultation, events: SubmissionEvent[], notices: readonly NoticeOrder[], guard: RetryGuard): Promise<{ replayed?: RetryKeyRecord }> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      { Put: { TableName: T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId: c.id, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      { Put: { TableName: T, Item: consultationItem(c), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...events.map((e) => timelineEventPut(T, e)),
      ...noticeWrites(T, notices),
    ]);
    if (!cancelled) return {};
    const old = cancelled.old[0];
    if (old) return { replayed: { targetId: old.targetId as string, fingerprint: old.fingerprint as string } };
    throw new Error(`consultation create cancelled: ${cancelled.codes.join(',')}`);
  }

  /** Access pattern 123: a consultation by id — GetItem `PK=CONSULTATION#id, SK=META` (consistent). */
  async get(id: string): Promise<Consultation | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: consultationKey(id), ConsistentRead: true }));
    return out.Item ? entityOf<Consultation>(out.Item) : undefined;
  }

  /** Access pattern 123 (in a batch): a consultation by id. */
  consultationRead(id: string): ItemRead<Consultation> {
    return { key: consultationKey(id), from: (item) => entityOf<Consultation>(item) };
  }

  /** Access pattern 125 (in a batch): whether this person signed up — GetItem `PK=CONSULTATION#id, SK=SIGNUP#userId`. */
  signUpRead(consultationId: string, userId: string): ItemRead<ConsultationSignUp> {
    return { key: signUpKey(consultationId, userId), from: (item) => entityOf<ConsultationSignUp>(item) };
  }

  /**
   * Access pattern 124: a step — one transaction: Update the consultation only if it is still in `from` (SET the
   * step's fields, the status and its place on the shelves; a cancelled one leaves the public shelf), with the step on
   * each linked submission's timeline. False when its status changed meanwhile: nothing written.
   */
  async step(c: Consultation, from: ConsultationStatus, to: ConsultationStatus, fields: StepFields, events: SubmissionEvent[]): Promise<boolean> {
    const T = this.table.tableName;
    const sk = shelfSortKey({ ...c, status: to });
    const set: Record<string, unknown> = { ...fields, status: to, GSI1SK: sk, ...(to === 'cancelled' ? {} : { GSI2SK: sk }) };
    const names = Object.fromEntries(Object.keys(set).map((k) => [`#${k}`, k]));
    const values = Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v]));
    const update: TransactItems[number] = {
      Update: {
        TableName: T,
        Key: consultationKey(c.id),
        UpdateExpression: `SET ${Object.keys(set).map((k) => `#${k} = :${k}`).join(', ')}${to === 'cancelled' ? ' REMOVE GSI2PK, GSI2SK' : ''}`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':from': from },
      },
    };
    return !(await transactWrite(this.table, [update, ...events.map((e) => timelineEventPut(T, e))]));
  }

  /** Access pattern 121, a page: a studio's consultations, upcoming first — Query GSI1 `GSI1PK=STUDIO#id#CONSULTATIONS`. */
  async listOfStudioPage(studioId: string, page: { cursor?: string; limit: number }): Promise<{ items: Consultation[]; nextCursor?: string }> {
    const { items, nextCursor } = await queryPage(this.table, { partition: { GSI1PK: studioShelf(studioId) }, shape: STUDIO_SHAPE }, { IndexName: 'GSI1' }, page);
    return { items: items.map((i) => entityOf<Consultation>(i)), nextCursor };
  }

  /** Access pattern 122, a page: a studio's public consultations (not cancelled), upcoming first — Query GSI2 `GSI2PK=STUDIO#id#CONSULTATIONS#PUBLIC`. */
  async listPublicPage(studioId: string, page: { cursor?: string; limit: number }): Promise<{ items: Consultation[]; nextCursor?: string }> {
    const { items, nextCursor } = await queryPage(this.table, { partition: { GSI2PK: publicShelf(studioId) }, shape: PUBLIC_SHAPE }, { IndexName: 'GSI2' }, page);
    return { items: items.map((i) => entityOf<Consultation>(i)), nextCursor };
  }

  /**
   * Access pattern 125: a sign-up — one transaction: Update the consultation (ADD 1 to `signedUp`) only while planned
   * and below its capacity; Put the sign-up `attribute_not_exists` (a second tap, or two at once, count once).
   */
  async signUp(s: ConsultationSignUp): Promise<SignUpOutcome> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      {
        Update: {
          TableName: T,
          Key: consultationKey(s.consultationId),
          UpdateExpression: 'ADD signedUp :one',
          ConditionExpression: '#status = :planned AND (attribute_not_exists(#capacity) OR signedUp < #capacity)',
          ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
          ExpressionAttributeValues: { ':one': 1, ':planned': 'planned' },
        },
      },
      { Put: { TableName: T, Item: signUpItem(s), ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
    if (!cancelled) return 'signed_up';
    if (cancelled.codes[1] === 'ConditionalCheckFailed') return 'already';
    if (cancelled.codes[0] === 'ConditionalCheckFailed') return 'closed';
    throw new Error(`sign-up cancelled: ${cancelled.codes.join(',')}`);
  }

  /** Access pattern 125: withdrawing — Delete the sign-up (it must exist) and ADD -1, only while planned. */
  async withdraw(consultationId: string, userId: string): Promise<WithdrawOutcome> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      {
        Update: {
          TableName: T,
          Key: consultationKey(consultationId),
          UpdateExpression: 'ADD signedUp :minus',
          ConditionExpression: '#status = :planned',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':minus': -1, ':planned': 'planned' },
        },
      },
      { Delete: { TableName: T, Key: signUpKey(consultationId, userId), ConditionExpression: 'attribute_exists(PK)' } },
    ]);
    if (!cancelled) return 'withdrawn';
    if (cancelled.codes[1] === 'ConditionalCheckFailed') return 'not_signed_up';
    if (cancelled.codes[0] === 'ConditionalCheckFailed') return 'closed';
    throw new Error(`withdraw cancelled: ${cancelled.codes.join(',')}`);
  }

  /** Access pattern 126: a person's sign-ups, newest first — Query GSI1 `GSI1PK=USER#id#CONSULTSIGNUPS`, every page (their data). */
  async listSignUpsOfPerson(userId: string): Promise<ConsultationSignUp[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': signUpsOfPerson(userId) }, ScanIndexForward: false });
    return items.map((i) => entityOf<ConsultationSignUp>(i));
  }

  /**
   * Access pattern 126, deleting an account: a sign-up to a planned meeting is withdrawn (the seat is freed); the
   * others are deleted (the attendance recorded names no one by account).
   */
  async deleteSignUpsOfPerson(userId: string): Promise<number> {
    const signUps = await this.listSignUpsOfPerson(userId);
    for (const s of signUps) {
      if ((await this.withdraw(s.consultationId, userId)) === 'closed') {
        await this.table.client.send(new DeleteCommand({ TableName: this.table.tableName, Key: signUpKey(s.consultationId, userId) }));
      }
    }
    return signUps.length;
  }
}
