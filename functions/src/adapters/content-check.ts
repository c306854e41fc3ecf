import { log } from '../log';
import type { WechatAccessTokens } from './wechat/access-token';
import { isTokenRejection } from './wechat/access-token';

/** pass: fine · review: accepted but kept off the public board until a representative approves · risky: refused. */
export type ContentVerdict = 'pass' | 'review' | 'risky';

export interface ContentCheck {
  check(text: string, context: { openid?: string }): Promise<ContentVerdict>;
}

/** Local stage: configurable word lists. */
export class WordListContentCheck implements ContentCheck {
  constructor(private readonly lists: { risky: string[]; review: string[] }) {}

  async check(text: string): Promise<ContentVerdict> {
    const normalised = text.replace(/\s+/g, '');
    if (this.lists.risky.some((w) => w && normalised.includes(w))) return 'risky';
    if (this.lists.review.some((w) => w && normalised.includes(w))) return 'review';
    return 'pass';
  }
}

interface MsgSecCheckBody {
  errcode?: number;
  errmsg?: string;
  result?: { suggest?: string; label?: number };
}

/**
 * Production: WeChat's msgSecCheck (v2, scene 2 = comments), which needs the openid of someone who used the
 * mini-program in the last two hours. When WeChat cannot answer, the text is held for review rather than refused
 * or published: a resident's submission must not be lost to an outage.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 */
export class WechatContentCheck implements ContentCheck {
  constructor(
    private readonly settings: { apiBase: string; timeoutMs?: number },
    private readonly tokens: WechatAccessTokens,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async check(text: string, context: { openid?: string }): Promise<ContentVerdict> {
    if (!context.openid) return 'review';
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      let token: string;
      try {
        token = await this.tokens.get();
      } catch {
        return 'review';
      }
      let body: MsgSecCheckBody;
      try {
        const url = new URL('/wxa/msg_sec_check', this.settings.apiBase);
        url.search = new URLSearchParams({ access_token: token }).toString();
        const response = await this.fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content: text, version: 2, scene: 2, openid: context.openid }),
          signal: AbortSignal.timeout(this.settings.timeoutMs ?? 5000),
        });
        body = (await response.json()) as MsgSecCheckBody;
      } catch (error) {
        log.warn('msgSecCheck unreachable, holding for review', { reason: (error as Error).message });
        return 'review';
      }
      if (body.errcode && isTokenRejection(body.errcode)) {
        this.tokens.invalidate(token);
        continue;
      }
      if (body.errcode) {
        log.warn('msgSecCheck refused, holding for review', { errno: body.errcode });
        return 'review';
      }
      const suggest = body.result?.suggest;
      return suggest === 'risky' ? 'risky' : suggest === 'pass' ? 'pass' : 'review';
    }
    return 'review';
  }
}
