import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getFollow } from '../use-cases/follows';

export const handler = defineHandler(routes.getFollow, ({ deps, principal, params }) => getFollow(deps, principal, params.studioId));
