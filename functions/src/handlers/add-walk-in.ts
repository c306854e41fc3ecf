import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { addWalkIn } from '../use-cases/stand-desk';

export const handler = defineHandler(routes.addWalkIn, ({ deps, principal, params, body }) => addWalkIn(deps, principal, params.standId, body));
