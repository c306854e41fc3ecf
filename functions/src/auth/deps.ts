import { config, type Config } from '../config';
import type { Deps } from '../deps';
import { RateLimitRepository } from '../data/rate-limit.repository';
import { StudioRepository } from '../studio/studio.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { wechatLoginOf } from '../wiring/adapters/wechat-login';

export type AuthDeps = Basics & Pick<Deps, 'users' | 'studios' | 'rateLimits' | 'wechatLogin'>;

export function authDeps(cfg: Config = config()): AuthDeps {
  const table = tableOf(cfg);
  return { ...basicsOf(cfg), studios: new StudioRepository(table), rateLimits: new RateLimitRepository(table), wechatLogin: wechatLoginOf(cfg) };
}
