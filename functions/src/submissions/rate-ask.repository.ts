import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, chinaDate } from '@shared/time';
import type { TableRef, TransactItems } from '../data/dynamodb-client';

/** Days after 办结 that a resident who has not rated is asked 解决了吗？ */
export const RATE_ASK_AFTER_DAYS = 3;

/** A follow-up due: which matter, and which resolution of it (a matter resolved again has its own). */
export interface RateAsk {
  studioId: string;
  submissionId: string;
  resolvedAt: string;
  askOn: string;
}

// Keys (docs/access-patterns.md, pattern 111): one item per resolution, under the studio, sorted by the day to ask.
const partition = (studioId: string) => `STUDIO#${studioId}#RATEASK`;
const sortKey = (askOn: string, submissionId: string) => `${askOn}#${submissionId}`;

/**
 * The follow-up of a resolution (解决了吗？), written in the transaction of the step that resolves a matter
 * (`SubmissionRepository.saveChange`), and read on its day by the daily 催办 job.
 */
export function rateAskPut(tableName: string, s: { studioId: string; id: string }, resolvedAt: string): TransactItems[number] {
  const askOn = addDays(chinaDate(resolvedAt), RATE_ASK_AFTER_DAYS);
  return { Put: { TableName: tableName, Item: { PK: partition(s.studioId), SK: sortKey(askOn, s.id), type: 'RateAsk', studioId: s.studioId, submissionId: s.id, resolvedAt, askOn } } };
}

export class RateAskRepository {
  constructor(private readonly table: TableRef) {}

  /** 111: the follow-ups due by `today` (China date), oldest first — Query PK=STUDIO#id#RATEASK AND SK <= today#~ (a day's handful). */
  async listDue(studioId: string, today: string): Promise<RateAsk[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'PK = :pk AND SK <= :last', ExpressionAttributeValues: { ':pk': partition(studioId), ':last': `${today}#~` }, Limit: 200 }),
    );
    return (out.Items ?? []).map((i) => ({ studioId: i.studioId as string, submissionId: i.submissionId as string, resolvedAt: i.resolvedAt as string, askOn: i.askOn as string }));
  }

  /** 111: asked (or no longer to be asked). */
  async done(ask: RateAsk): Promise<void> {
    await this.table.client.send(new DeleteCommand({ TableName: this.table.tableName, Key: { PK: partition(ask.studioId), SK: sortKey(ask.askOn, ask.submissionId) } }));
  }
}
