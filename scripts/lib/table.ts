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
const cfnTags: Tags = ['GetAtt', 'Ref', 'Sub', 'Join', 'Select', 'If', 'Equals', 'ImportValue'].flatMap((name) => [
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
}

/** The table exactly as `serverless.yml` deploys it — the single source of truth for local tables. */
export function deployedTableProperties(): TableProperties {
  const doc = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { customTags: cfnTags }) as {
    resources: { Resources: { LianxinTable: { Properties: TableProperties } } };
  };
  return doc.resources.Resources.LianxinTable.Properties;
}

export function createTableInput(tableName: string): CreateTableCommandInput {
  const p = deployedTableProperties();
  return {
    TableName: tableName,
    BillingMode: p.BillingMode as CreateTableCommandInput['BillingMode'],
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes } : {}),
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
export async function ensureTable(endpoint: string, tableName: string): Promise<boolean> {
  const client = new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      await addMissingIndexes(client, tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName!)));
      return false;
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    }
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    const ttl = deployedTableProperties().TimeToLiveSpecification;
    if (ttl?.Enabled) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true } }));
    }
    return true;
  } finally {
    client.destroy();
  }
}
