import { fulfilWishRequest, postWishOnBehalfRequest, postWishRequest, refuseWishRequest, wishFiguresView, wishesPage, wishPageQuery, wishView } from '../schemas/wishes';
import { defineRoutes } from './define';
import { EVERYONE_SIGNED_IN, REPRESENTATIVES, STUDIO_PEOPLE } from './roles';

/**
 * 微心愿: a resident's small wish (or one staff post for them), approved by a representative, shown without names on
 * the 心愿墙, claimed by exactly one volunteer or unit, fulfilled and confirmed. Served by the volunteers context.
 */
export const wishRoutes = defineRoutes({
  listWishWall: { method: 'GET', path: '/studios/{studioId}/wishes', roles: 'public', query: wishPageQuery, response: wishesPage, summary: '心愿墙：待认领的在前，不显示姓名（分页）' },
  getWishFigures: { method: 'GET', path: '/studios/{studioId}/wish-figures', roles: 'public', response: wishFiguresView, summary: '本月微心愿：发布、认领、圆梦，助人榜' },
  getWish: { method: 'GET', path: '/studios/{studioId}/wishes/{wishId}', roles: 'public', response: wishView, summary: '一个心愿（本人和工作人员可见姓名与经过）' },
  postWish: { method: 'POST', path: '/studios/{studioId}/wishes', roles: EVERYONE_SIGNED_IN, body: postWishRequest, response: wishView, status: 201, summary: '发布我的微心愿（审核后上墙）' },
  postWishOnBehalf: { method: 'POST', path: '/studios/{studioId}/wishes/on-behalf', roles: STUDIO_PEOPLE, body: postWishOnBehalfRequest, response: wishView, status: 201, summary: '工作人员代居民发布心愿（代填）' },
  listMyWishes: { method: 'GET', path: '/studios/{studioId}/me/wishes', roles: EVERYONE_SIGNED_IN, query: wishPageQuery, response: wishesPage, summary: '我的心愿（分页）' },
  listMyWishClaims: { method: 'GET', path: '/studios/{studioId}/me/wish-claims', roles: EVERYONE_SIGNED_IN, query: wishPageQuery, response: wishesPage, summary: '我认领的心愿（分页）' },
  listWishReviewQueue: { method: 'GET', path: '/studios/{studioId}/wish-review', roles: REPRESENTATIVES, query: wishPageQuery, response: wishesPage, summary: '待审核的心愿（分页）' },
  listWishesOnBehalf: { method: 'GET', path: '/studios/{studioId}/wishes-on-behalf', roles: STUDIO_PEOPLE, query: wishPageQuery, response: wishesPage, summary: '代填的心愿（分页）' },
  approveWish: { method: 'POST', path: '/studios/{studioId}/wishes/{wishId}/approve', roles: REPRESENTATIVES, response: wishView, summary: '审核通过，上心愿墙' },
  refuseWish: { method: 'POST', path: '/studios/{studioId}/wishes/{wishId}/refuse', roles: REPRESENTATIVES, body: refuseWishRequest, response: wishView, summary: '审核不通过（写明原因）' },
  claimWish: { method: 'POST', path: '/studios/{studioId}/wishes/{wishId}/claim', roles: EVERYONE_SIGNED_IN, response: wishView, summary: '志愿者认领心愿（只有一人能认领）' },
  cancelWishClaim: { method: 'POST', path: '/studios/{studioId}/wishes/{wishId}/cancel-claim', roles: EVERYONE_SIGNED_IN, response: wishView, summary: '放弃认领，心愿回到心愿墙' },
  fulfilWish: { method: 'POST', path: '/studios/{studioId}/wishes/{wishId}/fulfil', roles: EVERYONE_SIGNED_IN, body: fulfilWishRequest, response: wishView, summary: '认领人标记已完成' },
  confirmWish: { method: 'POST', path: '/studios/{studioId}/wishes/{wishId}/confirm', roles: EVERYONE_SIGNED_IN, response: wishView, summary: '心愿人（或工作人员代为）确认圆梦，认领人获得幸福币' },
  withdrawWish: { method: 'POST', path: '/studios/{studioId}/wishes/{wishId}/withdraw', roles: EVERYONE_SIGNED_IN, response: wishView, summary: '撤回未被认领的心愿' },
});
