import { DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery, TransactWriteCommand, type QueryCommandInput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

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

/** The items of one TransactWriteItems request. */
export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * Why a transaction was cancelled: a code per item ("None" for those that passed), and, for an item written with
 * `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'` whose condition failed, the item as it was (what a caller needs to
 * explain the refusal without reading it again).
 */
export interface Cancellation {
  codes: string[];
  old: (Record<string, unknown> | undefined)[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a transaction, retrying (with jitter) while DynamoDB cancels it only for conflicts with other transactions on
 * the same items — the normal state of a popular slot, or of a studio's inbox counts. Undefined once it is written;
 * the cancellation when a condition failed (nothing was written).
 */
export async function transactWrite(table: TableRef, items: TransactItems): Promise<Cancellation | undefined> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await table.client.send(new TransactWriteCommand({ TransactItems: items }));
      return undefined;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const reasons = (error as { CancellationReasons?: { Code?: string; Item?: Record<string, AttributeValue> }[] }).CancellationReasons ?? [];
      const codes = reasons.map((r) => r.Code ?? 'None');
      const onlyConflicts = codes.includes('TransactionConflict') && codes.every((c) => c === 'None' || c === 'TransactionConflict');
      if (!onlyConflicts) return { codes: codes.length ? codes : ['ConditionalCheckFailed'], old: reasons.map((r) => (r.Item ? unmarshall(r.Item) : undefined)) };
      if (attempt >= 30) throw error;
      await sleep(10 + Math.random() * Math.min(400, 20 * 2 ** Math.min(attempt, 5)));
    }
  }
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
