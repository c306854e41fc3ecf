import type { Config } from '../../config';
import { WechatContentCheck, WordListContentCheck, type ContentCheck } from '../../adapters/content-check';
import { wechatTokensOf } from '../wechat';

/** WeChat's msgSecCheck in production; a word list on the local stage. */
export function contentCheckOf(cfg: Config): ContentCheck {
  const wechatTokens = wechatTokensOf(cfg);
  return wechatTokens ? new WechatContentCheck({ apiBase: cfg.wechat.apiBase }, wechatTokens) : new WordListContentCheck(cfg.localContentWords);
}
