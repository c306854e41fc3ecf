import { studioRoutes } from '@shared/contract/studio';
import { getAuditLog } from '../audit/audit.use-case';
import { createRouter } from '../http/router';
import { studioDeps } from './deps';
import { createGrid, listGrids, setGridListing, updateGrid } from './grids.use-case';
import { getReplyTemplates, saveReplyTemplates } from './reply-templates.use-case';
import { cancelStand, generateVenueStands, getStandSummary, listProviderUnits, listServices, listVenues, saveService, saveVenue } from './studio-setup.use-case';
import { getSubmissionSettings, saveSubmissionSettings } from './submission-settings.use-case';

export const handler = createRouter(
  studioRoutes,
  {
    listServices: ({ deps, principal, params }) => listServices(deps, principal, params.studioId),
    createService: ({ deps, principal, params, body }) => saveService(deps, principal, params.studioId, body),
    updateService: ({ deps, principal, params, body }) => saveService(deps, principal, params.studioId, body, params.serviceId),
    listProviderUnits: ({ deps, principal, params }) => listProviderUnits(deps, principal, params.studioId),
    listVenues: ({ deps, principal, params }) => listVenues(deps, principal, params.studioId),
    createVenue: ({ deps, principal, params, body }) => saveVenue(deps, principal, params.studioId, body),
    updateVenue: ({ deps, principal, params, body }) => saveVenue(deps, principal, params.studioId, body, params.venueId),
    generateStands: ({ deps, principal, params, body }) => generateVenueStands(deps, principal, params.venueId, body),
    cancelStand: ({ deps, principal, params, body }) => cancelStand(deps, principal, params.standId, body),
    getStandSummary: ({ deps, principal, params }) => getStandSummary(deps, principal, params.standId),
    getSubmissionSettings: ({ deps, params }) => getSubmissionSettings(deps, params.studioId),
    saveSubmissionSettings: ({ deps, principal, params, body }) => saveSubmissionSettings(deps, principal, params.studioId, body),
    getReplyTemplates: ({ deps, principal, params }) => getReplyTemplates(deps, principal, params.studioId),
    getAuditLog: ({ deps, principal, params, query }) => getAuditLog(deps, principal, params.studioId, query),
    saveReplyTemplates: ({ deps, principal, params, body }) => saveReplyTemplates(deps, principal, params.studioId, body),
    listGrids: ({ deps, params }) => listGrids(deps, params.studioId),
    createGrid: ({ deps, principal, params, body }) => createGrid(deps, principal, params.studioId, body),
    updateGrid: ({ deps, principal, params, body }) => updateGrid(deps, principal, params.studioId, params.gridId, body),
    setGridListing: ({ deps, principal, params, body }) => setGridListing(deps, principal, params.gridId, body),
  },
  studioDeps,
);
