/** Who a signed-in person is to the system. Staff roles belong to exactly one studio. */
export const ROLES = ['resident', 'representative', 'staff', 'admin', 'liaison'] as const;
export type Role = (typeof ROLES)[number];

/** Roles granted through a studio invite (a resident never needs one). */
export const STUDIO_ROLES = ['representative', 'staff', 'admin', 'liaison'] as const;
export type StudioRole = (typeof STUDIO_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  representative: '党代表',
  staff: '服务点工作人员',
  admin: '工作室管理员',
  /** A department's (城管办, 环卫所 …) liaison: acts only on the matters handed to its department. */
  liaison: '部门联络员',
};

export function isStudioRole(role: Role): role is StudioRole {
  return (STUDIO_ROLES as readonly string[]).includes(role);
}
