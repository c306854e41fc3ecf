import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { createInvite } from '../use-cases/invites';

export const handler = defineHandler(routes.createInvite, ({ deps, principal, params, body }) => createInvite(deps, principal, params.studioId, body));
