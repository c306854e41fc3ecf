import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamSpec } from '../../functions/src/deployment';

/**
 * Lambda's DynamoDB-stream event source mapping, on one machine: reads DynamoDB Local's stream of a table and calls a
 * Lambda handler with `DynamoDBStreamEvent`s, as AWS would — the same handler, the same settings (deployment.ts's
 * StreamSpec), so that `npm start` and the tests run the notices' production path:
 *
 * - records are filtered with the mapping's pattern (only matching ones reach the handler; the rest are skipped);
 * - a batch is at most `batchSize` matching records of one shard, in order; shards in order (a parent before its children);
 * - `batchItemFailures` is honoured as Lambda does for streams: the batch is retried from the failed record with the
 *   lowest sequence number (the records after it come again too); a thrown error retries the whole batch;
 * - after `maximumRetryAttempts` retries the batch is given up: it goes to the dead-letter list (`deadLetters`, and
 *   `onDeadLetter`), as the on-failure destination hears of it in AWS (there, only the shard and sequence numbers).
 *
 * `drain()` reads until the stream is quiet (tests, benchmarks); `start()` polls in the background (`npm start`).
 */
export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;
  settings: Pick<StreamSpec, 'filterPattern' | 'batchSize' | 'maximumRetryAttempts'>;
  /** Pause before the n-th retry of a failing batch: n × this (Lambda's own back-off is its business). */
  retryDelayMs?: number;
  onDeadLetter?: (letter: DeadLetter) => void;
}

/** A batch given up on: where it was in the stream, and (locally only) the keys of the records that still failed. */
export interface DeadLetter {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  batchSize: number;
  /** Keys of the records from the first failed one to the end of the batch. */
  keys: Record<string, unknown>[];
  reason: string;
  at: string;
}

export interface StreamPoller {
  /** Reads and hands over everything in the stream until it stays quiet (two empty rounds in a row). */
  drain(): Promise<void>;
  /** Polls in the background every `intervalMs` while idle. */
  start(intervalMs?: number): void;
  /** Stops the background polling after the batch in hand, and closes the poller's connections. */
  stop(): Promise<void>;
  readonly deadLetters: readonly DeadLetter[];
  /** Records handed to the handler so far (retries included). */
  readonly delivered: number;
}

interface Shard {
  id: string;
  parentId?: string;
  iterator?: string;
  /** The last record read, to pick up after it if the iterator expires. */
  lastSequence?: string;
  closed: boolean;
}

/**
 * Whether a record matches an event-filter pattern (the subset a mapping's pattern uses): objects match key by key,
 * an array lists the values allowed (`{ "exists": bool }` for presence).
 */
export function matchesPattern(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) {
    return pattern.some((allowed) =>
      allowed !== null && typeof allowed === 'object' && 'exists' in allowed ? (value !== undefined) === (allowed as { exists: boolean }).exists : allowed === value,
    );
  }
  if (pattern !== null && typeof pattern === 'object') {
    if (value === null || typeof value !== 'object') return false;
    return Object.entries(pattern).every(([key, inner]) => matchesPattern(inner, (value as Record<string, unknown>)[key]));
  }
  return pattern === value;
}

