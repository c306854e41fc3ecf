import { defineRoutes } from './define';
import { ADMINS } from './roles';

/** The venue's A4 QR-code poster: its own function, the only one that carries the Chinese font files. */
export const posterRoutes = defineRoutes({
  getVenuePoster: { method: 'GET', path: '/venues/{venueId}/poster', roles: ADMINS, response: { file: 'application/pdf' }, summary: '地点的 A4 二维码海报（PDF）' },
});
