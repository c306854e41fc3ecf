import { townRoutes } from '@shared/contract/towns';
import { unitRoutes } from '@shared/contract/units';
import { createRouter } from '../http/router';
import { unitHandlers } from '../units/handlers';
import { townsDeps } from './deps';
import { townHandlers } from './handlers';

/** 镇街 and, served by the same Lambda, the alliance of its member units (成员单位与三张清单). */
export const handler = createRouter({ ...townRoutes, ...unitRoutes }, { ...townHandlers, ...unitHandlers }, townsDeps);
