import type { Config } from '../../config';
import { HttpWechatLogin, LocalWechatLogin, type WechatLogin } from '../../adapters/wechat/code2session';
import { wechatAppOf } from '../wechat';

export function wechatLoginOf(cfg: Config): WechatLogin {
  return cfg.wechat.adapter === 'local' ? new LocalWechatLogin() : new HttpWechatLogin(wechatAppOf(cfg));
}
