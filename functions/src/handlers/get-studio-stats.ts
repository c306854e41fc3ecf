import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getStudioStats } from '../use-cases/submission-reports';

export const handler = defineHandler(routes.getStudioStats, ({ deps, principal, params, query }) => getStudioStats(deps, principal, params.studioId, query));
