import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { saveReplyTemplates } from '../use-cases/reply-templates';

export const handler = defineHandler(routes.saveReplyTemplates, ({ deps, principal, params, body }) => saveReplyTemplates(deps, principal, params.studioId, body));
