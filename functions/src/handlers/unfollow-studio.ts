import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { setFollow } from '../use-cases/follows';

export const handler = defineHandler(routes.unfollowStudio, ({ deps, principal, params }) => setFollow(deps, principal, params.studioId, false));
