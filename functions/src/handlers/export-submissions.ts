import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { exportSubmissionsCsv } from '../use-cases/submission-reports';

export const handler = defineHandler(routes.exportSubmissions, ({ deps, principal, params, query }) => exportSubmissionsCsv(deps, principal, params.studioId, query));
