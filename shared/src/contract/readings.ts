import { z } from '../zod-zh';
import { healthConsentRequest, healthConsentView, myReadingsResponse, readingView, recordReadingRequest } from '../schemas/reading';
import { defineRoutes } from './define';
import { EVERYONE_SIGNED_IN, STUDIO_PEOPLE } from './roles';

/** Health readings: sensitive personal information, kept only with the resident's separate consent. */
export const readingRoutes = defineRoutes({
  recordReading: { method: 'POST', path: '/stands/{standId}/entries/{entryId}/reading', roles: STUDIO_PEOPLE, body: recordReadingRequest, response: readingView, status: 201, summary: '记录血压读数（需居民单独同意）' },
  listMyReadings: { method: 'GET', path: '/me/readings', roles: EVERYONE_SIGNED_IN, response: myReadingsResponse, summary: '我的健康读数与授权' },
  setHealthConsent: { method: 'PUT', path: '/me/consents/health-readings', roles: EVERYONE_SIGNED_IN, body: healthConsentRequest, response: healthConsentView, summary: '同意或撤回保存健康读数' },
  deleteMyReading: { method: 'DELETE', path: '/me/readings/{readingId}', roles: EVERYONE_SIGNED_IN, response: z.object({ deleted: z.literal(true) }), summary: '删除一条健康读数' },
});
