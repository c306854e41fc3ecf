import type { Role } from '@shared/roles';
import type { Principal } from './auth/session-tokens';
import { ForbiddenError } from './errors';

/**
 * The one answer to "may this person act for this studio?". A studio's own people act for it by their role; nobody
 * acts for another studio, whatever their role. Use cases call `requireStudioRole` with the studio of the thing they
 * touch (the studio in the path, or the studio of the stand, venue or submission they loaded).
 */
export const STUDIO_ACTIONS = {
  /** Read the studio's set-up, run its stands (check-in, walk-ins, readings), enter paper forms (代填). */
  serve: ['representative', 'staff', 'admin'],
  /** Answer submissions: the inbox, accept, reply, resolve, templates, figures and the export. */
  answer: ['representative', 'admin'],
  /** Set the studio up: services, venues, stands, categories and limits, invites, posters. */
  administer: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type StudioAction = keyof typeof STUDIO_ACTIONS;

const REFUSALS: Record<StudioAction, string> = {
  serve: '只有本工作室的工作人员可以操作',
  answer: '只有本工作室的党代表和管理员可以办理',
  administer: '只有本工作室的管理员可以设置',
};

export function mayActFor(principal: Principal, studioId: string, action: StudioAction): boolean {
  return principal.studioId === studioId && (STUDIO_ACTIONS[action] as readonly Role[]).includes(principal.role);
}

/** Throws 403 (with a message that says who may) unless the principal may act for the studio. */
export function requireStudioRole(principal: Principal, studioId: string, action: StudioAction, refusal: string = REFUSALS[action]): void {
  if (!mayActFor(principal, studioId, action)) throw new ForbiddenError(refusal);
}

/**
 * May this person act on what was handed to a department? Only a liaison (部门联络员) of that department, of its
 * studio: nobody else, whatever their role (representatives work the matter through the studio's own routes).
 */
export function isLiaisonOf(principal: Principal, studioId: string, departmentId: string): boolean {
  return principal.role === 'liaison' && principal.studioId === studioId && principal.departmentId === departmentId;
}

/**
 * May this person act for a member unit (成员单位) of a town — on what was handed to the unit (answering as a department
 * for every studio of the town), or on the entries of a service the unit provides at a stand of a studio of its town?
 * Only a liaison of that unit (`departmentId` is the unit's id) of that town: nobody else.
 */
export function isUnitLiaisonOf(principal: Principal, townId: string, unitId: string): boolean {
  return principal.role === 'unit_liaison' && principal.townId === townId && principal.departmentId === unitId;
}
