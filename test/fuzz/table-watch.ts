import { createHash } from 'node:crypto';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, NumberValue, ScanCommand } from '@aws-sdk/lib-dynamodb';

/**
 * What the handlers write, seen on the wire, and what the table holds, read back.
 *
 * The handlers under test talk to DynamoDB Local through a small HTTP proxy that notes every write call (its
 * operation, the keys it names, DynamoDB's answer). A request that made no write call cannot have changed the
 * table; after one that did, the named items are read back and compared with a ledger of the table (one entry per
 * item, canonical JSON). After each batch the whole table is scanned and its item count and digest compared with the
 * ledger's, so a write the proxy did not see (or a key it misread) fails the run too.
 */

const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface WriteCall {
  operation: string;
  /** `["PK","SK"]` of every item the call would write (see `itemKey`). */
  keys: string[];
  /** DynamoDB's HTTP status: 200 written, 400 refused (a failed condition, a cancelled transaction, a bad value). */
  status: number;
}

type KeyAttributes = { PK?: { S?: string }; SK?: { S?: string } } | undefined;
/** An item's key as one string: `["PK","SK"]` (a PK may hold any character a caller sent, spaces included). */
export const itemKey = (PK: unknown, SK: unknown): string => JSON.stringify([String(PK), String(SK)]);
export const partitionOf = (key: string): string => (JSON.parse(key) as string[])[0];
const keyText = (attributes: KeyAttributes): string => itemKey(attributes?.PK?.S ?? '?', attributes?.SK?.S ?? '?');

/** The items a write call names, from its low-level JSON request. */
function keysOfWrite(operation: string, body: string): string[] {
  const input = JSON.parse(body || '{}');
  switch (operation) {
    case 'PutItem':
      return [keyText(input.Item)];
    case 'UpdateItem':
    case 'DeleteItem':
      return [keyText(input.Key)];
    case 'BatchWriteItem':
      return Object.values(input.RequestItems ?? {}).flatMap((requests) =>
        (requests as { PutRequest?: { Item: KeyAttributes }; DeleteRequest?: { Key: KeyAttributes } }[]).map((r) => keyText(r.PutRequest?.Item ?? r.DeleteRequest?.Key)),
      );
    case 'TransactWriteItems':
      return (input.TransactItems ?? []).flatMap((t: { Put?: { Item: KeyAttributes }; Update?: { Key: KeyAttributes }; Delete?: { Key: KeyAttributes } }) =>
        t.Put ? [keyText(t.Put.Item)] : t.Update ? [keyText(t.Update.Key)] : t.Delete ? [keyText(t.Delete.Key)] : [],
      );
    default:
      return [];
  }
}

/**
 * What a call asks IAM for: its operation and, for a transaction, the action of each part (IAM authorises a
 * TransactWriteItems by its parts: PutItem, UpdateItem, DeleteItem, ConditionCheckItem), on the table or one index.
 */
export interface CallGrant {
  actions: string[];
  /** The index a Query or Scan names; none: the table. */
  index?: string;
}

const PART_ACTIONS: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };

export function grantOfCall(operation: string, body: string): CallGrant {
  const input = JSON.parse(body || '{}');
  if (operation === 'TransactWriteItems') {
    const parts = (input.TransactItems ?? []).flatMap((t: Record<string, unknown>) => Object.keys(t).map((k) => PART_ACTIONS[k] ?? k));
    return { actions: [...new Set<string>(parts)].sort() };
  }
  return { actions: [operation], ...(typeof input.IndexName === 'string' ? { index: input.IndexName } : {}) };
}

export interface WriteWatch {
  /** Give this to the handlers as DYNAMODB_ENDPOINT. */
  endpoint: string;
  /** Every write call seen so far, in order. */
  calls: WriteCall[];
  /** Every call seen so far (reads too), as what it asks IAM for, in order. */
  grants: CallGrant[];
  close(): Promise<void>;
}

/** An HTTP proxy in front of DynamoDB Local that records the write calls passing through. */
export async function startWriteWatch(target: string): Promise<WriteWatch> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const calls: WriteCall[] = [];
  const grants: CallGrant[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          // noted before the handler sees the answer, so a request's calls are all there when it returns
          grants.push(grantOfCall(operation, body.toString('utf8')));
          if (WRITE_OPERATIONS.has(operation)) calls.push({ operation, keys: keysOfWrite(operation, body.toString('utf8')), status: answer.statusCode ?? 0 });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(parts));
        });
      });
      forward.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    grants,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** JSON with sorted keys; sets sorted, numbers as DynamoDB's strings, bytes in base64. */
function canonical(value: unknown): unknown {
  if (value instanceof NumberValue) return { N: value.toString() };
  if (value instanceof Set) return { set: [...value].map(canonical).map((v) => JSON.stringify(v)).sort() };
  if (value instanceof Uint8Array) return { B: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

export interface Digest {
  count: number;
  sha256: string;
}

export function digestOf(items: ReadonlyMap<string, string>, include: (key: string) => boolean = () => true): Digest {
  const hash = createHash('sha256');
  let count = 0;
  for (const key of [...items.keys()].sort()) {
    if (!include(key)) continue;
    count += 1;
    hash.update(key).update('\u0000').update(items.get(key)!).update('\u0001');
  }
  return { count, sha256: hash.digest('hex') };
}

export interface ItemChange {
  key: string;
  before?: string;
  after?: string;
}

/** The ledger of one table: every item as canonical JSON, kept up to date from the writes seen. */
export class TableLedger {
  private items = new Map<string, string>();
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    endpoint: string,
    private readonly tableName: string,
  ) {
    // numbers wrapped: an item holding 1e21 must be read back as stored, not make the reader throw
    this.doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'fuzz', secretAccessKey: 'fuzz' } }), {
      unmarshallOptions: { wrapNumbers: true },
    });
  }

  /** The whole table, read with a Scan (fine in a test; the API itself never scans). */
  async scan(): Promise<Map<string, string>> {
    const items = new Map<string, string>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(new ScanCommand({ TableName: this.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) items.set(itemKey(item.PK, item.SK), JSON.stringify(canonical(item)));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async reset(): Promise<void> {
    this.items = await this.scan();
  }

  get size(): number {
    return this.items.size;
  }

  digest(include?: (key: string) => boolean): Digest {
    return digestOf(this.items, include);
  }

  /** Reads the named items back; returns those that differ from the ledger, which then holds what is stored now. */
  async reread(keys: Iterable<string>): Promise<ItemChange[]> {
    const changes: ItemChange[] = [];
    for (const key of new Set(keys)) {
      const [PK, SK] = JSON.parse(key) as [string, string];
      const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { PK, SK }, ConsistentRead: true }));
      const after = Item ? JSON.stringify(canonical(Item)) : undefined;
      const before = this.items.get(key);
      if (after === before) continue;
      changes.push({ key, before, after });
      if (after === undefined) this.items.delete(key);
      else this.items.set(key, after);
    }
    return changes;
  }

  /** Scans the table and compares it with the ledger: the items that differ (none when every write was seen). */
  async compareWithTable(): Promise<{ ledger: Digest; table: Digest; differing: ItemChange[] }> {
    const table = await this.scan();
    const differing: ItemChange[] = [];
    for (const key of new Set([...table.keys(), ...this.items.keys()])) {
      if (table.get(key) !== this.items.get(key)) differing.push({ key, before: this.items.get(key), after: table.get(key) });
    }
    return { ledger: this.digest(), table: digestOf(table), differing };
  }
}
