import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listLocalOutbox } from '../use-cases/local-outbox';

export const handler = defineHandler(routes.listLocalOutbox, ({ deps }) => listLocalOutbox(deps));
