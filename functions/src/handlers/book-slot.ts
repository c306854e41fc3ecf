import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { bookSlot } from '../use-cases/bookings';

export const handler = defineHandler(routes.bookSlot, ({ deps, principal, body }) => bookSlot(deps, principal, body));
