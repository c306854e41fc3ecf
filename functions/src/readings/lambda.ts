import { readingRoutes } from '@shared/contract/readings';
import { createRouter } from '../http/router';
import { readingsDeps } from './deps';
import { deleteMyReading, listMyReadings, recordReading, setHealthConsent } from './readings.use-case';

export const handler = createRouter(
  readingRoutes,
  {
    recordReading: ({ deps, principal, params, body }) => recordReading(deps, principal, params.standId, params.entryId, body),
    listMyReadings: ({ deps, principal }) => listMyReadings(deps, principal),
    setHealthConsent: ({ deps, principal, body }) => setHealthConsent(deps, principal, body),
    deleteMyReading: ({ deps, principal, params }) => deleteMyReading(deps, principal, params.readingId),
  },
  readingsDeps,
);
