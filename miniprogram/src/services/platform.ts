/**
 * Which platform this build is for. `process.env.TARO_ENV` is replaced at build time, so the other branch is
 * dropped from the bundle; read inside functions so tests can switch it.
 */
export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp'
}

export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5'
}

export const LOGIN_PAGE = '/pages/login/index'
export const STAND_PAGE = '/pages/stand/index'
export const HOME_PAGE = '/pages/index/index'
export const ME_PAGE = '/pages/me/index'
export const TICKET_PAGE = '/pages/ticket/index'
export const BOOKINGS_PAGE = '/pages/bookings/index'
export const SCREEN_PAGE = '/pages/screen/index'
/** Staff pages live in the `packageStaff` subpackage (loaded only when opened). */
export const STAFF_STANDS_PAGE = '/packageStaff/pages/stands/index'
export const STAFF_CONSOLE_PAGE = '/packageStaff/pages/console/index'
export const READINGS_PAGE = '/pages/readings/index'
/** 我的幸福币 (query `studioId`, else the last stand's studio). */
export const COINS_PAGE = '/packageResident/pages/coins/index'
/** Staff: 记幸福币 and 兑换核销 at the stand. */
export const STAFF_COINS_PAGE = '/packageStaff/pages/coins/index'
/** Admin: 幸福币 rules and rewards. */
export const ADMIN_COINS_PAGE = '/packageAdmin/pages/coins/index'
/** 志愿者登记 (query `studioId`, else the last stand's studio). */
export const VOLUNTEER_PAGE = '/packageResident/pages/volunteer/index'
/** 我附议的事: the matters the resident seconded (附议), as they stand now. */
export const MY_SECONDS_PAGE = '/packageResident/pages/seconds/index'
/** Admin: volunteers to approve, and teams. */
/** Staff: volunteers' check-in and check-out at a stand (`?standId=`). */
export const STAFF_VOLUNTEERS_PAGE = '/packageStaff/pages/volunteers/index'
export const ADMIN_VOLUNTEERS_PAGE = '/packageAdmin/pages/volunteers/index'
/** 微心愿: the 心愿墙, 我的心愿, 我认领的 (query `studioId`, else the last stand's studio; `wish` opens one first). */
export const WISHES_PAGE = '/packageResident/pages/wishes/index'
/** Representatives and admins: 心愿审核. */
export const REP_WISH_REVIEW_PAGE = '/packageRep/pages/wish-review/index'
/** Staff: 代填心愿 for a resident without the app, and 确认圆梦 for them. */
export const STAFF_WISH_ON_BEHALF_PAGE = '/packageStaff/pages/wish-on-behalf/index'
/** 代办服务 (点单-配送): the catalogue, the order form and my orders (query `studioId`; `onBehalf=1`: staff 代下单). */
export const ERRANDS_PAGE = '/packageResident/pages/errands/index'
/** Volunteers: orders to claim and the ones given to them (query `studioId`). */
export const ERRAND_TASKS_PAGE = '/packageResident/pages/errand-tasks/index'
/** Staff: the errand queue (review, dispatch, claims, contact log). */
export const STAFF_ERRANDS_PAGE = '/packageStaff/pages/errands/index'
/** Admin: the catalogue of 代办服务. */
export const ADMIN_ERRAND_KINDS_PAGE = '/packageAdmin/pages/errand-kinds/index'
export const ADMIN_GRIDS_PAGE = '/packageAdmin/pages/grids/index'
/** 网格待办: a grid head's matters (also opened by representatives for one grid). */
export const GRID_MATTERS_PAGE = '/packageRep/pages/grid/index'
export const STAFF_SUMMARY_PAGE = '/packageStaff/pages/summary/index'
/** 代填意见: staff, representatives and admins enter a suggestion for a resident without a phone (query `standId` optional). */
export const STAFF_ON_BEHALF_PAGE = '/packageStaff/pages/on-behalf/index'
/** 镇街 (`packageTown`): the town admin's 镇街工作台, 切换身份, and the residents' list of their town's studios. */
export const TOWN_DESK_PAGE = '/packageTown/pages/desk/index'
export const MEMBERSHIPS_PAGE = '/packageTown/pages/memberships/index'
export const TOWN_STUDIOS_PAGE = '/packageTown/pages/studios/index'
/** 成员单位与三张清单 (`packageTown`): the town admin's units, the three lists, a liaison's unit, a studio's needs. */
export const TOWN_UNITS_PAGE = '/packageTown/pages/units/index'
export const TOWN_ALLIANCE_PAGE = '/packageTown/pages/alliance/index'
export const MY_UNIT_PAGE = '/packageTown/pages/unit/index'
export const STUDIO_NEEDS_PAGE = '/packageTown/pages/needs/index'
/** 协调会: a town's meetings of its member units (its admin and its units' liaisons). */
export const TOWN_COORDINATIONS_PAGE = '/packageTown/pages/coordinations/index'
export const TOWN_COORDINATION_NEW_PAGE = '/packageTown/pages/coordination-new/index'
export const TOWN_COORDINATION_PAGE = '/packageTown/pages/coordination/index'
/** 本单位服务: a member unit's liaison sees the bookings of its services at the stands and records what was done. */
export const UNIT_SERVICES_PAGE = '/packageTown/pages/unit-services/index'

