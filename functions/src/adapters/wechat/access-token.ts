import { UpstreamUnavailableError } from '../../errors';
import { log } from '../../log';

/** 40001 invalid credential, 40014 invalid access_token, 42001 access_token expired: fetch a new token once. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001]);

/** True when a WeChat API refused the access token it was called with (the caller invalidates and retries once). */
export function isTokenRejection(errcode: number | undefined): boolean {
  return errcode !== undefined && TOKEN_REJECTED.has(errcode);
}

/** A token is dropped this long before WeChat says it expires (it lives up to 7200 s, at least 300 s). */
const TOKEN_SAFETY_MS = 60 * 1000;

const UNAVAILABLE = '微信服务暂时不可用，请稍后再试';
const MISCONFIGURED = '微信接口凭证配置有误，请联系管理员';

interface TokenBody {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

export interface WechatAccessTokensSettings {
  appId: string;
  appSecret: string;
  apiBase: string;
  timeoutMs?: number;
}

/**
 * The mini-program's access token, from the stable-token API in its normal mode
 * (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html):
 * while a token is valid, every caller gets the same one and nobody's is retired, so a fleet of Lambda
 * containers each asking for it never invalidate each other (cgi-bin/token would: each call retires the last).
 * WeChat renews it in the last 5 minutes with both tokens valid meanwhile. Shared by every adapter that calls a
 * WeChat server API (QR codes, subscribe messages, content checks) in this container; kept in memory until a
 * minute before it expires; concurrent callers share one request; a failure is not cached. Force-refresh mode
 * (which does retire tokens, 20 a day) is never used.
 *
 * Throws `UpstreamUnavailableError` when no token can be had (administrators get a message of their own when
 * the app id, secret or IP allow-list is wrong).
 */
export class WechatAccessTokens {
  private token?: { value: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly settings: WechatAccessTokensSettings,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.token && this.now() < this.token.expiresAt) return Promise.resolve(this.token.value);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /**
   * Drops a token a WeChat API refused (see `isTokenRejection`): revoked or expired early, e.g. because another
   * server fetched a new one. Only that token: a fresher one fetched meanwhile by a concurrent caller stays.
   */
  invalidate(token: string): void {
    if (this.token?.value === token) this.token = undefined;
  }

  private async fetchToken(): Promise<string> {
    const url = new URL('/cgi-bin/stable_token', this.settings.apiBase);
    const request = { grant_type: 'client_credential', appid: this.settings.appId, secret: this.settings.appSecret, force_refresh: false };
    let body: TokenBody;
    try {
      const response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 5000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as TokenBody;
    } catch (error) {
      log.error('access token unreachable', { reason: (error as Error).message });
      throw new UpstreamUnavailableError(UNAVAILABLE);
    }
    if (body.errcode || !body.access_token) {
      // 40013 invalid appid, 40125 invalid secret, 40164 caller IP not on the allow-list, -1 busy.
      // (Logged as `errno`: the logger redacts every key that contains "code".)
      log.error('access token refused', { errno: body.errcode, errmsg: body.errmsg });
      const misconfigured = body.errcode === 40013 || body.errcode === 40125 || body.errcode === 40164;
      throw new UpstreamUnavailableError(misconfigured ? MISCONFIGURED : UNAVAILABLE);
    }
    const lifetimeMs = Math.max(0, (body.expires_in ?? 7200) * 1000 - TOKEN_SAFETY_MS);
    this.token = { value: body.access_token, expiresAt: this.now() + lifetimeMs };
    return body.access_token;
  }
}
