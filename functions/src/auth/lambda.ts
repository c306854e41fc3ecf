import { authRoutes } from '@shared/contract/auth';
import { createRouter } from '../http/router';
import { authDeps } from './deps';
import { getMe } from './get-me.use-case';
import { createInvite, redeemInvite } from './invites.use-case';
import { changeMemberRole, listMembers, removeMember } from './members.use-case';
import { signInWithWechat } from './sign-in.use-case';
import { createDeskTicket, exchangeDeskTicket, getDeskTicket, settleDeskTicket } from './desk-login.use-case';

export const handler = createRouter(
  authRoutes,
  {
    health: async () => ({ status: 'ok' as const }),
    signInWithWechat: ({ deps, body }) => signInWithWechat(deps, body),
    getMe: ({ deps, principal }) => getMe(deps, principal),
    createInvite: ({ deps, principal, params, body }) => createInvite(deps, principal, params.studioId, body),
    listMembers: ({ deps, principal, params }) => listMembers(deps, principal, params.studioId),
    changeMemberRole: ({ deps, principal, params, body }) => changeMemberRole(deps, principal, params.studioId, params.userId, body),
    removeMember: ({ deps, principal, params }) => removeMember(deps, principal, params.studioId, params.userId),
    createDeskTicket: ({ deps, client }) => createDeskTicket(deps, client),
    exchangeDeskTicket: ({ deps, params, body }) => exchangeDeskTicket(deps, params.ticketId, body),
    getDeskTicket: ({ deps, principal, params }) => getDeskTicket(deps, principal, params.ticketId),
    confirmDeskTicket: ({ deps, principal, params }) => settleDeskTicket(deps, principal, params.ticketId, 'confirmed'),
    cancelDeskTicket: ({ deps, principal, params }) => settleDeskTicket(deps, principal, params.ticketId, 'cancelled'),
    redeemInvite: ({ deps, principal, body }) => redeemInvite(deps, principal, body),
  },
  authDeps,
);
