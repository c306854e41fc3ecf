import type { wishRoutes } from '@shared/contract/wishes';
import type { Implementations } from '../http/router';
import type { VolunteersDeps } from '../volunteers/deps';

/** The 微心愿 routes of the volunteers context (functions/src/volunteers/lambda.ts). */
export const wishHandlers: Implementations<typeof wishRoutes, VolunteersDeps> = {};
