import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { acceptSubmission } from '../use-cases/submission-desk';

export const handler = defineHandler(routes.acceptSubmission, ({ deps, principal, params, body }) => acceptSubmission(deps, principal, params.submissionId, body));
