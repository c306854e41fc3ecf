import type { errandRoutes } from '@shared/contract/errands';
import type { Implementations } from '../http/router';
import type { VolunteersDeps } from '../volunteers/deps';

/** The 点单-配送 routes of the volunteers context (functions/src/volunteers/lambda.ts). */
export const errandHandlers: Implementations<typeof errandRoutes, VolunteersDeps> = {};
