/** Who a signed-in person is to the system. Staff roles belong to exactly one studio. */
/** `town_admin` (镇街管理员) belongs to a town, not a studio: it creates the town's studios and sees their figures. */
export const ROLES = ['resident', 'representative', 'staff', 'admin', 'town_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles granted through a studio invite (a resident never needs one). */
export const STUDIO_ROLES = ['representative', 'staff', 'admin'] as const;
export type StudioRole = (typeof STUDIO_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  representative: '党代表',
  staff: '服务点工作人员',
  admin: '工作室管理员',
  town_admin: '镇街管理员',
};

export function isStudioRole(role: Role): role is StudioRole {
  return (STUDIO_ROLES as readonly string[]).includes(role);
}

/** Roles held in a town (镇/街道) rather than a studio. */
export const TOWN_ROLES = ['town_admin'] as const;
export type TownRole = (typeof TOWN_ROLES)[number];

export function isTownRole(role: Role): role is TownRole {
  return (TOWN_ROLES as readonly string[]).includes(role);
}
