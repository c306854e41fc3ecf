import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { defineJob } from '../../wiring/cold-start';
import { noticeConsumerDeps } from '../notice-consumer-deps';
import { noticeStreamHandler } from '../notice-stream';

/**
 * The table's DynamoDB stream, filtered to new notice requests and deliveries, with partial batch responses and a
 * dead-letter queue (deployment.ts `deliverNotices`, serverless.yml `NoticeDeadLetterQueue`). A configuration that
 * cannot be read throws: the whole batch is retried, then dead-lettered.
 */
export const handler = defineJob(noticeConsumerDeps, (deps, event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => noticeStreamHandler(deps)(event));
