import { createHash } from 'node:crypto';
import { RateLimitedError, UnauthenticatedError, UpstreamUnavailableError } from '../../errors';
import { log } from '../../log';

/** What sign-in needs from WeChat's code2Session: who the user is. session_key stays inside the adapter. */
export interface WechatIdentity {
  openid: string;
  unionid?: string;
}

export interface WechatLogin {
  code2Session(code: string): Promise<WechatIdentity>;
}

interface Code2SessionBody {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** Production: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html */
export class HttpWechatLogin implements WechatLogin {
  constructor(
    private readonly settings: { appId: string; appSecret: string; apiBase: string; timeoutMs?: number },
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async code2Session(code: string): Promise<WechatIdentity> {
    const url = new URL('/sns/jscode2session', this.settings.apiBase);
    url.search = new URLSearchParams({
      appid: this.settings.appId,
      secret: this.settings.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let body: Code2SessionBody;
    try {
      const response = await this.fetchImpl(url, { signal: AbortSignal.timeout(this.settings.timeoutMs ?? 5000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as Code2SessionBody;
    } catch (error) {
      log.error('code2Session unreachable', { reason: (error as Error).message });
      throw new UpstreamUnavailableError('微信登录服务暂时不可用，请稍后再试');
    }
    if (body.errcode) {
      // 40029: invalid code, 40163: code already used, 40226: user blocked, 45011: too frequent.
      if (body.errcode === 45011) throw new RateLimitedError('登录太频繁了，请稍后再试');
      if (body.errcode === 40029 || body.errcode === 40163) throw new UnauthenticatedError('登录凭证已失效，请重新登录');
      if (body.errcode === 40226) throw new UnauthenticatedError('该微信账号暂时无法登录');
      // Logged as `errno`: the logger redacts every key that contains "code".
      log.error('code2Session refused', { errno: body.errcode });
      throw new UpstreamUnavailableError('微信登录服务暂时不可用，请稍后再试');
    }
    if (!body.openid) throw new UpstreamUnavailableError('微信登录服务暂时不可用，请稍后再试');
    return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
  }
}

/**
 * Local stage: no WeChat servers. A code stands for a stable fake user, so the same code signs in the same
 * person (a real code is single-use; this adapter is only allowed on the local stage, see config.ts).
 */
export class LocalWechatLogin implements WechatLogin {
  async code2Session(code: string): Promise<WechatIdentity> {
    if (!code.trim()) throw new UnauthenticatedError('登录凭证已失效，请重新登录');
    return { openid: `local-${createHash('sha256').update(code).digest('hex').slice(0, 24)}` };
  }
}
