import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { markNotificationsRead } from '../use-cases/follows';

export const handler = defineHandler(routes.markNotificationsRead, ({ deps, principal }) => markNotificationsRead(deps, principal));
