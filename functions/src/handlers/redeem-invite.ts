import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { redeemInvite } from '../use-cases/invites';

export const handler = defineHandler(routes.redeemInvite, ({ deps, principal, body }) => redeemInvite(deps, principal, body));
