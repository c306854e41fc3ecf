import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { saveService } from '../use-cases/studio-setup';

export const handler = defineHandler(routes.createService, ({ deps, principal, params, body }) => saveService(deps, principal, params.studioId, body));
