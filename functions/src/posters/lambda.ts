import { posterRoutes } from '@shared/contract/posters';
import { createRouter } from '../http/router';
import { postersDeps } from './deps';
import { venuePoster } from './venue-poster.use-case';

/** Its own function: the only one that carries pdfkit, the QR code renderer and the Chinese font files. */
export const handler = createRouter(posterRoutes, { getVenuePoster: ({ deps, principal, params }) => venuePoster(deps, principal, params.venueId) }, postersDeps);
