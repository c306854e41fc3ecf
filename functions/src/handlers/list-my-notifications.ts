import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listMyNotifications } from '../use-cases/follows';

export const handler = defineHandler(routes.listMyNotifications, ({ deps, principal }) => listMyNotifications(deps, principal));
