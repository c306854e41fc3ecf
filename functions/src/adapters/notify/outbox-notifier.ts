import { log } from '../../log';
import type { OutboxRepository } from '../../local/outbox.repository';
import type { Notice, NoticeOutcome, Notifier } from './notifier';

export interface OutboxNotifierOptions {
  now: () => Date;
  newId: () => string;
  /** The recipient's display name, recorded beside the notice; optional, and a failure to find it is no failure. */
  nameOf?: (userId: string) => Promise<string | undefined>;
}

/**
 * Local stage: no WeChat. Each notice goes into the table's outbox (`OutboxRepository.listRecent`), so a developer
 * running `npm start` can see what WeChat would have been asked to send. Every notice counts as 'sent': there is no
 * subscription to check. Never throws, like the real one.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly outbox: Pick<OutboxRepository, 'record'>,
    private readonly options: OutboxNotifierOptions,
  ) {}

  async send(notice: Notice): Promise<NoticeOutcome> {
    try {
      const recipientName = await this.options.nameOf?.(notice.userId).catch(() => undefined);
      await this.outbox.record({
        userId: notice.userId,
        kind: notice.kind,
        page: notice.page,
        data: notice.data,
        id: this.options.newId(),
        at: this.options.now().toISOString(),
        ...(recipientName ? { recipientName } : {}),
      });
      log.info('notice put in the local outbox', { kind: notice.kind });
      return 'sent';
    } catch (error) {
      log.error('notice not put in the local outbox', { kind: notice.kind, reason: (error as Error).message });
      return 'failed';
    }
  }
}
