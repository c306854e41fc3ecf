import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { submit } from '../use-cases/submissions';

export const handler = defineHandler(routes.submit, ({ deps, principal, body }) => submit(deps, principal, body));
