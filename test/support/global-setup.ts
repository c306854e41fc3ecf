import './quiet-sdk-node-warning';
import { freePort } from '../../scripts/lib/ports';
import { startDynamoLocal } from '../../scripts/lib/dynamodb-local';

/**
 * One in-memory DynamoDB Local for the whole test run, on a free port. Each test file makes its own
 * tables (test/support/tables.ts), so files never see each other's data.
 */
export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const dynamo = await startDynamoLocal({ port });
  process.env.LIANXIN_TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  (globalThis as { __lianxinDynamo?: typeof dynamo }).__lianxinDynamo = dynamo;
}
