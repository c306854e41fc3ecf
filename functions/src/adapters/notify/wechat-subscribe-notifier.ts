import { log } from '../../log';
import { isTokenRejection, type WechatAccessTokens } from '../wechat/access-token';
import type { Notice, NoticeOutcome, NoticeTemplate, NoticeTemplates, Notifier } from './notifier';

/** 43101: the resident has not subscribed (or has used the one message a tap allows, or unsubscribed). */
const NOT_SUBSCRIBED = 43101;
/**
 * Refusals that sending again cannot change: 40003 an openid not of this app, 40037 a wrong template id, 47003 a
 * field's value the template refuses, 41030 a page not in the released version, 43107 sending banned, 45168
 * sensitive words in the content. Anything else (-1 busy, an unknown code) is taken as passing and retried.
 */
const REFUSED_FOR_GOOD = new Set([40003, 40037, 47003, 41030, 43107, 45168]);
/** thing.DATA holds at most 20 characters; WeChat refuses the whole message (47003) over that. */
const THING_MAX = 20;

export interface WechatSubscribeNotifierSettings {
  apiBase: string;
  templates: NoticeTemplates;
  /** Which version of the mini-program a tap on the notice opens. */
  miniprogramState?: 'developer' | 'trial' | 'formal';
  timeoutMs?: number;
}

export interface WechatSubscribeNotifierDeps {
  tokens: WechatAccessTokens;
  /** The resident's openid for this mini-program; undefined when they have no WeChat account (e.g. entered by staff). */
  openidOf: (userId: string) => Promise<string | undefined>;
}

interface SendBody {
  errcode?: number;
  errmsg?: string;
}

/** Cuts a value to `max` characters (code points, as WeChat counts them), the last one an ellipsis. */
function clip(value: string, max: number): string {
  const chars = Array.from(value.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Our data in the template's keys, or the template keys it leaves empty. */
function templateData(template: NoticeTemplate, data: Record<string, string>): { data: Record<string, { value: string }> } | { missing: string[] } {
  const out: Record<string, { value: string }> = {};
  const missing: string[] = [];
  for (const [ours, theirs] of Object.entries(template.fields)) {
    const value = data[ours]?.trim();
    if (!value) missing.push(ours);
    else out[theirs] = { value: theirs.startsWith('thing') ? clip(value, THING_MAX) : value };
  }
  return missing.length ? { missing } : { data: out };
}

/** Removes values that must never reach a log (WeChat's messages and fetch errors could echo them). */
function scrub(text: string | undefined, secrets: string[]): string | undefined {
  return secrets.reduce((t, secret) => (t && secret ? t.split(secret).join('[redacted]') : t), text);
}

/**
 * Production: a one-shot subscribe message (订阅消息) through WeChat's subscribe/send.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 *
 * A resident receives one message per "allow" they tapped for that template (wx.requestSubscribeMessage), so
 * 43101 is an ordinary outcome ('skipped'), like a kind with no template configured or a user without an
 * openid. A refused access token is dropped and the send made once more with a fresh one. Everything else
 * is logged (kind and WeChat's error, never the openid, the token or the notice's data) and reported as
 * 'rejected' when sending again cannot help (REFUSED_FOR_GOOD), else 'failed'; nothing is thrown.
 */
export class WechatSubscribeNotifier implements Notifier {
  constructor(
    private readonly settings: WechatSubscribeNotifierSettings,
    private readonly deps: WechatSubscribeNotifierDeps,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(notice: Notice): Promise<NoticeOutcome> {
    try {
      return await this.deliver(notice);
    } catch (error) {
      // openidOf (the table) or the access token failed; both are already free of personal data.
      log.error('notice not sent', { kind: notice.kind, reason: (error as Error).message });
      return 'failed';
    }
  }

  private async deliver(notice: Notice): Promise<NoticeOutcome> {
    const template = this.settings.templates[notice.kind];
    if (!template) return 'skipped';
    const filled = templateData(template, notice.data);
    if ('missing' in filled) {
      // A programming error in the use case that built the notice: WeChat would refuse it (47003).
      log.error('notice lacks template fields', { kind: notice.kind, missing: filled.missing });
      return 'rejected';
    }
    const openid = await this.deps.openidOf(notice.userId);
    if (!openid) return 'skipped';
    const message = {
      touser: openid,
      template_id: template.id,
      page: notice.page,
      data: filled.data,
      miniprogram_state: this.settings.miniprogramState ?? 'formal',
      lang: 'zh_CN',
    };

    for (let attempt = 1; ; attempt += 1) {
      const token = await this.deps.tokens.get();
      const body = await this.post(message, token, notice.kind);
      if (!body) return 'failed';
      if (!body.errcode) return 'sent';
      if (body.errcode === NOT_SUBSCRIBED) return 'skipped';
      if (isTokenRejection(body.errcode)) {
        // Revoked or expired early (e.g. another server fetched a new one): drop it and try once more, fresh.
        this.deps.tokens.invalidate(token);
        if (attempt < 2) continue;
        log.error('subscribe/send refused a fresh access token', { kind: notice.kind });
        return 'failed';
      }
      // 40003 openid not of this app, 40037 template id, 47003 a field's value, 41030 page not in the release,
      // 43107 sending banned, 45168 sensitive words, -1 busy. (`errno`: the logger redacts keys with "code".)
      log.error('subscribe/send refused', { kind: notice.kind, errno: body.errcode, errmsg: scrub(body.errmsg, [openid, token]) });
      return REFUSED_FOR_GOOD.has(body.errcode) ? 'rejected' : 'failed';
    }
  }

  /** WeChat's answer, or undefined (logged) when there was none to read. */
  private async post(message: { touser: string }, token: string, kind: Notice['kind']): Promise<SendBody | undefined> {
    const url = new URL('/cgi-bin/message/subscribe/send', this.settings.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    try {
      const response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 5000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as SendBody;
    } catch (error) {
      log.error('subscribe/send unreachable', { kind, reason: scrub((error as Error).message, [message.touser, token]) });
      return undefined;
    }
  }
}
