import { randomBytes } from 'node:crypto';
import { ensureTable } from '../../scripts/lib/table';
import { loadConfig, type Config } from '../../functions/src/config';
import { buildContainer, type Container } from '../../functions/src/wiring/container';
import { TEST_PHOTO_BUCKET } from './global-setup';

export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

export function testDynamoEndpoint(): string {
  const endpoint = process.env.LIANXIN_TEST_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DynamoDB Local is not running: integration tests run under jest with test/support/global-setup.ts');
  return endpoint;
}

export function testS3Endpoint(): string {
  const endpoint = process.env.LIANXIN_TEST_S3_ENDPOINT;
  if (!endpoint) throw new Error('The local S3 server is not running: tests run under jest with test/support/global-setup.ts');
  return endpoint;
}

/** Environment for the functions, pointing at a fresh table of its own in the test DynamoDB Local. */
export function testEnv(tableName: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    STAGE: 'local',
    TABLE_NAME: tableName,
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: testDynamoEndpoint(),
    PHOTO_BUCKET: TEST_PHOTO_BUCKET,
    S3_ENDPOINT: testS3Endpoint(),
    SESSION_SECRET: TEST_SESSION_SECRET,
    WECHAT_ADAPTER: 'local',
    ...overrides,
  };
}

let streamed = false;

/**
 * Makes the tables of this test file carry the table's stream, as deployed. Called by test/support/notice-stream.ts
 * when a file imports it (only a file that runs the notice consumer reads a stream); every other file's tables have
 * none, because DynamoDB Local slows every write by every streamed table it ever held (scripts/lib/table.ts).
 * Jest loads this module once per test file, so the choice is the file's.
 */
export function streamTables(): void {
  streamed = true;
}

/** Creates an isolated table (same definition as serverless.yml; its stream only under `streamTables()`) and returns its name. */
export async function createIsolatedTable(prefix = 't'): Promise<string> {
  const name = `${prefix}-${randomBytes(6).toString('hex')}`;
  await ensureTable(testDynamoEndpoint(), name, { stream: streamed });
  return name;
}

/** Real repositories on a fresh table, with optional fixed clock or adapters. */
export async function isolatedContainer(overrides: Partial<Container> = {}, env: Record<string, string> = {}): Promise<{ deps: Container; config: Config; tableName: string }> {
  const tableName = await createIsolatedTable();
  const config = loadConfig(testEnv(tableName, env));
  return { deps: buildContainer(config, overrides), config, tableName };
}

/** A fresh table holding the demo seed (studio, people, venue, stands), and the container that seeded it. */
export async function seededTable(overrides: Partial<Container> = {}) {
  const { seedDemoData } = await import('../../functions/src/local/demo-seed');
  const { deps, tableName } = await isolatedContainer(overrides);
  const seed = await seedDemoData(deps);
  return { deps, tableName, seed };
}
