import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { saveVenue } from '../use-cases/studio-setup';

export const handler = defineHandler(routes.updateVenue, ({ deps, principal, params, body }) => saveVenue(deps, principal, params.studioId, body, params.venueId));
