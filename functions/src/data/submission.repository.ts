import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SubmissionStatus } from '@shared/schemas/submission';
import { cancellationReasons, entityOf, isConditionFailure, type TableRef } from './dynamodb-client';
import { readRetryKey, retryKeyItem } from './retry-key';

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
  public: boolean;
  /** Given with the consent tick only; never shown on the board, masked in exports. */
  phone?: string;
  /** 'review': accepted, but kept off the public board until a representative approves it. */
  contentVerdict: 'pass' | 'review';
  status: SubmissionStatus;
  createdAt: string;
  acceptDueDate: string;
  replyDueDate: string;
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
});

export type SubmitOutcome = { kind: 'created' } | { kind: 'replayed'; submissionId: string; fingerprint: string };

export class SubmissionRepository {
  constructor(private readonly table: TableRef) {}

  /**
   * Stores a new submission with its first timeline event and the client's retry key, in one transaction:
   * a retry after a dropped response finds the key and gets the same submission.
   */
  async create(submission: Submission, first: SubmissionEvent, guard: { actorId: string; requestId: string; fingerprint: string; requestTtl: number }): Promise<SubmitOutcome> {
    const T = this.table.tableName;
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId: submission.id, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: T, Item: { ...submissionKey(submission.id), ...indexKeys(submission), type: 'Submission', ...submission }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: T, Item: { ...eventKey(first), type: 'SubmissionEvent', ...first } } },
          ],
        }),
      );
      return { kind: 'created' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const previous = await readRetryKey(this.table, guard.actorId, guard.requestId);
      if (previous) return { kind: 'replayed', submissionId: previous.targetId, fingerprint: previous.fingerprint };
      // Concurrent requests with one key: the loser's transaction conflicted before the winner's landed.
      if (cancellationReasons(error).includes('TransactionConflict')) {
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
        return this.create(submission, first, guard);
      }
      throw error;
    }
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
