import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listStudioStands } from '../use-cases/stand-desk';

export const handler = defineHandler(routes.listStudioStands, ({ deps, principal, params, query }) => listStudioStands(deps, principal, params.studioId, query.date));
