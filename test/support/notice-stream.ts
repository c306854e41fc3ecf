import type { Notifier } from '../../functions/src/adapters/notify/notifier';
import { lambdas } from '../../functions/src/deployment';
import { setLogLevel } from '../../functions/src/log';
import type { NoticeDeliveryDeps } from '../../functions/src/notices/notice-delivery.use-case';
import { noticeStreamHandler } from '../../functions/src/notices/notice-stream';
import { createStreamPoller, type StreamPoller } from '../../scripts/lib/stream-poller';
import { streamTables, testDynamoEndpoint } from './tables';

const opened: StreamPoller[] = [];
const drainers = new Map<string, StreamPoller>();

// A file that runs the consumer needs its tables' streams (others go without: see tables.ts).
streamTables();
// The consumer's info lines (a batch handled, a notice put in the outbox) would bury the test output.
setLogLevel('WARN');
afterAll(async () => {
  for (const poller of opened.splice(0)) await poller.stop();
  drainers.clear();
});

/**
 * The notice consumer over a test table's stream: the deployed handler (notices/notice-stream.ts) and the deployed
 * mapping's settings, fed by DynamoDB Local's stream (scripts/lib/stream-poller.ts), with the test's dependencies
 * (its clock; `notifier` to make the channel fail). It starts at the stream's beginning; `drain()` delivers what is
 * queued, `deadLetters` holds the batches given up on. Stopped at the end of the test file.
 */
export function noticeStream(f: { tableName: string; deps: NoticeDeliveryDeps }, overrides: { notifier?: Notifier; maximumRetryAttempts?: number } = {}): StreamPoller {
  const settings = lambdas.deliverNotices!.stream!;
  const poller = createStreamPoller({
    endpoint: testDynamoEndpoint(),
    tableName: f.tableName,
    handler: noticeStreamHandler({ ...f.deps, ...(overrides.notifier ? { notifier: overrides.notifier } : {}) }),
    settings: { ...settings, maximumRetryAttempts: overrides.maximumRetryAttempts ?? settings.maximumRetryAttempts },
    retryDelayMs: 5,
  });
  opened.push(poller);
  return poller;
}

/** Delivers every notice queued in the table so far, through the real consumer fed by the stream (one poller per table). */
export async function drainNotices(f: { tableName: string; deps: NoticeDeliveryDeps }): Promise<StreamPoller> {
  let poller = drainers.get(f.tableName);
  if (!poller) {
    poller = noticeStream(f);
    drainers.set(f.tableName, poller);
  }
  await poller.drain();
  return poller;
}
