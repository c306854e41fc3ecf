import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getInbox } from '../use-cases/submission-desk';

export const handler = defineHandler(routes.getInbox, ({ deps, principal, params, query }) => getInbox(deps, principal, params.studioId, query));
