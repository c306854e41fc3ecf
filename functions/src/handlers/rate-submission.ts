import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { rateSubmission } from '../use-cases/submission-desk';

export const handler = defineHandler(routes.rateSubmission, ({ deps, principal, params, body }) => rateSubmission(deps, principal, params.submissionId, body));
