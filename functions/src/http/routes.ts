import type { ZodTypeAny } from 'zod';
import type { Role } from '@shared/roles';
import { createInviteRequest, localSignInRequest, redeemInviteRequest, wechatSignInRequest } from '@shared/schemas/auth';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One entry per API route: its method and path, who may call it, its request schema. `public` must be said
 * out loud; a route that names no roles is denied to everyone (and fails the route-table test).
 */
export interface RouteSpec {
  method: HttpMethod;
  path: string;
  roles: readonly Role[] | 'public';
  body?: ZodTypeAny;
  successStatus?: number;
  summary: string;
}

const EVERYONE_SIGNED_IN = ['resident', 'representative', 'staff', 'admin'] as const satisfies readonly Role[];

export const routes = {
  health: { method: 'GET', path: '/health', roles: 'public', summary: '健康检查' },
  signInWithWechat: { method: 'POST', path: '/auth/wechat', roles: 'public', body: wechatSignInRequest, summary: '用 wx.login 的 code 登录' },
  listPersonas: { method: 'GET', path: '/auth/local/personas', roles: 'public', summary: '本地演示身份列表（仅 local 环境）' },
  signInAsPersona: { method: 'POST', path: '/auth/local', roles: 'public', body: localSignInRequest, summary: '以演示身份登录（仅 local 环境）' },
  getMe: { method: 'GET', path: '/me', roles: EVERYONE_SIGNED_IN, summary: '当前登录的用户' },
  createInvite: { method: 'POST', path: '/studios/{studioId}/invites', roles: ['admin'], body: createInviteRequest, successStatus: 201, summary: '管理员发放工作室邀请码' },
  redeemInvite: { method: 'POST', path: '/invites/redeem', roles: EVERYONE_SIGNED_IN, body: redeemInviteRequest, summary: '使用邀请码加入工作室' },
  getStandByScene: { method: 'GET', path: '/stands/by-scene/{scene}', roles: 'public', summary: '扫码进入：今天或下一次的服务点' },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
