import { z } from '../zod-zh';
import { changeMemberRoleRequest, createInviteRequest, inviteResponse, membersResponse, memberView, redeemInviteRequest, sessionResponse, userView, wechatSignInRequest } from '../schemas/auth';
import { defineRoutes } from './define';
import { deskTicketCreated, deskTicketExchangeRequest, deskTicketPoll, deskTicketView } from '../schemas/desk-login';
import { ADMINS, DESK_ROLES, EVERYONE_SIGNED_IN } from './roles';

/** Sign-in, the caller, and studio membership: invites, members and their roles. */
export const authRoutes = defineRoutes({
  health: { method: 'GET', path: '/health', roles: 'public', response: z.object({ status: z.literal('ok') }), summary: '健康检查' },
  signInWithWechat: { method: 'POST', path: '/auth/wechat', roles: 'public', body: wechatSignInRequest, response: sessionResponse, summary: '用 wx.login 的 code 登录' },
  getMe: { method: 'GET', path: '/me', roles: EVERYONE_SIGNED_IN, response: userView, summary: '当前登录的用户' },
  createInvite: { method: 'POST', path: '/studios/{studioId}/invites', roles: ADMINS, body: createInviteRequest, response: inviteResponse, status: 201, summary: '管理员发放工作室邀请码' },
  listMembers: { method: 'GET', path: '/studios/{studioId}/members', roles: ADMINS, response: membersResponse, summary: '成员与邀请：工作室的人员与角色' },
  changeMemberRole: { method: 'PUT', path: '/studios/{studioId}/members/{userId}', roles: ADMINS, body: changeMemberRoleRequest, response: memberView, summary: '修改成员的角色（立即生效，记入操作记录）' },
  removeMember: { method: 'DELETE', path: '/studios/{studioId}/members/{userId}', roles: ADMINS, response: z.object({ removed: z.literal(true) }), summary: '把成员移出工作室（变回居民，立即生效）' },
  createDeskTicket: { method: 'POST', path: '/auth/desk-tickets', roles: 'public', response: deskTicketCreated, status: 201, summary: '电脑工作台：取一张 2 分钟内有效的扫码登录票据（二维码）' },
  exchangeDeskTicket: { method: 'POST', path: '/auth/desk-tickets/{ticketId}/session', roles: 'public', body: deskTicketExchangeRequest, response: deskTicketPoll, summary: '电脑工作台：凭本浏览器的密钥查询扫码结果，确认后领取自己的登录（只一次）' },
  getDeskTicket: { method: 'GET', path: '/auth/desk-tickets/{ticketId}', roles: DESK_ROLES, response: deskTicketView, summary: '手机扫码后：看是哪台电脑的浏览器请求登录' },
  confirmDeskTicket: { method: 'POST', path: '/auth/desk-tickets/{ticketId}/confirm', roles: DESK_ROLES, response: deskTicketView, summary: '手机上确认登录电脑工作台' },
  cancelDeskTicket: { method: 'POST', path: '/auth/desk-tickets/{ticketId}/cancel', roles: DESK_ROLES, response: deskTicketView, summary: '手机上取消登录电脑工作台' },
  redeemInvite: { method: 'POST', path: '/invites/redeem', roles: EVERYONE_SIGNED_IN, body: redeemInviteRequest, response: sessionResponse, summary: '使用邀请码加入工作室' },
});
