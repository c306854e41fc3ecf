import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { saveSubmissionSettings } from '../use-cases/submission-settings';

export const handler = defineHandler(routes.saveSubmissionSettings, ({ deps, principal, params, body }) => saveSubmissionSettings(deps, principal, params.studioId, body));
