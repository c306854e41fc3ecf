import { ulid } from 'ulid';
import { needed, type Config } from '../config';
import type { Deps } from '../deps';
import { MeteredNotifier } from '../adapters/notify/metered-notifier';
import type { Notifier } from '../adapters/notify/notifier';
import { OutboxNotifier } from '../adapters/notify/outbox-notifier';
import { WechatSubscribeNotifier } from '../adapters/notify/wechat-subscribe-notifier';
import { OutboxRepository } from '../local/outbox.repository';
import { wechatTokensOf } from './wechat';
import { tableOf } from './basics';
import { metricsOf } from './metrics';

/**
 * Where a notice goes outward: WeChat subscribe messages, or on the local stage the local outbox. Only the notice
 * consumer sends (notices/notice-delivery.use-case.ts), after it has put the notice in the resident's 消息 list.
 */
export function notifierOf(cfg: Config, deps: Pick<Deps, 'users' | 'now'>): Notifier {
  const wechatTokens = wechatTokensOf(cfg);
  const outward = wechatTokens
    ? new WechatSubscribeNotifier(
        { apiBase: cfg.wechat.apiBase, templates: needed(cfg.wechat.noticeTemplates, 'wechatNoticeTemplates'), miniprogramState: needed(cfg.wechat.miniprogramState, 'wechatMiniprogramState') },
        { tokens: wechatTokens, openidOf: (userId) => deps.users.findOpenidOfUser(userId) },
      )
    : new OutboxNotifier(new OutboxRepository(tableOf(cfg)), { now: deps.now, newId: ulid, nameOf: async (userId) => (await deps.users.getUser(userId))?.displayName });
  // every outcome counted by kind (the container's metrics, published when the invocation ends)
  return new MeteredNotifier(outward, metricsOf(cfg));
}
