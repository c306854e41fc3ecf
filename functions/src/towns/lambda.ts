import { townRoutes } from '@shared/contract/towns';
import { createRouter } from '../http/router';
import { townsDeps } from './deps';
import { townHandlers } from './handlers';

export const handler = createRouter(townRoutes, townHandlers, townsDeps);
