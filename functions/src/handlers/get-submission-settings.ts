import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getSubmissionSettings } from '../use-cases/submission-settings';

export const handler = defineHandler(routes.getSubmissionSettings, ({ deps, params }) => getSubmissionSettings(deps, params.studioId));
