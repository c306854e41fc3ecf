import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './dynamodb-client';

/**
 * One item to read with others: its key and how its entity is made from the stored item. Each repository makes the
 * reads of its own entities (`StandRepository.standRead`, `UserRepository.userRead` …), so the keys stay with them.
 */
export interface ItemRead<T> {
  key: { PK: string; SK: string };
  from: (item: Record<string, unknown>) => T;
}

type Reads = Record<string, ItemRead<unknown> | undefined>;
export type ReadResults<R extends Reads> = { [K in keyof R]: NonNullable<R[K]> extends ItemRead<infer T> ? T | undefined : undefined };

const idOf = (key: { PK: string; SK: string }) => `${key.PK}\u0000${key.SK}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Reads several items of the table in one round trip (BatchGetItem): what a request needs before it writes — a
 * booking's stand, slot and resident; a submission's studio, settings, stand and the resident's openid. A read left
 * `undefined` is skipped; an item that does not exist comes back `undefined`. Keys DynamoDB leaves unprocessed (under
 * throttling) are asked again.
 */
export class BatchReader {
  constructor(private readonly table: TableRef) {}

  async read<R extends Reads>(reads: R, options: { consistent?: boolean } = {}): Promise<ReadResults<R>> {
    const wanted = new Map<string, { PK: string; SK: string }>();
    for (const read of Object.values(reads)) if (read) wanted.set(idOf(read.key), read.key);
    if (wanted.size > 100) throw new Error('BatchGetItem reads at most 100 items');
    const found = new Map<string, Record<string, unknown>>();
    let keys = [...wanted.values()];
    for (let attempt = 0; keys.length > 0; attempt += 1) {
      if (attempt > 0) await sleep(Math.min(500, 20 * 2 ** attempt));
      const out = await this.table.client.send(new BatchGetCommand({ RequestItems: { [this.table.tableName]: { Keys: keys, ConsistentRead: options.consistent ?? false } } }));
      for (const item of out.Responses?.[this.table.tableName] ?? []) found.set(idOf(item as { PK: string; SK: string }), item);
      keys = (out.UnprocessedKeys?.[this.table.tableName]?.Keys ?? []) as { PK: string; SK: string }[];
      if (attempt >= 10 && keys.length) throw new Error('BatchGetItem left keys unprocessed after 10 tries');
    }
    return Object.fromEntries(
      Object.entries(reads).map(([name, read]) => {
        const item = read && found.get(idOf(read.key));
        return [name, item ? read.from(item) : undefined];
      }),
    ) as ReadResults<R>;
  }
}
