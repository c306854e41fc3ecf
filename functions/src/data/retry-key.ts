import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './dynamodb-client';

/**
 * A client's retry key (docs/access-patterns.md, "Request"): written in the same transaction as what the request
 * creates, so that the same key returns the same thing and never creates it twice. `fingerprint` is the digest
 * of the request body: the same key with another body is refused.
 */
export const retryKeyOf = (actorId: string, requestId: string) => ({ PK: `REQUEST#${actorId}`, SK: requestId });

export interface RetryKeyRecord {
  targetId: string;
  fingerprint: string;
}

export function retryKeyItem(actorId: string, requestId: string, record: RetryKeyRecord, ttl: number) {
  return { ...retryKeyOf(actorId, requestId), type: 'Request', ...record, ttl };
}

/** Access pattern: a retry key — GetItem PK=REQUEST#actor, SK=requestId (consistent). */
export async function readRetryKey(table: TableRef, actorId: string, requestId: string): Promise<RetryKeyRecord | undefined> {
  const out = await table.client.send(new GetCommand({ TableName: table.tableName, Key: retryKeyOf(actorId, requestId), ConsistentRead: true }));
  return out.Item ? { targetId: out.Item.targetId as string, fingerprint: out.Item.fingerprint as string } : undefined;
}
