import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getQueueScreen } from '../use-cases/stand-desk';

export const handler = defineHandler(routes.getQueueScreen, ({ deps, params }) => getQueueScreen(deps, params.standId));
