import type { coordinationRoutes } from '@shared/contract/coordination';
import type { Implementations } from '../http/router';
import type { SubmissionsDeps } from '../submissions/deps';
import { cancelCoordination, createCoordination, getCoordination, listCoordinations, publishCoordinationResult, recordCoordination } from './coordination.use-case';

/** 协调会's routes, served by the submissions context (functions/src/submissions/lambda.ts). */
export const coordinationHandlers: Implementations<typeof coordinationRoutes, SubmissionsDeps> = {
  createCoordination: ({ deps, principal, params, body }) => createCoordination(deps, principal, params.townId, body),
  listCoordinations: ({ deps, principal, params, query }) => listCoordinations(deps, principal, params.townId, query),
  getCoordination: ({ deps, principal, params }) => getCoordination(deps, principal, params.townId, params.coordinationId),
  cancelCoordination: ({ deps, principal, params, body }) => cancelCoordination(deps, principal, params.townId, params.coordinationId, body),
  recordCoordination: ({ deps, principal, params, body }) => recordCoordination(deps, principal, params.townId, params.coordinationId, body),
  publishCoordinationResult: ({ deps, principal, params, body }) => publishCoordinationResult(deps, principal, params.townId, params.coordinationId, body),
};
