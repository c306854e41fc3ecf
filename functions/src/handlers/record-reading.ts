import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { recordReading } from '../use-cases/readings';

export const handler = defineHandler(routes.recordReading, ({ deps, principal, params, body }) => recordReading(deps, principal, params.standId, params.entryId, body));
