import './quiet-sdk-node-warning';
import { freePort } from '../../scripts/lib/ports';
import { startDynamoLocal } from '../../scripts/lib/dynamodb-local';
import { startS3Local } from '../../scripts/lib/s3-local';

export const TEST_PHOTO_BUCKET = 'lianxin-photos-test';

/**
 * One in-memory DynamoDB Local and one local S3-compatible server (s3rver, a temporary folder) for the whole
 * test run, on free ports. Each test file makes its own tables (test/support/tables.ts), so files never see
 * each other's data; photo keys carry the uploader's fresh user id, so they never collide either.
 */
export default async function globalSetup(): Promise<void> {
  const [port, s3Port] = [await freePort(), await freePort()];
  const dynamo = await startDynamoLocal({ port });
  const s3 = await startS3Local({ port: s3Port, bucket: TEST_PHOTO_BUCKET });
  process.env.LIANXIN_TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.LIANXIN_TEST_S3_ENDPOINT = s3.endpoint;
  Object.assign(globalThis as object, { __lianxinDynamo: dynamo, __lianxinS3: s3 });
}
