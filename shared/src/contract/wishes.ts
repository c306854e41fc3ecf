import { defineRoutes } from './define';

/**
 * 微心愿: a resident's small wish (or one staff post for them), approved by a representative, shown without names on
 * the 心愿墙, claimed by exactly one volunteer or unit, fulfilled and confirmed. Served by the volunteers context.
 */
export const wishRoutes = defineRoutes({});
