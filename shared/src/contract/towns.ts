import {
  createdTownStudio,
  createTownStudioRequest,
  membershipChoice,
  membershipsResponse,
  sessionResponse,
  studioTownView,
  townDirectoryView,
  townFiguresQuery,
  townFiguresView,
  townsResponse,
  townStudiosPage,
  townStudiosQuery,
} from '../schemas/towns';
import { defineRoutes } from './define';
import { EVERYONE_SIGNED_IN, TOWN_ADMINS } from './roles';

/**
 * 镇街: towns and their studios (镇街管理员 create studios and their first admin, read their figures side by side), a
 * person's memberships in several studios (切换身份), and the residents' list of their town's studios.
 */
export const townRoutes = defineRoutes({
  listTowns: { method: 'GET', path: '/towns', roles: 'public', response: townsResponse, summary: '镇街列表（居民选择所在镇街）' },
  getTownDirectory: { method: 'GET', path: '/towns/{townId}/directory', roles: 'public', response: townDirectoryView, summary: '本镇街的工作室、服务地点与下次集日' },
  getStudioTown: { method: 'GET', path: '/studios/{studioId}/town', roles: 'public', response: studioTownView, summary: '工作室所属的镇街' },
  listTownStudios: { method: 'GET', path: '/towns/{townId}/studios', roles: TOWN_ADMINS, query: townStudiosQuery, response: townStudiosPage, summary: '镇街工作台：本镇街的工作室（分页）' },
  createTownStudio: { method: 'POST', path: '/towns/{townId}/studios', roles: TOWN_ADMINS, body: createTownStudioRequest, response: createdTownStudio, status: 201, summary: '新建工作室，并发放首位管理员的邀请码' },
  getTownFigures: { method: 'GET', path: '/towns/{townId}/figures', roles: TOWN_ADMINS, query: townFiguresQuery, response: townFiguresView, summary: '各工作室月度数据对比：响应率、解决率、满意率、超期、预约、服务、爽约' },
  exportTownFigures: { method: 'GET', path: '/towns/{townId}/figures.csv', roles: TOWN_ADMINS, query: townFiguresQuery, response: { file: 'text/csv' }, summary: '导出各工作室月度数据 CSV' },
  listMyMemberships: { method: 'GET', path: '/me/memberships', roles: EVERYONE_SIGNED_IN, response: membershipsResponse, summary: '我的身份（在几个工作室或镇街任职时切换）' },
  switchMembership: { method: 'POST', path: '/me/active-membership', roles: EVERYONE_SIGNED_IN, body: membershipChoice, response: sessionResponse, summary: '切换身份：换成另一个工作室或镇街的角色（新的登录凭证）' },
  leaveMembership: { method: 'POST', path: '/me/memberships/leave', roles: EVERYONE_SIGNED_IN, body: membershipChoice, response: sessionResponse, summary: '退出一个身份（其他身份不变）' },
});