/** Studio set-up lives in the `packageAdmin` subpackage (administrators only). */
export const ADMIN_HOME_PAGE = '/packageAdmin/pages/index/index'
export const ADMIN_SERVICES_PAGE = '/packageAdmin/pages/services/index'
export const ADMIN_SERVICE_EDIT_PAGE = '/packageAdmin/pages/service-edit/index'
export const ADMIN_VENUES_PAGE = '/packageAdmin/pages/venues/index'
export const ADMIN_VENUE_EDIT_PAGE = '/packageAdmin/pages/venue-edit/index'
export const ADMIN_STANDS_PAGE = '/packageAdmin/pages/stands/index'
export const ADMIN_SUBMISSION_SETTINGS_PAGE = '/packageAdmin/pages/submission-settings/index'
export const ADMIN_AUDIT_PAGE = '/packageAdmin/pages/audit/index'
export const ADMIN_MEMBERS_PAGE = '/packageAdmin/pages/members/index'
/** 意见建议: the resident's pages and the public board are in the main package (opened from a QR code). */
export const SUBMIT_PAGE = '/pages/submit/index'
export const SUBMISSIONS_PAGE = '/pages/submissions/index'
export const SUBMISSION_PAGE = '/pages/submission/index'
export const BOARD_PAGE = '/pages/board/index'
/** Representatives' inbox lives in the `packageRep` subpackage. */
export const REP_INBOX_PAGE = '/packageRep/pages/inbox/index'
export const REP_SUBMISSION_PAGE = '/packageRep/pages/submission/index'
export const REP_STATS_PAGE = '/packageRep/pages/stats/index'
/** 答复模板: the studio's reply templates, edited by its representatives and admin. */
export const REP_TEMPLATES_PAGE = '/packageRep/pages/templates/index'
/** 扫码登录电脑工作台: the desk browser's QR code (H5, not signed in). */
export const REP_DESK_LOGIN_PAGE = '/packageRep/pages/desk-login/index'
/** 确认登录 on the phone after scanning a desk QR code (`?ticket=`); on H5 locally, a second tab. */
export const REP_DESK_CONFIRM_PAGE = '/packageRep/pages/desk-confirm/index'
/** 议事协商 (representatives): the list, a new one (matters picked from the inbox), one with its record and result forms. */
export const REP_CONSULTATIONS_PAGE = '/packageRep/pages/consultations/index'
export const REP_CONSULTATION_NEW_PAGE = '/packageRep/pages/consultation-new/index'
export const REP_CONSULTATION_PAGE = '/packageRep/pages/consultation/index'
/** 议事协商公示 (residents): the studio's consultations, and one with 报名参加. */
export const CONSULTATIONS_PAGE = '/packageResident/pages/consultations/index'
export const CONSULTATION_PAGE = '/packageResident/pages/consultation/index'
/** 消息 (notifications): main package, opened from 我的. */
export const NOTIFICATIONS_PAGE = '/pages/notifications/index'
/** 我的数据 (see, export, delete one's own data): main package, opened from 我的. */
export const MY_DATA_PAGE = '/pages/my-data/index'
/** The tab bar's pages: opened with `switchTab` (which takes no query). */
export const TAB_PAGES: readonly string[] = [HOME_PAGE, ME_PAGE]
/** Admin: 部门与联络员 — the studio's departments and their liaisons' invites. */
export const ADMIN_DEPARTMENTS_PAGE = '/packageAdmin/pages/departments/index'
/** A department's liaison: 部门待办 and one matter (签收, 进展, 结果, 退回). */
export const DEPT_QUEUE_PAGE = '/packageRep/pages/dept-queue/index'
export const DEPT_MATTER_PAGE = '/packageRep/pages/dept-matter/index'
