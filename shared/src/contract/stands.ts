import { standPageResponse } from '../schemas/stand';
import {
  bookingView,
  bookSlotRequest,
  checkInRequest,
  myBookingsQuery,
  myBookingsResponse,
  queueEntryView,
  queueScreenResponse,
  standQueueResponse,
  studioStandsQuery,
  studioStandsResponse,
  walkInRequest,
} from '../schemas/booking';
import { recordEntryRequest, unitServiceDaysResponse } from '../schemas/unit-services';
import { defineRoutes } from './define';
import { EVERYONE_SIGNED_IN, STUDIO_PEOPLE, UNIT_LIAISONS } from './roles';

/**
 * The stand page a resident scans, bookings, and the stand desk (check-in, walk-ins, the queue and its screen); a member
 * unit's liaison's bookings of its services and their records.
 */
export const standRoutes = defineRoutes({
  getStandByScene: { method: 'GET', path: '/stands/by-scene/{scene}', roles: 'public', response: standPageResponse, summary: '扫码进入：今天或下一次的服务点' },
  bookSlot: { method: 'POST', path: '/bookings', roles: EVERYONE_SIGNED_IN, body: bookSlotRequest, response: bookingView, status: 201, summary: '预约一个时段' },
  listMyBookings: { method: 'GET', path: '/me/bookings', roles: EVERYONE_SIGNED_IN, query: myBookingsQuery, response: myBookingsResponse, summary: '我的预约（分页：第一页含全部即将到来的预约）' },
  getMyBooking: { method: 'GET', path: '/bookings/{bookingId}', roles: EVERYONE_SIGNED_IN, response: bookingView, summary: '我的一个预约（预约码）' },
  cancelMyBooking: { method: 'POST', path: '/bookings/{bookingId}/cancel', roles: EVERYONE_SIGNED_IN, response: bookingView, summary: '取消预约' },
  listStudioStands: { method: 'GET', path: '/studios/{studioId}/stands', roles: STUDIO_PEOPLE, query: studioStandsQuery, response: studioStandsResponse, summary: '工作室某天的服务点' },
  getStandQueue: { method: 'GET', path: '/stands/{standId}/queue', roles: STUDIO_PEOPLE, response: standQueueResponse, summary: '服务点工作台：各服务的排队' },
  checkIn: { method: 'POST', path: '/stands/{standId}/check-ins', roles: STUDIO_PEOPLE, body: checkInRequest, response: queueEntryView, summary: '凭预约码签到' },
  addWalkIn: { method: 'POST', path: '/stands/{standId}/walk-ins', roles: STUDIO_PEOPLE, body: walkInRequest, response: queueEntryView, status: 201, summary: '现场取号' },
  callNext: { method: 'POST', path: '/stands/{standId}/services/{serviceId}/call-next', roles: STUDIO_PEOPLE, response: queueEntryView, summary: '叫下一位' },
  markServed: { method: 'POST', path: '/stands/{standId}/entries/{entryId}/serve', roles: STUDIO_PEOPLE, response: queueEntryView, summary: '完成服务' },
  recordEntry: { method: 'POST', path: '/stands/{standId}/entries/{entryId}/record', roles: [...STUDIO_PEOPLE, ...UNIT_LIAISONS], body: recordEntryRequest, response: queueEntryView, summary: '记录服务结果：已服务或未到，附记录（工作人员；提供该服务的成员单位联络员）' },
  listUnitServiceDays: { method: 'GET', path: '/me/unit-services', roles: UNIT_LIAISONS, response: unitServiceDaysResponse, summary: '本单位服务：本单位提供的服务在各服务点的预约（近两周与今后六周）' },
  getQueueScreen: { method: 'GET', path: '/stands/{standId}/screen', roles: 'public', response: queueScreenResponse, summary: '服务点大屏：正在服务与下一位' },
});
