import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { resolveSubmission } from '../use-cases/submission-desk';

export const handler = defineHandler(routes.resolveSubmission, ({ deps, principal, params }) => resolveSubmission(deps, principal, params.submissionId));
