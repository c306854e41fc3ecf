import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { venuePoster } from '../use-cases/venue-poster';

export const handler = defineHandler(routes.getVenuePoster, ({ deps, principal, params }) => venuePoster(deps, principal, params.venueId));
