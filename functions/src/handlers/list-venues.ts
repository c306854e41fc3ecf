import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listVenues } from '../use-cases/studio-setup';

export const handler = defineHandler(routes.listVenues, ({ deps, principal, params }) => listVenues(deps, principal, params.studioId));
