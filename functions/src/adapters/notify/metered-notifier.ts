import type { MetricName, Metrics } from '../../metrics';
import type { Notice, NoticeOutcome, Notifier } from './notifier';

// a notice WeChat refused for good is a failure too (a configuration to fix): the alarm must hear of it
const COUNT_OF: Record<NoticeOutcome, MetricName> = { sent: 'NoticesSent', skipped: 'NoticesSkipped', rejected: 'NoticesFailed', failed: 'NoticesFailed' };

/** Counts every notice's outcome, by kind (NoticesSent / NoticesSkipped / NoticesFailed): the notices-failed alarm watches it. */
export class MeteredNotifier implements Notifier {
  constructor(
    private readonly next: Notifier,
    private readonly metrics: Pick<Metrics, 'count'>,
  ) {}

  async send(notice: Notice): Promise<NoticeOutcome> {
    const outcome = await this.next.send(notice);
    this.metrics.count(COUNT_OF[outcome], 1, { kind: notice.kind });
    return outcome;
  }
}
