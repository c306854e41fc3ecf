import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { markServed } from '../use-cases/stand-desk';

export const handler = defineHandler(routes.markServed, ({ deps, principal, params }) => markServed(deps, principal, params.standId, params.entryId));
