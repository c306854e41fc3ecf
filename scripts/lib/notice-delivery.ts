import type { Config } from '../../functions/src/config';
import { lambdas } from '../../functions/src/deployment';
import { setLogLevel } from '../../functions/src/log';
import { noticeConsumerDeps } from '../../functions/src/notices/notice-consumer-deps';
import { noticeStreamHandler } from '../../functions/src/notices/notice-stream';
import { createStreamPoller, type DeadLetter, type StreamPoller } from './stream-poller';

export type NoticeDelivery = Pick<StreamPoller, 'deadLetters' | 'stop'>;

/**
 * The local stack's notice consumer: the deployed consumer's handler (notices/notice-stream.ts) with its own wiring,
 * fed by DynamoDB Local's stream with the deployed mapping's settings (deployment.ts `deliverNotices`). What it sends
 * lands in the local outbox (GET /local/outbox); a batch given up on is printed and kept in `deadLetters`.
 */
export function startNoticeDelivery(endpoint: string, tableName: string, cfg: Config): NoticeDelivery {
  // the consumer runs in this process: its info lines would bury the start summary; warnings and errors still show
  setLogLevel('WARN');
  const poller = createStreamPoller({
    endpoint,
    tableName,
    handler: noticeStreamHandler(noticeConsumerDeps(cfg)),
    settings: lambdas.deliverNotices!.stream!,
    onDeadLetter: (letter: DeadLetter) =>
      console.error(`✗ 通知投递多次失败，已放入本地死信队列（${letter.batchSize} 条记录，${letter.reason}）：${letter.keys.map((k) => JSON.stringify(k)).join(' ')}`),
  });
  poller.start();
  return poller;
}
