import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { submitOnBehalf } from '../use-cases/submission-reports';

export const handler = defineHandler(routes.submitOnBehalf, ({ deps, principal, params, body }) => submitOnBehalf(deps, principal, params.studioId, body));
