import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listServices } from '../use-cases/studio-setup';

export const handler = defineHandler(routes.listServices, ({ deps, principal, params }) => listServices(deps, principal, params.studioId));
