import { seedDemoData } from '../../functions/src/local/demo-seed';
import { lambdas } from '../../functions/src/deployment';
import { grantsOfLambda, ungrantedCalls } from '../fuzz/iam-check';
import { startWriteWatch, type WriteWatch } from '../fuzz/table-watch';
import { loadHandler } from '../support/load-handler';
import { isolatedContainer, testDynamoEndpoint, testEnv } from '../support/tables';

/**
 * The scheduled jobs, run the way EventBridge runs them (their handlers, a cold start each), against the demo data
 * through the proxy that sees every DynamoDB call: each call is one the job's own role allows. DynamoDB Local checks
 * no permission; AWS would refuse the call and the job would fail every morning. Run at today's clock and ten days
 * on, when matters are overdue, escalate and are asked 解决了吗？, and stands are past.
 */
const JOBS = Object.entries(lambdas).filter(([, spec]) => spec.schedule);

describe('scheduled jobs stay within their IAM roles', () => {
  let watch: WriteWatch;
  let tableName: string;

  beforeAll(async () => {
    const made = await isolatedContainer();
    tableName = made.tableName;
    await seedDemoData(made.deps);
    watch = await startWriteWatch(testDynamoEndpoint());
  }, 60_000);
  afterAll(() => watch?.close());

  it('knows the jobs', () => {
    expect(JOBS.map(([name]) => name).sort()).toEqual(['countOverdueSubmissions', 'markNoShows', 'sendBookingReminders']);
  });

  it.each(JOBS.flatMap(([name, spec]) => [0, 10].map((days) => [name, spec.handler, days] as const)))('%s (%s) %i days on', async (name, handlerPath, days) => {
    const env = testEnv(tableName, { DYNAMODB_ENDPOINT: watch.endpoint, ...(days ? { LOCAL_NOW: new Date(Date.now() + days * 86_400_000).toISOString() } : {}) });
    const before = watch.grants.length;
    await loadHandler(handlerPath, env)({});
    const calls = watch.grants.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    expect(ungrantedCalls(grantsOfLambda(name), calls)).toEqual([]);
  }, 60_000);
});
