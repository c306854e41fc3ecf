import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { listMyBookings } from '../use-cases/bookings';

export const handler = defineHandler(routes.listMyBookings, ({ deps, principal }) => listMyBookings(deps, principal));
