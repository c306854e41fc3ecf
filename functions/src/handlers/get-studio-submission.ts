import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getStudioSubmission } from '../use-cases/submission-desk';

export const handler = defineHandler(routes.getStudioSubmission, ({ deps, principal, params }) => getStudioSubmission(deps, principal, params.studioId, params.submissionId));
