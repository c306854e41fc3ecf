import {
  awardCoinsRequest,
  awardView,
  coinCardView,
  coinFiguresQuery,
  coinFiguresView,
  coinSettingsRequest,
  coinSettingsView,
  myCoinsQuery,
  myCoinsView,
  redeemRequest,
  redemptionView,
  refuseRedemptionRequest,
} from '../schemas/coins';
import { defineRoutes } from './define';
import { ADMINS, EVERYONE_SIGNED_IN, REPRESENTATIVES, STUDIO_PEOPLE } from './roles';

/** 幸福币: earned for confirmed activities, spent on rewards at the stand; a ledger of transfers that sum to zero. */
export const coinRoutes = defineRoutes({
  getMyCoins: { method: 'GET', path: '/studios/{studioId}/me/coins', roles: EVERYONE_SIGNED_IN, query: myCoinsQuery, response: myCoinsView, summary: '我的幸福币：余额、明细、可兑换的奖品' },
  openCoinCard: { method: 'PUT', path: '/studios/{studioId}/me/coin-card', roles: EVERYONE_SIGNED_IN, response: coinCardView, summary: '领取幸福币卡号（已有则返回原卡号）' },
  redeemCoins: { method: 'POST', path: '/studios/{studioId}/redemptions', roles: EVERYONE_SIGNED_IN, body: redeemRequest, response: redemptionView, status: 201, summary: '用幸福币兑换奖品（立即扣除并预留奖品）' },
  cancelRedemption: { method: 'POST', path: '/studios/{studioId}/redemptions/{code}/cancel', roles: EVERYONE_SIGNED_IN, response: redemptionView, summary: '取消自己的兑换（幸福币退回）' },
  getRedemption: { method: 'GET', path: '/studios/{studioId}/redemptions/{code}', roles: STUDIO_PEOPLE, response: redemptionView, summary: '按兑换码查看一次兑换（服务点）' },
  handOverRedemption: { method: 'POST', path: '/studios/{studioId}/redemptions/{code}/hand-over', roles: STUDIO_PEOPLE, response: redemptionView, summary: '发放奖品' },
  refuseRedemption: { method: 'POST', path: '/studios/{studioId}/redemptions/{code}/refuse', roles: STUDIO_PEOPLE, body: refuseRedemptionRequest, response: redemptionView, summary: '不发放（幸福币退回）' },
  awardCoins: { method: 'POST', path: '/studios/{studioId}/coin-awards', roles: STUDIO_PEOPLE, body: awardCoinsRequest, response: awardView, status: 201, summary: '为居民记幸福币（按工作室的规则）' },
  getCoinSettings: { method: 'GET', path: '/studios/{studioId}/coin-settings', roles: EVERYONE_SIGNED_IN, response: coinSettingsView, summary: '幸福币规则与奖品' },
  putCoinSettings: { method: 'PUT', path: '/studios/{studioId}/coin-settings', roles: ADMINS, body: coinSettingsRequest, response: coinSettingsView, summary: '设置幸福币规则与奖品' },
  getCoinFigures: { method: 'GET', path: '/studios/{studioId}/coin-figures', roles: REPRESENTATIVES, query: coinFiguresQuery, response: coinFiguresView, summary: '幸福币月度统计：发放、兑换、退回' },
});
