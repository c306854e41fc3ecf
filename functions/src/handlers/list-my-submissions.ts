import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listMySubmissions } from '../use-cases/submissions';

export const handler = defineHandler(routes.listMySubmissions, ({ deps, principal }) => listMySubmissions(deps, principal));
