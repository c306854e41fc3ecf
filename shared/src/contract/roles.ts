import type { Role } from '../roles';

export const EVERYONE_SIGNED_IN = ['resident', 'representative', 'staff', 'admin', 'grid_head', 'liaison', 'town_admin', 'unit_liaison'] as const satisfies readonly Role[];
/** Who answers submissions; the policy further checks the studio is their own. */
export const REPRESENTATIVES = ['representative', 'admin'] as const satisfies readonly Role[];
/** The people of a studio; the policy further checks that the stand or studio is their own. */
export const STUDIO_PEOPLE = ['representative', 'staff', 'admin'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];
/**
 * Who may sign a desk browser in by scanning its QR code (扫码登录电脑工作台): the studio's people. The one list to
 * extend when a new studio role (e.g. a department's liaison) should use the desk console.
 */
export const DESK_ROLES = ['representative', 'staff', 'admin', 'liaison', 'unit_liaison'] as const satisfies readonly Role[];
/** 网格员 / 院落长: the policy further checks that the grid is their own. */
export const GRID_HEADS = ['grid_head'] as const satisfies readonly Role[];
/** Who reads the matters of a grid: its head, and the studio's representatives and admin. */
export const GRID_READERS = ['grid_head', 'representative', 'admin'] as const satisfies readonly Role[];
/** A department's liaisons (部门联络员); the policy further checks the matter was handed to their department. */
export const LIAISONS = ['liaison'] as const satisfies readonly Role[];
/** 镇街管理员; the use case further checks that the town is their own. */
export const TOWN_ADMINS = ['town_admin'] as const satisfies readonly Role[];
/** Who handles a matter: the studio's representatives and admin; a grid head too, for the 小事 of their own grid. */
export const HANDLERS = ['representative', 'admin', 'grid_head'] as const satisfies readonly Role[];
/** 成员单位联络员; the use case further checks that the unit (and its town) is their own. */
export const UNIT_LIAISONS = ['unit_liaison'] as const satisfies readonly Role[];
/** The town's people: its admin and its units' liaisons (the alliance's lists). */
export const TOWN_PEOPLE = ['town_admin', 'unit_liaison'] as const satisfies readonly Role[];
/** Who works a hand-on (部门待办): a studio department's liaisons and the town's member units' liaisons; the use case checks whose. */
export const HAND_ON_LIAISONS = ['liaison', 'unit_liaison'] as const satisfies readonly Role[];
