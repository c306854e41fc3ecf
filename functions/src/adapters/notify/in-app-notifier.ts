import type { NotificationRepository } from '../../notices/notification.repository';
import type { Notice, NoticeKind, Notifier } from './notifier';

/** How each notice reads in the resident's 消息 list. */
const TITLES: Record<NoticeKind, (data: Record<string, string>) => { title: string; body: string }> = {
  submission_replied: (d) => ({ title: '您的意见有了答复', body: `${d.studio ?? '工作室'}答复了您反映的「${d.category ?? ''}」问题` }),
  submission_status: (d) => ({ title: '您的意见有了新进展', body: `「${d.category ?? ''}」：${d.status ?? ''}` }),
  rate_request: (d) => ({ title: '请为办理结果评价', body: `您反映的「${d.category ?? ''}」问题已办结，请告诉我们您是否满意` }),
  booking_reminder: (d) => ({ title: '明天的预约提醒', body: `${d.date ?? ''} ${d.place ?? ''} ${d.service ?? ''}，预约码 ${d.code ?? ''}` }),
  stand_cancelled: (d) => ({ title: '服务取消通知', body: `${d.date ?? ''} ${d.place ?? ''}的服务因「${d.reason ?? ''}」取消，您的预约已取消` }),
  board_update: (d) => ({ title: '关注的公示墙有更新', body: `${d.studio ?? '工作室'}答复了一条「${d.category ?? ''}」意见` }),
};

/**
 * Every notice also goes into the resident's in-app message list (消息), then on to WeChat (or the local
 * outbox). The list is best effort like the rest: a failure to record never fails the action.
 */
export class InAppNotifier implements Notifier {
  constructor(
    private readonly notifications: Pick<NotificationRepository, 'put'>,
    private readonly next: Notifier,
    private readonly clock: { now: () => Date; newId: () => string },
  ) {}

  async send(notice: Notice): Promise<'sent' | 'skipped' | 'failed'> {
    try {
      await this.notifications.put({ id: this.clock.newId(), userId: notice.userId, kind: notice.kind, page: notice.page, at: this.clock.now().toISOString(), read: false, ...TITLES[notice.kind](notice.data) });
    } catch {
      // the WeChat notice still goes out
    }
    return this.next.send(notice);
  }
}
