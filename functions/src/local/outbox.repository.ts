import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notice } from '../adapters/notify/notifier';
import type { TableRef } from '../data/dynamodb-client';

/** A notice as the local stage's outbox keeps it: what WeChat would have been asked to send, and when. */
export interface OutboxEntry extends Notice {
  id: string;
  /** UTC ISO 8601. */
  at: string;
  /** Who it was for, so a developer can tell the demo residents apart. */
  recipientName?: string;
}

/** Kept for a week: enough to look at after a day of clicking through the app, then deleted by TTL. */
const OUTBOX_TTL_SECONDS = 7 * 86_400;

// Keys of outbox entries (docs/access-patterns.md). One partition for the whole local stage: a developer's
// trickle of notices, newest first by SK. Not for a deployed stage, where one partition would be a hot key.
const OUTBOX_PK = 'OUTBOX';
const outboxKey = (at: string, id: string) => ({ PK: OUTBOX_PK, SK: `${at}#${id}` });

function toItem(entry: OutboxEntry) {
  return {
    ...outboxKey(entry.at, entry.id),
    type: 'OutboxNotice',
    id: entry.id,
    at: entry.at,
    userId: entry.userId,
    kind: entry.kind,
    page: entry.page,
    data: entry.data,
    ...(entry.recipientName ? { recipientName: entry.recipientName } : {}),
    ttl: Math.floor(Date.parse(entry.at) / 1000) + OUTBOX_TTL_SECONDS,
  };
}

function fromItem(item: Record<string, unknown>): OutboxEntry {
  const { id, at, userId, kind, page, data, recipientName } = item as unknown as OutboxEntry;
  return { id, at, userId, kind, page, data, ...(recipientName ? { recipientName } : {}) };
}

/** The local stage's record of notices (OutboxNotifier): what a developer would otherwise never see. */
export class OutboxRepository {
  constructor(private readonly table: TableRef) {}

  async record(entry: OutboxEntry): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: toItem(entry) }));
  }

  /** Access pattern: recent notices (local stage) — Query PK=OUTBOX, newest first (ScanIndexForward=false), Limit. */
  async listRecent(limit = 50): Promise<OutboxEntry[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': OUTBOX_PK },
        ScanIndexForward: false,
        Limit: Math.max(1, Math.floor(limit)),
      }),
    );
    return (out.Items ?? []).map(fromItem);
  }
}
