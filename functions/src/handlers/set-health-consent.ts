import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { setHealthConsent } from '../use-cases/readings';

export const handler = defineHandler(routes.setHealthConsent, ({ deps, principal, body }) => setHealthConsent(deps, principal, body));
