import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getMySubmission } from '../use-cases/submissions';

export const handler = defineHandler(routes.getMySubmission, ({ deps, principal, params }) => getMySubmission(deps, principal, params.submissionId));
