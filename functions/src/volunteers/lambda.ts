import { errandRoutes } from '@shared/contract/errands';
import { volunteerRoutes } from '@shared/contract/volunteers';
import { wishRoutes } from '@shared/contract/wishes';
import { createRouter } from '../http/router';
import { errandHandlers } from '../errands/handlers';
import { wishHandlers } from '../wishes/handlers';
import { volunteersDeps } from './deps';
import { checkInVolunteer, checkOutVolunteer, listStandVolunteers } from './shifts.use-case';
import { addTeamMember, createVolunteerTeam, decideVolunteer, getMyVolunteer, listVolunteers, listVolunteerTeams, registerVolunteer, removeTeamMember, withdrawVolunteer } from './volunteers.use-case';

export const handler = createRouter(
  // the context's routes (shared/src/contract/index.ts `contexts.volunteers`), each file imported alone to keep the bundle small
  { ...volunteerRoutes, ...wishRoutes, ...errandRoutes },
  {
    ...wishHandlers,
    ...errandHandlers,
    getMyVolunteer: ({ deps, principal, params }) => getMyVolunteer(deps, principal, params.studioId),
    registerVolunteer: ({ deps, principal, params, body }) => registerVolunteer(deps, principal, params.studioId, body),
    withdrawVolunteer: ({ deps, principal, params }) => withdrawVolunteer(deps, principal, params.studioId),
    listVolunteers: ({ deps, principal, params, query }) => listVolunteers(deps, principal, params.studioId, query),
    decideVolunteer: ({ deps, principal, params, body }) => decideVolunteer(deps, principal, params.studioId, params.userId, body),
    listVolunteerTeams: ({ deps, principal, params }) => listVolunteerTeams(deps, principal, params.studioId),
    createVolunteerTeam: ({ deps, principal, params, body }) => createVolunteerTeam(deps, principal, params.studioId, body),
    addTeamMember: ({ deps, principal, params, body }) => addTeamMember(deps, principal, params.studioId, params.teamId, params.userId, body),
    listStandVolunteers: ({ deps, principal, params, query }) => listStandVolunteers(deps, principal, params.standId, query),
    checkInVolunteer: ({ deps, principal, params }) => checkInVolunteer(deps, principal, params.standId, params.userId),
    checkOutVolunteer: ({ deps, principal, params }) => checkOutVolunteer(deps, principal, params.standId, params.userId),
    removeTeamMember: ({ deps, principal, params }) => removeTeamMember(deps, principal, params.studioId, params.teamId, params.userId),
  },
  volunteersDeps,
);
