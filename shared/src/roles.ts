/** Who a signed-in person is to the system. Staff roles belong to exactly one studio. */
/** `town_admin` (镇街管理员) belongs to a town, not a studio: it creates the town's studios and sees their figures. */
export const ROLES = ['resident', 'representative', 'staff', 'admin', 'town_admin', 'grid_head', 'liaison', 'unit_liaison'] as const;
export type Role = (typeof ROLES)[number];

/** Roles granted through a studio invite (a resident never needs one). */
export const STUDIO_ROLES = ['representative', 'staff', 'admin', 'grid_head', 'liaison'] as const;
export type StudioRole = (typeof STUDIO_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  representative: '党代表',
  staff: '服务点工作人员',
  admin: '工作室管理员',
  grid_head: '网格员',
  /** A department's (城管办, 环卫所 …) liaison: acts only on the matters handed to its department. */
  liaison: '部门联络员',
  town_admin: '镇街管理员',
  /** A member unit's (卫生院, 中心小学 …) liaison: acts for the unit across the town's studios. */
  unit_liaison: '成员单位联络员',
};

/** The roles that run a studio's stands and desks (服务点工作台, 代办, 幸福币): not a grid head, who acts for one grid. */
export const SERVING_ROLES = ['representative', 'staff', 'admin'] as const satisfies readonly StudioRole[];

export function isServingRole(role: Role): boolean {
  return (SERVING_ROLES as readonly string[]).includes(role);
}

export function isStudioRole(role: Role): role is StudioRole {
  return (STUDIO_ROLES as readonly string[]).includes(role);
}

/** Roles held in a town (镇/街道) rather than a studio: its admin, and the liaisons of its member units (scoped to one unit). */
export const TOWN_ROLES = ['town_admin', 'unit_liaison'] as const;
export type TownRole = (typeof TOWN_ROLES)[number];

export function isTownRole(role: Role): role is TownRole {
  return (TOWN_ROLES as readonly string[]).includes(role);
}
