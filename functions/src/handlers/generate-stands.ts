import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { generateVenueStands } from '../use-cases/studio-setup';

export const handler = defineHandler(routes.generateStands, ({ deps, principal, params, body }) => generateVenueStands(deps, principal, params.venueId, body));
