import type { townRoutes } from '@shared/contract/towns';
import type { Implementations } from '../http/router';
import type { TownsDeps } from './deps';
import { leaveMembership, listMyMemberships, switchMembership } from './memberships.use-case';
import { exportTownFigures, getTownFigures } from './town-figures.use-case';
import { createTownStudio, getStudioTown, getTownDirectory, listTowns, listTownStudios } from './towns.use-case';

/** The towns context's routes (shared/src/contract/towns.ts), served by functions/src/towns/lambda.ts. */
export const townHandlers: Implementations<typeof townRoutes, TownsDeps> = {
  listTowns: ({ deps }) => listTowns(deps),
  getTownDirectory: ({ deps, params }) => getTownDirectory(deps, params.townId),
  getStudioTown: ({ deps, params }) => getStudioTown(deps, params.studioId),
  listTownStudios: ({ deps, principal, params, query }) => listTownStudios(deps, principal, params.townId, query),
  createTownStudio: ({ deps, principal, params, body }) => createTownStudio(deps, principal, params.townId, body),
  getTownFigures: ({ deps, principal, params, query }) => getTownFigures(deps, principal, params.townId, query),
  exportTownFigures: ({ deps, principal, params, query }) => exportTownFigures(deps, principal, params.townId, query),
  listMyMemberships: ({ deps, principal }) => listMyMemberships(deps, principal),
  switchMembership: ({ deps, principal, body }) => switchMembership(deps, principal, body),
  leaveMembership: ({ deps, principal, body }) => leaveMembership(deps, principal, body),
};
