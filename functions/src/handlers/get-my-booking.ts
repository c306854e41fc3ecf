import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getMyBooking } from '../use-cases/bookings';

export const handler = defineHandler(routes.getMyBooking, ({ deps, principal, params }) => getMyBooking(deps, principal, params.bookingId));
