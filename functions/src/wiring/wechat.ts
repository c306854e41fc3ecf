import type { Config } from '../config';
import { WechatAccessTokens } from '../adapters/wechat/access-token';

const tokens = new Map<Config, WechatAccessTokens>();

/**
 * One access token per container, shared by every WeChat server API that needs one (none on the local stage, whose
 * adapters do not call WeChat).
 */
export function wechatTokensOf(cfg: Config): WechatAccessTokens | undefined {
  if (cfg.wechat.adapter === 'local') return undefined;
  let shared = tokens.get(cfg);
  if (!shared) {
    shared = new WechatAccessTokens(cfg.wechat);
    tokens.set(cfg, shared);
  }
  return shared;
}
