import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, entityOf, isConditionFailure, type TableRef } from '../data/dynamodb-client';
import { readRetryKey, retryKeyItem } from '../data/retry-key';

/** A blood-pressure reading kept with the resident's separate consent, deleted by TTL after the retention. */
export interface Reading {
  id: string;
  userId: string;
  systolic: number;
  diastolic: number;
  pulse?: number;
  measuredAt: string;
  expiresAt: string;
  standId: string;
  entryId: string;
  venueName: string;
  serviceName: string;
  recordedBy: string;
}

export interface HealthConsent {
  consent: boolean;
  updatedAt: string;
}

// Keys of readings and the consent (docs/access-patterns.md). A ULID id sorts readings by time.
const readingKey = (userId: string, readingId: string) => ({ PK: `USER#${userId}`, SK: `READING#${readingId}` });
const consentKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'CONSENT#HEALTH_READINGS' });
const readingItem = (reading: Reading) => ({ ...readingKey(reading.userId, reading.id), type: 'Reading', ...reading, ttl: Math.floor(Date.parse(reading.expiresAt) / 1000) });

export type RecordOutcome = { kind: 'created' } | { kind: 'replayed'; readingId: string; fingerprint: string } | { kind: 'no-consent' };

export class ReadingRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern: a resident's health consent — GetItem PK=USER#id, SK=CONSENT#HEALTH_READINGS (consistent). */
  async getConsent(userId: string): Promise<HealthConsent | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: consentKey(userId), ConsistentRead: true }));
    return out.Item ? { consent: out.Item.consent as boolean, updatedAt: out.Item.updatedAt as string } : undefined;
  }

  async putConsent(userId: string, consent: HealthConsent): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: { ...consentKey(userId), type: 'HealthConsent', ...consent } }));
  }

  /** Deletes the consent record itself (the account is deleted): Delete `PK=USER#id, SK=CONSENT#HEALTH_READINGS`. */
  async deleteConsent(userId: string): Promise<void> {
    await this.table.client.send(new DeleteCommand({ TableName: this.table.tableName, Key: consentKey(userId) }));
  }

  /**
   * Stores a reading once per retry key, only while the resident's consent holds — one transaction: the retry key
   * (new), the consent (still given), the reading (new). A repeated key is `replayed` with what it made.
   */
  async recordOnce(reading: Reading, guard: { actorId: string; requestId: string; fingerprint: string; requestTtl: number }): Promise<RecordOutcome> {
    const T = this.table.tableName;
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: T, Item: retryKeyItem(guard.actorId, guard.requestId, { targetId: reading.id, fingerprint: guard.fingerprint }, guard.requestTtl), ConditionExpression: 'attribute_not_exists(PK)' } },
            { ConditionCheck: { TableName: T, Key: consentKey(reading.userId), ConditionExpression: 'consent = :yes', ExpressionAttributeValues: { ':yes': true } } },
            { Put: { TableName: T, Item: readingItem(reading), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
      return { kind: 'created' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [keyReason, consentReason] = cancellationReasons(error);
      if (keyReason === 'ConditionalCheckFailed') {
        const previous = await readRetryKey(this.table, guard.actorId, guard.requestId);
        if (previous) return { kind: 'replayed', readingId: previous.targetId, fingerprint: previous.fingerprint };
      }
      if (consentReason === 'ConditionalCheckFailed') return { kind: 'no-consent' };
      if (cancellationReasons(error).includes('TransactionConflict')) {
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
        return this.recordOnce(reading, guard);
      }
      throw error;
    }
  }

  /** Access pattern: one reading — GetItem PK=USER#id, SK=READING#readingId (consistent). */
  async getReading(userId: string, readingId: string): Promise<Reading | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: readingKey(userId, readingId), ConsistentRead: true }));
    return out.Item ? entityOf<Reading>(out.Item) : undefined;
  }

  /** A reading as it is, without retry key or consent check: only the tests use it, to place an expired reading. */
  async putReading(reading: Reading): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: readingItem(reading),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Access pattern: a resident's readings — Query PK=USER#id AND begins_with(SK, 'READING#'), oldest first.
   * TTL deletes lag by up to days, so expired readings are filtered out here as well.
   */
  async listReadingsOfResident(userId: string, now: Date): Promise<Reading[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        FilterExpression: '#ttl > :now',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'READING#', ':now': Math.floor(now.getTime() / 1000) },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((item) => entityOf<Reading>(item));
  }

  /** Deletes one of the resident's readings; false when there was none. */
  async deleteReading(userId: string, readingId: string): Promise<boolean> {
    const out = await this.table.client.send(new DeleteCommand({ TableName: this.table.tableName, Key: readingKey(userId, readingId), ReturnValues: 'ALL_OLD' }));
    return Boolean(out.Attributes);
  }
}