/** A record as Lambda hands it over (ApproximateCreationDateTime in epoch seconds). */
function lambdaRecordOf(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      Keys: d.Keys as never,
      ...(d.NewImage ? { NewImage: d.NewImage as never } : {}),
      ...(d.OldImage ? { OldImage: d.OldImage as never } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** GetRecords' own limit: most of a table's writes are not for the handler, and are filtered out. */
const RECORDS_PER_READ = 1000;

export function createStreamPoller(options: StreamPollerOptions): StreamPoller {
  const connection = { region: 'local', endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const dynamo = new DynamoDBClient(connection);
  const streams = new DynamoDBStreamsClient(connection);
  const { filterPattern, batchSize, maximumRetryAttempts } = options.settings;
  const retryDelayMs = options.retryDelayMs ?? 100;
  const shards = new Map<string, Shard>();
  const deadLetters: DeadLetter[] = [];
  let delivered = 0;
  let streamArn: string | undefined;
  let shardsReadAt = 0;
  /** One round at a time, whether from drain() or the background loop. */
  let busy: Promise<unknown> = Promise.resolve();
  let loop: { stopped: boolean; done: Promise<void> } | undefined;

  async function arnOfStream(): Promise<string> {
    if (!streamArn) {
      const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
      if (!Table?.LatestStreamArn) throw new Error(`table ${options.tableName} has no stream: its StreamSpecification comes from serverless.yml (scripts/lib/table.ts)`);
      streamArn = Table.LatestStreamArn;
    }
    return streamArn;
  }

  async function readShards(arn: string): Promise<void> {
    let ExclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId }));
      for (const s of StreamDescription?.Shards ?? []) {
        if (!shards.has(s.ShardId!)) shards.set(s.ShardId!, { id: s.ShardId!, parentId: s.ParentShardId, closed: false });
      }
      ExclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    shardsReadAt = Date.now();
  }

  /** Hands one batch to the handler, retrying as Lambda does; gives it up to the dead-letter list at the end. */
  async function invoke(shard: Shard, batch: DynamoDBRecord[]): Promise<void> {
    let pending = batch;
    for (let retry = 0; ; retry += 1) {
      let failedFrom = -1;
      let reason = '';
      try {
        delivered += pending.length;
        const failures = (await options.handler({ Records: pending }))?.batchItemFailures ?? [];
        if (failures.length === 0) return;
        const positions = failures.map((f) => pending.findIndex((r) => r.dynamodb?.SequenceNumber === f.itemIdentifier));
        // an identifier that names no record of the batch fails the whole batch, as in AWS
        failedFrom = positions.some((p) => p < 0) ? 0 : Math.min(...positions);
        reason = `${failures.length} record(s) reported as failed`;
      } catch (error) {
        failedFrom = 0;
        reason = `the handler threw: ${(error as Error).message}`;
      }
      pending = pending.slice(failedFrom);
      if (retry >= maximumRetryAttempts) {
        const letter: DeadLetter = {
          shardId: shard.id,
          startSequenceNumber: pending[0]!.dynamodb!.SequenceNumber!,
          endSequenceNumber: pending.at(-1)!.dynamodb!.SequenceNumber!,
          batchSize: pending.length,
          keys: pending.map((r) => r.dynamodb?.Keys ?? {}),
          reason,
          at: new Date().toISOString(),
        };
        deadLetters.push(letter);
        options.onDeadLetter?.(letter);
        return;
      }
      await sleep(retryDelayMs * (retry + 1));
    }
  }

  async function readShard(shard: Shard, arn: string): Promise<number> {
    if (!shard.iterator) {
      const position = shard.lastSequence ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: shard.lastSequence } : { ShardIteratorType: 'TRIM_HORIZON' as const };
      shard.iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.id, ...position }))).ShardIterator;
    }
    let out;
    try {
      out = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: RECORDS_PER_READ }));
    } catch (error) {
      if ((error as Error).name !== 'ExpiredIteratorException') throw error;
      shard.iterator = undefined; // picked up again after the last record read
      return 0;
    }
    const records = out.Records ?? [];
    shard.iterator = out.NextShardIterator;
    if (!shard.iterator) shard.closed = true;
    if (records.length) shard.lastSequence = records.at(-1)!.dynamodb!.SequenceNumber;
    // as the mapping does: the filter first, then batches of at most batchSize of what it let through, in order
    const matching = records.map((r) => lambdaRecordOf(r, arn)).filter((r) => matchesPattern(filterPattern, r));
    for (let i = 0; i < matching.length; i += batchSize) await invoke(shard, matching.slice(i, i + batchSize));
    return records.length;
  }

  /** Reads every open shard once (parents before children); returns how many records were read. */
  async function round(): Promise<number> {
    const arn = await arnOfStream();
    if (shards.size === 0 || Date.now() - shardsReadAt > 5000 || [...shards.values()].some((s) => s.closed && ![...shards.values()].some((c) => c.parentId === s.id))) await readShards(arn);
    let read = 0;
    for (const shard of shards.values()) {
      if (shard.closed) continue;
      const parent = shard.parentId ? shards.get(shard.parentId) : undefined;
      if (parent && !parent.closed) continue;
      read += await readShard(shard, arn);
    }
    return read;
  }

  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = busy.then(work, work);
    busy = next.catch(() => undefined);
    return next;
  };

  return {
    get deadLetters() {
      return deadLetters;
    },
    get delivered() {
      return delivered;
    },
    async drain() {
      for (let quiet = 0; quiet < 2; ) {
        const read = await serially(round);
        if (read > 0) quiet = 0;
        else {
          quiet += 1;
          shardsReadAt = 0; // look for new shards before calling it quiet
          await sleep(20);
        }
      }
    },
    start(intervalMs = 250) {
      if (loop) return;
      const state = { stopped: false, done: Promise.resolve() };
      state.done = (async () => {
        while (!state.stopped) {
          let read = 0;
          try {
            read = await serially(round);
          } catch (error) {
            console.error(`✗ 本地通知投递（DynamoDB Stream 轮询）出错，稍后重试：${(error as Error).message}`);
            await sleep(2000);
          }
          if (read === 0 && !state.stopped) await sleep(intervalMs);
        }
      })();
      loop = state;
    },
    async stop() {
      if (loop) {
        loop.stopped = true;
        await loop.done;
        loop = undefined;
      }
      await busy;
      dynamo.destroy();
      streams.destroy();
    },
  };
}
