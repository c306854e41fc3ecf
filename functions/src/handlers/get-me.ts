import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getMe } from '../use-cases/get-me';

export const handler = defineHandler(routes.getMe, ({ deps, principal }) => getMe(deps, principal));
