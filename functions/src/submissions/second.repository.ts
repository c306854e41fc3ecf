import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { entityOf, queryAll, transactWrite, type TableRef } from '../data/dynamodb-client';
import type { ItemRead } from '../data/batch-reader';
import { queryPage, ULID, type PageKeyShape } from '../data/page-cursor';
import { submissionCondition } from './submission.repository';
import type { SubmissionStatus } from '@shared/schemas/submission';

/** 附议: a resident says "me too" on a matter someone else raised. One per resident per matter; kept under its person. */
export interface Second {
  submissionId: string;
  studioId: string;
  userId: string;
  at: string;
}

// Keys of seconds (docs/access-patterns.md, 104–108). The count is its own item, not an attribute of the submission:
// the submission is rewritten whole by every step (`saveChange`, optimistic `version`), which would drop an ADD made
// between its read and its write, and a 附议 must not make a representative's step fail with "changed meanwhile".
const secondKey = (submissionId: string, userId: string) => ({ PK: `SUBMISSION#${submissionId}`, SK: `SECOND#${userId}` });
const countKey = (submissionId: string) => ({ PK: `SUBMISSION#${submissionId}`, SK: 'SECONDS' });
const personPartition = (userId: string) => `USER#${userId}#SECONDS`;

const ISO_TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z';
const PERSON_PAGE: PageKeyShape = { PK: new RegExp(`^SUBMISSION#${ULID}$`), SK: new RegExp(`^SECOND#${ULID}$`), GSI1SK: new RegExp(`^${ISO_TIME}#${ULID}$`) };

export type SecondOutcome = 'counted' | 'already' | 'not-open';

export class SecondRepository {
  constructor(private readonly table: TableRef) {}

  /**
   * Access pattern 105: one transaction — ConditionCheck the submission is still in one of `openStatuses`; Put the
   * Second with `attribute_not_exists(PK)` (a resident's second tap, or two taps at once, count once); ADD 1 to the
   * count. 'already' when this resident had seconded it, 'not-open' when it was closed meanwhile: nothing written.
   */
  async second(s: Second, openStatuses: readonly SubmissionStatus[]): Promise<SecondOutcome> {
    const T = this.table.tableName;
    const cancelled = await transactWrite(this.table, [
      submissionCondition(T, s.submissionId, openStatuses),
      { Put: { TableName: T, Item: { ...secondKey(s.submissionId, s.userId), GSI1PK: personPartition(s.userId), GSI1SK: `${s.at}#${s.submissionId}`, type: 'Second', ...s }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { Update: { TableName: T, Key: countKey(s.submissionId), UpdateExpression: 'ADD #count :one SET #type = :type', ExpressionAttributeNames: { '#count': 'count', '#type': 'type' }, ExpressionAttributeValues: { ':one': 1, ':type': 'SecondCount' } } },
    ]);
    if (!cancelled) return 'counted';
    if (cancelled.codes[1] === 'ConditionalCheckFailed') return 'already';
    if (cancelled.codes[0] === 'ConditionalCheckFailed') return 'not-open';
    throw new Error(`second cancelled: ${cancelled.codes.join(',')}`);
  }

  /** Access pattern 106: how many residents seconded a matter — GetItem `PK=SUBMISSION#id, SK=SECONDS` (in a batch). */
  countRead(submissionId: string): ItemRead<number> {
    return { key: countKey(submissionId), from: (item) => Number(item.count ?? 0) };
  }

  /** Access pattern 108: whether this resident seconded a matter — GetItem `PK=SUBMISSION#id, SK=SECOND#userId` (in a batch). */
  secondRead(submissionId: string, userId: string): ItemRead<Second> {
    return { key: secondKey(submissionId, userId), from: (item) => entityOf<Second>(item) };
  }

  /** Access pattern 127: who seconded a matter (a 协商's invitees) — Query `PK=SUBMISSION#id, begins_with(SK, 'SECOND#')`, every page. */
  async listSecondersOf(submissionId: string): Promise<string[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `SUBMISSION#${submissionId}`, ':prefix': 'SECOND#' } });
    return items.map((i) => entityOf<Second>(i).userId);
  }

  /** Access pattern 107: every second of a person, newest first — Query GSI1 `GSI1PK=USER#id#SECONDS`, every page (their data). */
  async listOfUser(userId: string): Promise<Second[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': personPartition(userId) }, ScanIndexForward: false });
    return items.map((i) => entityOf<Second>(i));
  }

  /** Access pattern 107, a page: a person's seconds, newest first — Query GSI1 `GSI1PK=USER#id#SECONDS`, Limit, from `cursor` (我附议的事). */
  async listOfUserPage(userId: string, page: { cursor?: string; limit: number }): Promise<{ items: Second[]; nextCursor?: string }> {
    const { items, nextCursor } = await queryPage(this.table, { partition: { GSI1PK: personPartition(userId) }, shape: PERSON_PAGE }, { IndexName: 'GSI1', ScanIndexForward: false }, page);
    return { items: items.map((i) => entityOf<Second>(i)), nextCursor };
  }

  /**
   * Access pattern 107, deleting an account: each of the person's Seconds is deleted (who seconded is theirs); the
   * counts stay (they name no one).
   */
  async deleteOfUser(userId: string): Promise<number> {
    const seconds = await this.listOfUser(userId);
    for (const s of seconds) await this.table.client.send(new DeleteCommand({ TableName: this.table.tableName, Key: secondKey(s.submissionId, s.userId) }));
    return seconds.length;
  }
}
