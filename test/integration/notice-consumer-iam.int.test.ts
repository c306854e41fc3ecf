import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { seedDemoData } from '../../functions/src/local/demo-seed';
import { lambdas } from '../../functions/src/deployment';
import { createStreamPoller } from '../../scripts/lib/stream-poller';
import { grantsOfLambda, ungrantedCalls } from '../fuzz/iam-check';
import { startWriteWatch, type WriteWatch } from '../fuzz/table-watch';
import { loadHandler } from '../support/load-handler';
import { isolatedContainer, streamTables, testDynamoEndpoint, testEnv } from '../support/tables';

/**
 * The notice consumer (`deliverNotices`, fed by the table's stream) stays within its own IAM role: the demo data's
 * notices and those the daily jobs queue ten days on (reminders, 催办, 解决了吗？) are delivered by the deployed handler,
 * its DynamoDB calls going through the proxy that sees each one (test/fuzz/table-watch.ts). DynamoDB Local checks no
 * permission; on AWS a call outside the role fails the batch, which is retried and then dead-lettered.
 */
streamTables();

describe('the notice consumer stays within its IAM role', () => {
  let watch: WriteWatch;
  let tableName: string;

  beforeAll(async () => {
    const made = await isolatedContainer();
    tableName = made.tableName;
    await seedDemoData(made.deps);
    watch = await startWriteWatch(testDynamoEndpoint());
  }, 120_000);
  afterAll(() => watch?.close());

  it('delivers the queued notices with only the calls its role allows', async () => {
    const later = testEnv(tableName, { DYNAMODB_ENDPOINT: watch.endpoint, LOCAL_NOW: new Date(Date.now() + 10 * 86_400_000).toISOString() });
    // the jobs queue notices (their own calls are checked in job-iam.int.test.ts)
    for (const job of ['countOverdueSubmissions', 'sendBookingReminders'] as const) await loadHandler(lambdas[job]!.handler, later)({});
    const consumer = loadHandler(lambdas.deliverNotices!.handler, later);
    const before = watch.grants.length;
    let delivered = 0;
    const poller = createStreamPoller({
      endpoint: testDynamoEndpoint(),
      tableName,
      handler: async (event: DynamoDBStreamEvent) => {
        delivered += event.Records.length;
        return (await consumer(event)) as DynamoDBBatchResponse;
      },
      settings: lambdas.deliverNotices!.stream!,
      retryDelayMs: 5,
    });
    try {
      await poller.drain();
    } finally {
      await poller.stop();
    }
    expect(delivered).toBeGreaterThan(0);
    expect(poller.deadLetters).toEqual([]);
    const calls = watch.grants.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    expect(ungrantedCalls(grantsOfLambda('deliverNotices'), calls)).toEqual([]);
  }, 240_000);
});
