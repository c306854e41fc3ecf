import { defineRoutes } from './define';

/**
 * 点单-配送: a studio's catalogue of 代办服务 and home visits, ordered by a resident (or staff for them), reviewed,
 * dispatched or claimed, delivered and confirmed. Served by the volunteers context.
 */
export const errandRoutes = defineRoutes({});
