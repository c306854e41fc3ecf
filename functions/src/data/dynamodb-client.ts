import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

export interface DynamoSettings {
  region: string;
  endpoint?: string;
}

/** One document client per container and endpoint (Lambda reuses it across invocations). */
const clients = new Map<string, DynamoDBDocumentClient>();

export function documentClient(settings: DynamoSettings): DynamoDBDocumentClient {
  const key = `${settings.region}|${settings.endpoint ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    const base = new DynamoDBClient({
      region: settings.region,
      ...(settings.endpoint
        ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
    clients.set(key, client);
  }
  return client;
}

export interface TableRef {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/** True when a write failed its condition (plain or inside a transaction). */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException';
}

/** Reasons of a cancelled transaction, one per item ("None" for items that passed). */
export function cancellationReasons(error: unknown): string[] {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] } | null)?.CancellationReasons;
  return reasons ? reasons.map((r) => r.Code ?? 'None') : [];
}

const STORAGE_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'type', 'ttl']);

/** An item without the attributes that only serve storage (keys, index keys, type, ttl): the entity itself. */
export function entityOf<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !STORAGE_ATTRIBUTES.has(key))) as T;
}

/** Every item a Query finds, page after page (the SDK's paginator): for the lists that must be whole — exports, jobs. */
export async function queryAll(table: TableRef, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: table.client }, { TableName: table.tableName, ...input })) items.push(...(page.Items ?? []));
  return items;
}
