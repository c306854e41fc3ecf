import { localSignInRequest, personasResponse, sessionResponse } from '../schemas/auth';
import { localOutboxResponse } from '../schemas/notice';
import { defineRoutes } from './define';

/** The local stage only: demo personas and the outbox of notices WeChat would have sent. Not deployed elsewhere. */
export const localRoutes = defineRoutes({
  listPersonas: { method: 'GET', path: '/auth/local/personas', roles: 'public', response: personasResponse, localOnly: true, summary: '本地演示身份列表（仅 local 环境）' },
  signInAsPersona: { method: 'POST', path: '/auth/local', roles: 'public', body: localSignInRequest, response: sessionResponse, localOnly: true, summary: '以演示身份登录（仅 local 环境）' },
  listLocalOutbox: { method: 'GET', path: '/local/outbox', roles: 'public', response: localOutboxResponse, localOnly: true, summary: '本地通知发件箱（仅 local 环境）' },
});
