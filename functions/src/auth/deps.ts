import type { Config } from '../config';
import type { Deps } from '../deps';
import { RateLimitRepository } from '../data/rate-limit.repository';
import { StudioRepository } from '../studio/studio.repository';
import { AuditRepository } from '../audit/audit.repository';
import { MembershipRepository } from '../towns/membership.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { wechatLoginOf } from '../wiring/adapters/wechat-login';

export type AuthDeps = Basics & Pick<Deps, 'audit' | 'users' | 'studios' | 'rateLimits' | 'wechatLogin' | 'memberships'>;

export function authDeps(cfg: Config): AuthDeps {
  const table = tableOf(cfg);
  return { ...basicsOf(cfg), audit: new AuditRepository(table), studios: new StudioRepository(table), rateLimits: new RateLimitRepository(table), wechatLogin: wechatLoginOf(cfg), memberships: new MembershipRepository(table) };
}
