import type { wishRoutes } from '@shared/contract/wishes';
import type { Implementations } from '../http/router';
import type { VolunteersDeps } from '../volunteers/deps';
import {
  approveWish,
  cancelWishClaim,
  claimWish,
  confirmWish,
  fulfilWish,
  getWish,
  getWishFigures,
  listMyWishClaims,
  listMyWishes,
  listWishesOnBehalf,
  listWishReviewQueue,
  listWishWall,
  postWish,
  postWishOnBehalf,
  refuseWish,
  withdrawWish,
} from './wishes.use-case';

/** The 微心愿 routes of the volunteers context (functions/src/volunteers/lambda.ts). */
export const wishHandlers: Implementations<typeof wishRoutes, VolunteersDeps> = {
  listWishWall: ({ deps, principal, params, query }) => listWishWall(deps, principal, params.studioId, query),
  getWishFigures: ({ deps, params }) => getWishFigures(deps, params.studioId),
  getWish: ({ deps, principal, params }) => getWish(deps, principal, params.studioId, params.wishId),
  postWish: ({ deps, principal, params, body }) => postWish(deps, principal, params.studioId, body),
  postWishOnBehalf: ({ deps, principal, params, body }) => postWishOnBehalf(deps, principal, params.studioId, body),
  listMyWishes: ({ deps, principal, params, query }) => listMyWishes(deps, principal, params.studioId, query),
  listMyWishClaims: ({ deps, principal, params, query }) => listMyWishClaims(deps, principal, params.studioId, query),
  listWishReviewQueue: ({ deps, principal, params, query }) => listWishReviewQueue(deps, principal, params.studioId, query),
  listWishesOnBehalf: ({ deps, principal, params, query }) => listWishesOnBehalf(deps, principal, params.studioId, query),
  approveWish: ({ deps, principal, params }) => approveWish(deps, principal, params.studioId, params.wishId),
  refuseWish: ({ deps, principal, params, body }) => refuseWish(deps, principal, params.studioId, params.wishId, body),
  claimWish: ({ deps, principal, params }) => claimWish(deps, principal, params.studioId, params.wishId),
  cancelWishClaim: ({ deps, principal, params }) => cancelWishClaim(deps, principal, params.studioId, params.wishId),
  fulfilWish: ({ deps, principal, params, body }) => fulfilWish(deps, principal, params.studioId, params.wishId, body),
  confirmWish: ({ deps, principal, params }) => confirmWish(deps, principal, params.studioId, params.wishId),
  withdrawWish: ({ deps, principal, params }) => withdrawWish(deps, principal, params.studioId, params.wishId),
};
