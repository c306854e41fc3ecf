import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Tags } from 'yaml';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';

export const ROOT = join(__dirname, '..', '..');

// CloudFormation's short tags (!GetAtt, !Ref …) are kept as plain values: only the table's keys are read here.
const cfnTags: Tags = ['GetAtt', 'Ref', 'Sub', 'Join', 'Select', 'If', 'Equals', 'Not', 'ImportValue'].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: unknown) => ({ [name]: value }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => ({ [name]: value }) },
]) as unknown as Tags;

interface TableProperties {
  BillingMode: string;
  AttributeDefinitions: CreateTableCommandInput['AttributeDefinitions'];
  KeySchema: CreateTableCommandInput['KeySchema'];
  GlobalSecondaryIndexes?: CreateTableCommandInput['GlobalSecondaryIndexes'];
  TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
  PointInTimeRecoverySpecification?: { PointInTimeRecoveryEnabled: boolean };
  SSESpecification?: { SSEEnabled: boolean };
  /** CloudFormation names only the view type; a stream is on when it is there. */
  StreamSpecification?: { StreamViewType: NonNullable<CreateTableCommandInput['StreamSpecification']>['StreamViewType'] };
}

/** The table exactly as `serverless.yml` deploys it — the single source of truth for local tables. */
export function deployedTableProperties(): TableProperties {
  const doc = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { customTags: cfnTags }) as {
    resources: { Resources: { LianxinTable: { Properties: TableProperties } } };
  };
  return doc.resources.Resources.LianxinTable.Properties;
}

/**
 * `stream: false` leaves the stream off — for test tables that no consumer reads: DynamoDB Local slows every write by
 * every streamed table it ever held (measured: 300 puts 0.22 s with none, 2.6 s with 31 streamed tables, 7.9 s with
 * 93 — deleting them does not help), and a test run makes hundreds of tables.
 */
export interface TableOptions {
  stream?: boolean;
}

export function createTableInput(tableName: string, { stream = true }: TableOptions = {}): CreateTableCommandInput {
  const p = deployedTableProperties();
  return {
    TableName: tableName,
    BillingMode: p.BillingMode as CreateTableCommandInput['BillingMode'],
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes } : {}),
    // the notices' transactional outbox is read from the stream (scripts/lib/stream-poller.ts locally)
    ...(p.StreamSpecification && stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } } : {}),
  };
}

/**
 * A table kept between `npm start` runs predates indexes added since: create them (one at a time, as DynamoDB
 * allows), as a deploy of serverless.yml would.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, existing: Set<string>): Promise<void> {
  const input = createTableInput(tableName);
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    if (existing.has(index.IndexName!)) continue;
    const attributes = new Set(index.KeySchema!.map((k) => k.AttributeName!));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: input.AttributeDefinitions!.filter((a) => attributes.has(a.AttributeName!)),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
      }),
    );
  }
}

/** Creates the table (and its TTL) unless it exists. Returns true when it was created. */
export async function ensureTable(endpoint: string, tableName: string, options: TableOptions = {}): Promise<boolean> {
  const client = new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      await addMissingIndexes(client, tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName!)));
      // a table kept from before the stream existed: turn it on, as a deploy of serverless.yml would
      const stream = createTableInput(tableName, options).StreamSpecification;
      if (stream && !Table?.StreamSpecification?.StreamEnabled) await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: stream }));
      return false;
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    }
    await client.send(new CreateTableCommand(createTableInput(tableName, options)));
    const ttl = deployedTableProperties().TimeToLiveSpecification;
    if (ttl?.Enabled) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true } }));
    }
    return true;
  } finally {
    client.destroy();
  }
}
