import type { BookingView, QueueEntryView } from '@shared/schemas/booking';
import type { Entry } from './booking.repository';
import type { Stand, StandService } from './stand.repository';

/** What every entry copies from its stand and service, so that lists need no further reads. */
export function entryPlace(stand: Stand, service: StandService): Pick<Entry, 'standId' | 'studioId' | 'serviceId' | 'serviceName' | 'providerName' | 'studioName' | 'venueName' | 'address' | 'date'> {
  return {
    standId: stand.id,
    studioId: stand.studioId,
    serviceId: service.id,
    serviceName: service.name,
    ...(service.providerName ? { providerName: service.providerName } : {}),
    studioName: stand.studioName,
    venueName: stand.venueName,
    address: stand.address,
    date: stand.date,
  };
}

/** A booking as its resident sees it (no phone, no address echo beyond the venue's). */
export function toBookingView(e: Entry): BookingView {
  return {
    id: e.id,
    kind: e.kind,
    ...(e.code ? { code: e.code } : {}),
    ...(e.queueNumber !== undefined ? { queueNumber: e.queueNumber } : {}),
    status: e.status,
    standId: e.standId,
    serviceId: e.serviceId,
    serviceName: e.serviceName,
    ...(e.providerName ? { providerName: e.providerName } : {}),
    studioName: e.studioName,
    venueName: e.venueName,
    address: e.address,
    date: e.date,
    startTime: e.startTime,
    endTime: e.endTime,
    createdAt: e.createdAt,
    ...(e.checkedInAt ? { checkedInAt: e.checkedInAt } : {}),
    ...(e.checkedInByName ? { checkedInBy: e.checkedInByName } : {}),
    ...(e.servedAt ? { servedAt: e.servedAt } : {}),
    ...(e.cancelledAt ? { cancelledAt: e.cancelledAt } : {}),
  };
}

/** An entry as the stand's staff see it: the resident's name, and whether it was added over a full service. */
export function toQueueEntryView(e: Entry): QueueEntryView {
  return {
    ...toBookingView(e),
    ...(e.residentName ? { residentName: e.residentName } : {}),
    ...(e.overrideFull ? { overrideFull: true } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}
