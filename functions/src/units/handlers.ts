import type { unitRoutes } from '@shared/contract/units';
import type { Implementations } from '../http/router';
import type { TownsDeps } from '../towns/deps';
import { fileNeed, getNeedMatches, listStudioNeeds, listTownNeeds, withdrawNeed } from './needs.use-case';
import { createProject, listStudioProjects, listTownProjects, listUnitProjects, moveProject, signProjectForStudio, signProjectForUnit } from './projects.use-case';
import { addResource, listTownResources, listUnitResources, updateResource } from './resources.use-case';
import { createUnit, createUnitInvite, getUnit, listAllianceUnits, listUnits, retireUnit, updateUnit } from './units.use-case';

/** 成员单位与三张清单 (shared/src/contract/units.ts), served by the towns Lambda (functions/src/towns/lambda.ts). */
export const unitHandlers: Implementations<typeof unitRoutes, TownsDeps> = {
  listUnits: ({ deps, principal, params }) => listUnits(deps, principal, params.townId),
  listAllianceUnits: ({ deps, params }) => listAllianceUnits(deps, params.townId),
  createUnit: ({ deps, principal, params, body }) => createUnit(deps, principal, params.townId, body),
  getUnit: ({ deps, principal, params }) => getUnit(deps, principal, params.townId, params.unitId),
  updateUnit: ({ deps, principal, params, body }) => updateUnit(deps, principal, params.townId, params.unitId, body),
  retireUnit: ({ deps, principal, params }) => retireUnit(deps, principal, params.townId, params.unitId),
  createUnitInvite: ({ deps, principal, params, body }) => createUnitInvite(deps, principal, params.townId, params.unitId, body.validHours),
  listTownResources: ({ deps, principal, params, query }) => listTownResources(deps, principal, params.townId, query),
  listUnitResources: ({ deps, principal, params, query }) => listUnitResources(deps, principal, params.townId, params.unitId, query),
  addResource: ({ deps, principal, params, body }) => addResource(deps, principal, params.townId, params.unitId, body),
  updateResource: ({ deps, principal, params, body }) => updateResource(deps, principal, params.townId, params.unitId, params.resourceId, body),
  listTownNeeds: ({ deps, principal, params, query }) => listTownNeeds(deps, principal, params.townId, query),
  getNeedMatches: ({ deps, principal, params }) => getNeedMatches(deps, principal, params.townId, params.needId),
  fileNeed: ({ deps, principal, params, body }) => fileNeed(deps, principal, params.studioId, body),
  listStudioNeeds: ({ deps, principal, params, query }) => listStudioNeeds(deps, principal, params.studioId, query),
  withdrawNeed: ({ deps, principal, params }) => withdrawNeed(deps, principal, params.studioId, params.needId),
  createProject: ({ deps, principal, params, body }) => createProject(deps, principal, params.townId, body),
  listTownProjects: ({ deps, principal, params, query }) => listTownProjects(deps, principal, params.townId, query),
  listUnitProjects: ({ deps, principal, params, query }) => listUnitProjects(deps, principal, params.townId, params.unitId, query),
  signProjectForUnit: ({ deps, principal, params }) => signProjectForUnit(deps, principal, params.townId, params.projectId),
  moveProject: ({ deps, principal, params, body }) => moveProject(deps, principal, params.townId, params.projectId, body),
  listStudioProjects: ({ deps, principal, params, query }) => listStudioProjects(deps, principal, params.studioId, query),
  signProjectForStudio: ({ deps, principal, params }) => signProjectForStudio(deps, principal, params.studioId, params.projectId),
};
