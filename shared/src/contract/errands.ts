import {
  assignErrandRequest,
  cancelErrandRequest,
  claimDecisionRequest,
  confirmErrandRequest,
  contactEntryRequest,
  errandFiguresView,
  errandKindRequest,
  errandKindsQuery,
  errandKindsResponse,
  errandKindView,
  errandPageQuery,
  errandsPage,
  errandsQuery,
  errandView,
  placeErrandRequest,
  revealedContactView,
  reviewErrandRequest,
} from '../schemas/errands';
import { defineRoutes } from './define';
import { ADMINS, EVERYONE_SIGNED_IN, STUDIO_PEOPLE } from './roles';

/**
 * 点单-配送: a studio's catalogue of 代办服务 and home visits, ordered by a resident (or staff for them), reviewed,
 * dispatched or claimed, delivered and confirmed. Served by the volunteers context.
 */
export const errandRoutes = defineRoutes({
  listErrandKinds: { method: 'GET', path: '/studios/{studioId}/errand-kinds', roles: EVERYONE_SIGNED_IN, query: errandKindsQuery, response: errandKindsResponse, summary: '代办服务目录（all=true 含已停用，管理员用）' },
  createErrandKind: { method: 'POST', path: '/studios/{studioId}/errand-kinds', roles: ADMINS, body: errandKindRequest, response: errandKindView, status: 201, summary: '新增一项代办服务' },
  updateErrandKind: { method: 'PUT', path: '/studios/{studioId}/errand-kinds/{kindId}', roles: ADMINS, body: errandKindRequest, response: errandKindView, summary: '修改或停用一项代办服务' },
  placeErrand: { method: 'POST', path: '/studios/{studioId}/errands', roles: EVERYONE_SIGNED_IN, body: placeErrandRequest, response: errandView, status: 201, summary: '点单（或工作人员代下单）' },
  listMyErrands: { method: 'GET', path: '/studios/{studioId}/me/errands', roles: EVERYONE_SIGNED_IN, query: errandPageQuery, response: errandsPage, summary: '我点的代办服务（分页）' },
  listMyErrandTasks: { method: 'GET', path: '/studios/{studioId}/me/errand-tasks', roles: EVERYONE_SIGNED_IN, query: errandPageQuery, response: errandsPage, summary: '志愿者：派给我的代办服务（分页）' },
  listOpenErrands: { method: 'GET', path: '/studios/{studioId}/open-errands', roles: EVERYONE_SIGNED_IN, query: errandPageQuery, response: errandsPage, summary: '志愿者：可以接的代办服务（只显示片区）' },
  listStudioErrands: { method: 'GET', path: '/studios/{studioId}/errands', roles: STUDIO_PEOPLE, query: errandsQuery, response: errandsPage, summary: '按状态列出代办服务（分页）' },
  getErrand: { method: 'GET', path: '/studios/{studioId}/errands/{errandId}', roles: EVERYONE_SIGNED_IN, response: errandView, summary: '一单代办服务（含联系记录，工作人员与接单志愿者可见）' },
  reviewErrand: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/review', roles: STUDIO_PEOPLE, body: reviewErrandRequest, response: errandView, summary: '审核：通过后志愿者才看得到' },
  assignErrand: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/assign', roles: STUDIO_PEOPLE, body: assignErrandRequest, response: errandView, summary: '派单给一位已通过的志愿者' },
  claimErrand: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/claim', roles: EVERYONE_SIGNED_IN, response: errandView, summary: '志愿者接单（只有一人接得到）' },
  decideErrandClaim: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/claim-decision', roles: STUDIO_PEOPLE, body: claimDecisionRequest, response: errandView, summary: '同意或退回志愿者的接单' },
  revealErrandContact: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/reveal', roles: EVERYONE_SIGNED_IN, response: revealedContactView, summary: '接单志愿者查看地址和电话（记入操作记录）' },
  deliverErrand: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/deliver', roles: EVERYONE_SIGNED_IN, response: errandView, summary: '已上门/已送达' },
  confirmErrand: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/confirm', roles: EVERYONE_SIGNED_IN, body: confirmErrandRequest, response: errandView, summary: '确认完成并评价（志愿者得幸福币）' },
  cancelErrand: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/cancel', roles: EVERYONE_SIGNED_IN, body: cancelErrandRequest, response: errandView, summary: '取消（写明原因）' },
  addErrandContact: { method: 'POST', path: '/studios/{studioId}/errands/{errandId}/contacts', roles: EVERYONE_SIGNED_IN, body: contactEntryRequest, response: errandView, status: 201, summary: '记一次电话或上门' },
  getErrandFigures: { method: 'GET', path: '/studios/{studioId}/errand-figures', roles: STUDIO_PEOPLE, response: errandFiguresView, summary: '本月代办服务统计' },
});
