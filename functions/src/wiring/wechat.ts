import { needed, type Config } from '../config';
import { WechatAccessTokens } from '../adapters/wechat/access-token';

const tokens = new Map<Config, WechatAccessTokens>();

/** The mini-program's credentials, which every WeChat server API needs (a function deployed without them fails its start). */
export function wechatAppOf(cfg: Config): { appId: string; appSecret: string; apiBase: string } {
  return { appId: needed(cfg.wechat.appId, 'wechatAppId'), appSecret: needed(cfg.wechat.appSecret, 'wechatAppSecret'), apiBase: cfg.wechat.apiBase };
}

/**
 * One access token per container, shared by every WeChat server API that needs one (none on the local stage, whose
 * adapters do not call WeChat).
 */
export function wechatTokensOf(cfg: Config): WechatAccessTokens | undefined {
  if (cfg.wechat.adapter === 'local') return undefined;
  let shared = tokens.get(cfg);
  if (!shared) {
    shared = new WechatAccessTokens(wechatAppOf(cfg));
    tokens.set(cfg, shared);
  }
  return shared;
}
