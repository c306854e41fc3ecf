import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { callNext } from '../use-cases/stand-desk';

export const handler = defineHandler(routes.callNext, ({ deps, principal, params }) => callNext(deps, principal, params.standId, params.serviceId));
