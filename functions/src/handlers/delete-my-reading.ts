import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { deleteMyReading } from '../use-cases/readings';

export const handler = defineHandler(routes.deleteMyReading, ({ deps, principal, params }) => deleteMyReading(deps, principal, params.readingId));
