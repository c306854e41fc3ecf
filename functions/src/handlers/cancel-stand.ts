import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { cancelStand } from '../use-cases/studio-setup';

export const handler = defineHandler(routes.cancelStand, ({ deps, principal, params, body }) => cancelStand(deps, principal, params.standId, body));
