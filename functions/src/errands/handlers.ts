import type { errandRoutes } from '@shared/contract/errands';
import type { Implementations } from '../http/router';
import type { VolunteersDeps } from '../volunteers/deps';
import { createErrandKind, listErrandKinds, updateErrandKind } from './errand-catalogue.use-case';
import { addErrandContact, getErrand, getErrandFigures, listMyErrands, listMyErrandTasks, listOpenErrands, listStudioErrands, placeErrand, revealErrandContact } from './errand-orders.use-case';
import { assignErrand, cancelErrand, claimErrand, confirmErrand, decideErrandClaim, deliverErrand, reviewErrand } from './errand-steps.use-case';

/** The 点单-配送 routes of the volunteers context (functions/src/volunteers/lambda.ts). */
export const errandHandlers: Implementations<typeof errandRoutes, VolunteersDeps> = {
  listErrandKinds: ({ deps, principal, params, query }) => listErrandKinds(deps, principal, params.studioId, query),
  createErrandKind: ({ deps, principal, params, body }) => createErrandKind(deps, principal, params.studioId, body),
  updateErrandKind: ({ deps, principal, params, body }) => updateErrandKind(deps, principal, params.studioId, params.kindId, body),
  placeErrand: ({ deps, principal, params, body }) => placeErrand(deps, principal, params.studioId, body),
  listMyErrands: ({ deps, principal, params, query }) => listMyErrands(deps, principal, params.studioId, query),
  listMyErrandTasks: ({ deps, principal, params, query }) => listMyErrandTasks(deps, principal, params.studioId, query),
  listOpenErrands: ({ deps, principal, params, query }) => listOpenErrands(deps, principal, params.studioId, query),
  listStudioErrands: ({ deps, principal, params, query }) => listStudioErrands(deps, principal, params.studioId, query),
  getErrand: ({ deps, principal, params }) => getErrand(deps, principal, params.studioId, params.errandId),
  reviewErrand: ({ deps, principal, params, body }) => reviewErrand(deps, principal, params.studioId, params.errandId, body),
  assignErrand: ({ deps, principal, params, body }) => assignErrand(deps, principal, params.studioId, params.errandId, body),
  claimErrand: ({ deps, principal, params }) => claimErrand(deps, principal, params.studioId, params.errandId),
  decideErrandClaim: ({ deps, principal, params, body }) => decideErrandClaim(deps, principal, params.studioId, params.errandId, body),
  revealErrandContact: ({ deps, principal, params }) => revealErrandContact(deps, principal, params.studioId, params.errandId),
  deliverErrand: ({ deps, principal, params }) => deliverErrand(deps, principal, params.studioId, params.errandId),
  confirmErrand: ({ deps, principal, params, body }) => confirmErrand(deps, principal, params.studioId, params.errandId, body),
  cancelErrand: ({ deps, principal, params, body }) => cancelErrand(deps, principal, params.studioId, params.errandId, body),
  addErrandContact: ({ deps, principal, params, body }) => addErrandContact(deps, principal, params.studioId, params.errandId, body),
  getErrandFigures: ({ deps, principal, params }) => getErrandFigures(deps, principal, params.studioId),
};
