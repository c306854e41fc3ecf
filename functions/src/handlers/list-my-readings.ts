import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listMyReadings } from '../use-cases/readings';

export const handler = defineHandler(routes.listMyReadings, ({ deps, principal }) => listMyReadings(deps, principal));
