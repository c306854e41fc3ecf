import type { Role } from '../roles';

export const EVERYONE_SIGNED_IN = ['resident', 'representative', 'staff', 'admin', 'liaison'] as const satisfies readonly Role[];
/** Who answers submissions; the policy further checks the studio is their own. */
export const REPRESENTATIVES = ['representative', 'admin'] as const satisfies readonly Role[];
/** The people of a studio; the policy further checks that the stand or studio is their own. */
export const STUDIO_PEOPLE = ['representative', 'staff', 'admin'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];
/** A department's liaisons (部门联络员); the policy further checks the matter was handed to their department. */
export const LIAISONS = ['liaison'] as const satisfies readonly Role[];
