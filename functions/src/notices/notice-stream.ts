import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { log } from '../log';
import { forEachConcurrently } from '../data/concurrently';
import { deliverNotice, expandNoticeRequest, type NoticeDeliveryDeps } from './notice-delivery.use-case';
import { noticeStreamItemOf } from './notice-queue.repository';

export type NoticeStreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** Records of one batch handled at once: deliveries are independent of each other (each is its own partition). */
const RECORDS_AT_ONCE = 10;

/**
 * The notice consumer: the table's stream, filtered to new notice requests and deliveries (notice-stream-filter.ts),
 * in batches. Each record is handled on its own — a request is expanded into deliveries, a delivery is delivered —
 * and the records that failed are answered as partial batch failures (`batchItemFailures`, by sequence number):
 * Lambda retries the batch from the first of them (the records after it come again too, and find their delivery
 * settled: nothing is sent twice), up to the mapping's `maximumRetryAttempts`, then reports the batch to the
 * dead-letter queue. A record that cannot be read at all (a poisoned notice) fails every time and ends there.
 * The same handler runs under `npm start` and in the tests, fed by scripts/lib/stream-poller.ts.
 */
export function noticeStreamHandler(deps: NoticeDeliveryDeps): NoticeStreamHandler {
  return async (event) => {
    const failed: DynamoDBRecord[] = [];
    const tally: Record<string, number> = {};
    await forEachConcurrently(event.Records, RECORDS_AT_ONCE, async (record) => {
      const outcome = await handleRecord(deps, record);
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (outcome === 'retry' || outcome === 'unreadable' || outcome === 'error') failed.push(record);
    });
    log.info('notice records handled', { records: event.Records.length, ...tally });
    return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })) };
  };
}

async function handleRecord(deps: NoticeDeliveryDeps, record: DynamoDBRecord): Promise<string> {
  const where = { eventID: record.eventID, sequence: record.dynamodb?.SequenceNumber, key: record.dynamodb?.Keys?.PK?.S };
  let item: ReturnType<typeof noticeStreamItemOf>;
  try {
    item = noticeStreamItemOf(unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>));
  } catch (error) {
    log.error('notice record unreadable', { ...where, reason: (error as Error).message.slice(0, 500) });
    return 'unreadable';
  }
  try {
    if (item.type === 'request') {
      const counts = await expandNoticeRequest(deps, item.request);
      log.info('notice request expanded', { ...where, kind: item.request.notice.kind, audience: item.request.audience.kind, ...counts });
      return 'expanded';
    }
    const outcome = await deliverNotice(deps, item.delivery);
    if (outcome === 'retry') log.warn('notice delivery to be retried', { ...where, kind: item.delivery.kind, delivery: item.delivery.id });
    return outcome;
  } catch (error) {
    log.error('notice record failed', { ...where, reason: (error as Error).message });
    return 'error';
  }
}
