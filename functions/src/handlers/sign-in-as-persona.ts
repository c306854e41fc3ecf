import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { signInAsPersona } from '../use-cases/local-personas';

export const handler = defineHandler(routes.signInAsPersona, ({ deps, body }) => signInAsPersona(deps, body));
