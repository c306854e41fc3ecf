import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { cancelMyBooking } from '../use-cases/bookings';

export const handler = defineHandler(routes.cancelMyBooking, ({ deps, principal, params }) => cancelMyBooking(deps, principal, params.bookingId));
