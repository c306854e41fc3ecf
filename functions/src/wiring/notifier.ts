import { ulid } from 'ulid';
import type { Config } from '../config';
import type { Deps } from '../deps';
import { InAppNotifier } from '../adapters/notify/in-app-notifier';
import type { Notifier } from '../adapters/notify/notifier';
import { OutboxNotifier } from '../adapters/notify/outbox-notifier';
import { WechatSubscribeNotifier } from '../adapters/notify/wechat-subscribe-notifier';
import { OutboxRepository } from '../local/outbox.repository';
import { wechatTokensOf } from './wechat';
import { tableOf } from './basics';

/** Every notice lands in the resident's 消息 list, then goes to WeChat (or, on the local stage, the local outbox). */
export function notifierOf(cfg: Config, deps: Pick<Deps, 'users' | 'notifications' | 'now' | 'newId'>): Notifier {
  const wechatTokens = wechatTokensOf(cfg);
  const outward = wechatTokens
    ? new WechatSubscribeNotifier(
        { apiBase: cfg.wechat.apiBase, templates: cfg.wechat.noticeTemplates, miniprogramState: cfg.wechat.miniprogramState },
        { tokens: wechatTokens, openidOf: (userId) => deps.users.findOpenidOfUser(userId) },
      )
    : new OutboxNotifier(new OutboxRepository(tableOf(cfg)), { now: deps.now, newId: ulid, nameOf: async (userId) => (await deps.users.getUser(userId))?.displayName });
  return new InAppNotifier(deps.notifications, outward, { now: deps.now, newId: deps.newId });
}
