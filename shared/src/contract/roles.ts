import type { Role } from '../roles';

export const EVERYONE_SIGNED_IN = ['resident', 'representative', 'staff', 'admin', 'town_admin'] as const satisfies readonly Role[];
/** Who answers submissions; the policy further checks the studio is their own. */
export const REPRESENTATIVES = ['representative', 'admin'] as const satisfies readonly Role[];
/** The people of a studio; the policy further checks that the stand or studio is their own. */
export const STUDIO_PEOPLE = ['representative', 'staff', 'admin'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];
/** 镇街管理员; the use case further checks that the town is their own. */
export const TOWN_ADMINS = ['town_admin'] as const satisfies readonly Role[];
