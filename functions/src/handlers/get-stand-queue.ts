import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getStandQueue } from '../use-cases/stand-desk';

export const handler = defineHandler(routes.getStandQueue, ({ deps, principal, params }) => getStandQueue(deps, principal, params.standId));
