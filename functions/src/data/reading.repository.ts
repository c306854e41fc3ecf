import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { entityOf, isConditionFailure, type TableRef } from './dynamodb-client';

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

  /**
   * Stores a reading only while the consent holds (a condition on the consent item inside the same write would
   * need a transaction; the use case checks the consent just before, and a reading taken at that moment is
   * the resident's to delete).
   */
  async putReading(reading: Reading): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...readingKey(reading.userId, reading.id), type: 'Reading', ...reading, ttl: Math.floor(Date.parse(reading.expiresAt) / 1000) },
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
