import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listPersonas } from '../use-cases/local-personas';

export const handler = defineHandler(routes.listPersonas, ({ deps }) => listPersonas(deps));
