import { PutCommand, QueryCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@shared/roles';
import { entityOf, isConditionFailure, type TableRef } from '../data/dynamodb-client';

/** A demo identity for signing in on the local stage (written by the demo seed, never in production). */
export interface Persona {
  key: string;
  userId: string;
  displayName: string;
  role: Role;
  studioName?: string;
  order: number;
}

/** What the demo seed created, so that later runs reuse it instead of seeding twice. */
export interface DemoSeedRecord {
  version: number;
  studioId: string;
  venueId: string;
  createdAt: string;
}

const seedKey = { PK: 'LOCAL#SEED', SK: 'DEMO' };
const personaKey = (key: string) => ({ PK: 'LOCAL#PERSONAS', SK: `PERSONA#${key}` });

export class PersonaRepository {
  constructor(private readonly table: TableRef) {}

  async putPersona(persona: Persona): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: { ...personaKey(persona.key), type: 'Persona', ...persona } }));
  }

  /** Access pattern: persona by key — GetItem PK=LOCAL#PERSONAS, SK=PERSONA#key. */
  async getPersona(key: string): Promise<Persona | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: personaKey(key) }));
    if (!out.Item) return undefined;
    return entityOf<Persona>(out.Item);
  }

  async getDemoSeed(): Promise<DemoSeedRecord | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: seedKey, ConsistentRead: true }));
    if (!out.Item) return undefined;
    return entityOf<DemoSeedRecord>(out.Item);
  }

  /** Records the seed; false when another run recorded one first. */
  async recordDemoSeed(record: DemoSeedRecord): Promise<boolean> {
    try {
      await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: { ...seedKey, type: 'DemoSeed', ...record }, ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern: all personas — Query PK=LOCAL#PERSONAS. */
  async listPersonas(): Promise<Persona[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.table.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'LOCAL#PERSONAS' } }),
    );
    return (out.Items ?? [])
      .map((item) => entityOf<Persona>(item))
      .sort((a, b) => a.order - b.order);
  }
}
