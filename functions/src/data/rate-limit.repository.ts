import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, type TableRef } from './dynamodb-client';

/**
 * Fixed-window counters in the table: one item per key and window, removed by TTL. The condition makes the
 * limit hold under concurrency.
 */
export class RateLimitRepository {
  constructor(private readonly table: TableRef) {}

  /** Counts one attempt; returns false (and counts nothing) once `limit` attempts were made in the window. */
  async tryConsume(key: string, limit: number, windowSeconds: number, nowMs: number): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const window = Math.floor(nowMs / 1000 / windowSeconds);
    const windowEnd = (window + 1) * windowSeconds;
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: { PK: `RATE#${key}`, SK: `WINDOW#${window}` },
          UpdateExpression: 'ADD hits :one SET #ttl = if_not_exists(#ttl, :ttl)',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': windowEnd + 3600 },
        }),
      );
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (error) {
      if (isConditionFailure(error)) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowEnd - nowMs / 1000)) };
      throw error;
    }
  }
}

/**
 * A quota counted per request id, written as one item of the caller's own transaction (docs/access-patterns.md,
 * "Quota window"): the window's item keeps the ids it let through, so a retried request (same id) passes again
 * without counting twice, and a new id passes only while fewer than `limit` ids are in the window. The transaction
 * fails on this item when the quota is used up; `retryAfterSeconds` says when the window ends.
 */
export interface QuotaWindow {
  /** e.g. `submit#<userId>#10m#<window number>` */
  key: string;
  limit: number;
  /** Epoch seconds when the window ends. */
  endsAt: number;
}

export function quotaUpdate(tableName: string, window: QuotaWindow, requestId: string) {
  return {
    Update: {
      TableName: tableName,
      Key: { PK: `QUOTA#${window.key}`, SK: 'WINDOW' },
      UpdateExpression: 'ADD requests :ids SET #ttl = if_not_exists(#ttl, :ttl)',
      ConditionExpression: 'attribute_not_exists(requests) OR size(requests) < :limit OR contains(requests, :id)',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':ids': new Set([requestId]), ':id': requestId, ':limit': window.limit, ':ttl': window.endsAt + 3600 },
    },
  };
}
