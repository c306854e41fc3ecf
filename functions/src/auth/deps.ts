import type { Config } from '../config';
import type { Deps } from '../deps';
import { RateLimitRepository } from '../data/rate-limit.repository';
import { StudioRepository } from '../studio/studio.repository';
import { GridRepository } from '../studio/grid.repository';
import { AuditRepository } from '../audit/audit.repository';
import { DeskTicketRepository } from './desk-ticket.repository';
import { MembershipRepository } from '../towns/membership.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { wechatLoginOf } from '../wiring/adapters/wechat-login';
import { DepartmentRepository } from '../departments/department.repository';

export type AuthDeps = Basics & Pick<Deps, 'audit' | 'users' | 'studios' | 'grids' | 'rateLimits' | 'wechatLogin' | 'deskTickets' | 'departments' | 'memberships'>;

export function authDeps(cfg: Config): AuthDeps {
  const table = tableOf(cfg);
  return {
    ...basicsOf(cfg),
    audit: new AuditRepository(table),
    studios: new StudioRepository(table),
    grids: new GridRepository(table),
    rateLimits: new RateLimitRepository(table),
    deskTickets: new DeskTicketRepository(table),
    wechatLogin: wechatLoginOf(cfg),
    departments: new DepartmentRepository(table),
    memberships: new MembershipRepository(table),
  };
}
