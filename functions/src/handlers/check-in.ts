import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { checkIn } from '../use-cases/stand-desk';

export const handler = defineHandler(routes.checkIn, ({ deps, principal, params, body }) => checkIn(deps, principal, params.standId, body));
