import { coinRoutes } from '@shared/contract/coins';
import { createRouter } from '../http/router';
import { coinsDeps } from './deps';
import {
  awardCoins,
  cancelRedemption,
  getCoinFigures,
  getCoinSettings,
  getMyCoins,
  getRedemption,
  handOverRedemption,
  openCoinCard,
  putCoinSettings,
  redeemCoins,
  refuseRedemption,
} from './coins.use-case';

export const handler = createRouter(
  coinRoutes,
  {
    getMyCoins: ({ deps, principal, params, query }) => getMyCoins(deps, principal, params.studioId, query),
    openCoinCard: ({ deps, principal, params }) => openCoinCard(deps, principal, params.studioId),
    redeemCoins: ({ deps, principal, params, body }) => redeemCoins(deps, principal, params.studioId, body),
    cancelRedemption: ({ deps, principal, params }) => cancelRedemption(deps, principal, params.studioId, params.code),
    getRedemption: ({ deps, principal, params }) => getRedemption(deps, principal, params.studioId, params.code),
    handOverRedemption: ({ deps, principal, params }) => handOverRedemption(deps, principal, params.studioId, params.code),
    refuseRedemption: ({ deps, principal, params, body }) => refuseRedemption(deps, principal, params.studioId, params.code, body),
    awardCoins: ({ deps, principal, params, body }) => awardCoins(deps, principal, params.studioId, body),
    getCoinSettings: ({ deps, params }) => getCoinSettings(deps, params.studioId),
    putCoinSettings: ({ deps, principal, params, body }) => putCoinSettings(deps, principal, params.studioId, body),
    getCoinFigures: ({ deps, principal, params, query }) => getCoinFigures(deps, principal, params.studioId, query),
  },
  coinsDeps,
);
