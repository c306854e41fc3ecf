import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { replyToSubmission } from '../use-cases/submission-desk';

export const handler = defineHandler(routes.replyToSubmission, ({ deps, principal, params, body }) => replyToSubmission(deps, principal, params.submissionId, body));
