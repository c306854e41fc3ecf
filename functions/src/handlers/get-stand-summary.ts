import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getStandSummary } from '../use-cases/studio-setup';

export const handler = defineHandler(routes.getStandSummary, ({ deps, principal, params }) => getStandSummary(deps, principal, params.standId));
