import { standRoutes } from '@shared/contract/stands';
import { createRouter } from '../http/router';
import { bookSlot, cancelMyBooking, getMyBooking, listMyBookings } from './bookings.use-case';
import { standsDeps } from './deps';
import { addWalkIn, callNext, checkIn, getQueueScreen, getStandQueue, listStudioStands, markServed } from './stand-desk.use-case';
import { getStandByScene } from './stand-page.use-case';
import { recordEntry } from './entry-record.use-case';
import { listUnitServiceDays } from './unit-services.use-case';

export const handler = createRouter(
  standRoutes,
  {
    getStandByScene: ({ deps, params }) => getStandByScene(deps, params.scene),
    bookSlot: ({ deps, principal, body }) => bookSlot(deps, principal, body),
    listMyBookings: ({ deps, principal, query }) => listMyBookings(deps, principal, query),
    getMyBooking: ({ deps, principal, params }) => getMyBooking(deps, principal, params.bookingId),
    cancelMyBooking: ({ deps, principal, params }) => cancelMyBooking(deps, principal, params.bookingId),
    listStudioStands: ({ deps, principal, params, query }) => listStudioStands(deps, principal, params.studioId, query.date),
    getStandQueue: ({ deps, principal, params }) => getStandQueue(deps, principal, params.standId),
    checkIn: ({ deps, principal, params, body }) => checkIn(deps, principal, params.standId, body),
    addWalkIn: ({ deps, principal, params, body }) => addWalkIn(deps, principal, params.standId, body),
    callNext: ({ deps, principal, params }) => callNext(deps, principal, params.standId, params.serviceId),
    markServed: ({ deps, principal, params }) => markServed(deps, principal, params.standId, params.entryId),
    recordEntry: ({ deps, principal, params, body }) => recordEntry(deps, principal, params.standId, params.entryId, body),
    listUnitServiceDays: ({ deps, principal }) => listUnitServiceDays(deps, principal),
    getQueueScreen: ({ deps, params }) => getQueueScreen(deps, params.standId),
  },
  standsDeps,
);
