import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getReplyTemplates } from '../use-cases/reply-templates';

export const handler = defineHandler(routes.getReplyTemplates, ({ deps, principal, params }) => getReplyTemplates(deps, principal, params.studioId));
