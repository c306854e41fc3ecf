/**
 * One typed function per API route. Pages call these, never `Taro.request`. Each is a one-liner over `call` (or
 * `download` for files): the method, path, roles and request/response types are the contract's (`@shared/contract`),
 * so nothing here restates a path or a type. Response types for pages live in `@shared/schemas/*`.
 */
import { answeredAlready, call, download, type BodyOf, type QueryOf } from './request'

/* ---------- sign-in and the caller ---------- */

/** Public. `scene` is the decoded scene, e.g. `v=01J…` (encoded once, in the path). */
export const getStandByScene = (scene: string) => call('getStandByScene', { params: { scene } })
/** H5: the stand index.html has already received for a QR code's address (see `answeredAlready`). */
export const standAnsweredAlready = (scene: string) => answeredAlready('getStandByScene', { params: { scene } })

/** Public, only on the local stage (404 elsewhere). */
export const getPersonas = () => call('listPersonas')

/** Sign in as a demo persona (local stage only). */
export const signInLocal = (persona: string) => call('signInAsPersona', { body: { persona } })

/** `code` from `Taro.login` (weapp). */
export const signInWechat = (code: string) => call('signInWithWechat', { body: { code } })

export const getMe = () => call('getMe')

/** Answers with a new session carrying the new role. */
export const redeemInvite = (body: BodyOf<'redeemInvite'>) => call('redeemInvite', { body })

/* ---------- 扫码登录电脑工作台 ---------- */

/** The desk browser (not signed in): a ticket for its QR code; keep `secret` in this browser only. */
export const createDeskTicket = () => call('createDeskTicket')
/** The desk browser's poll with its secret: `pending`, or once `signed_in` with its own session. */
export const exchangeDeskTicket = (ticketId: string, secret: string) => call('exchangeDeskTicket', { params: { ticketId }, body: { secret } })
/** The phone after the scan: which browser asks. */
export const getDeskTicket = (ticketId: string) => call('getDeskTicket', { params: { ticketId } })
export const confirmDeskTicket = (ticketId: string) => call('confirmDeskTicket', { params: { ticketId } })
export const cancelDeskTicket = (ticketId: string) => call('cancelDeskTicket', { params: { ticketId } })

/* ---------- bookings (resident) ---------- */

/** 201. Send the same `requestId` again when retrying after a network failure. */
export const bookSlot = (body: BodyOf<'bookSlot'>) => call('bookSlot', { body })

/** Upcoming (soonest first, all of them on the first page), then past (latest first); `cursor` for older ones. */
export const getMyBookings = (cursor?: string) => call('listMyBookings', { query: { cursor } })

/** One's own booking only. */
export const getBooking = (bookingId: string) => call('getMyBooking', { params: { bookingId } })

/** Only while the booking is `booked`. */
export const cancelBooking = (bookingId: string) => call('cancelMyBooking', { params: { bookingId } })

/* ---------- stand console (staff, representative, admin of the stand's studio) ---------- */

/** The studio's stands on a day (today in China when no date). */
export const getStudioStands = (studioId: string, date?: string) => call('listStudioStands', { params: { studioId }, query: { date: date || undefined } })

export const getStandQueue = (standId: string) => call('getStandQueue', { params: { standId } })

/** 409 when the ticket was already checked in (message says when and by whom). */
export const checkIn = (standId: string, body: BodyOf<'checkIn'>) => call('checkIn', { params: { standId }, body })

/** 201 with a queue number; 409 when full unless `overrideFull`. */
export const addWalkIn = (standId: string, body: BodyOf<'addWalkIn'>) => call('addWalkIn', { params: { standId }, body })

/** 404 when nobody is waiting. */
export const callNext = (standId: string, serviceId: string) => call('callNext', { params: { standId, serviceId } })

export const serveEntry = (standId: string, entryId: string) => call('markServed', { params: { standId, entryId } })

/** Public: queue numbers only, nothing personal. */
export const getQueueScreen = (standId: string) => call('getQueueScreen', { params: { standId } })

/* ---------- health readings (sensitive: separate consent, retention limit, the resident sees and deletes) ---------- */

/** The resident's own readings, oldest first (expired ones are not listed), and the consent. */
export const getMyReadings = () => call('listMyReadings')

/** Give or withdraw the separate consent. */
export const setHealthConsent = (consent: boolean) => call('setHealthConsent', { body: { consent } })

export const deleteMyReading = (readingId: string) => call('deleteMyReading', { params: { readingId } })

/**
 * 201. 409 (message fit to show staff) when the resident did not consent, has no account (walk-in), is not checked
 * in, or the service keeps no readings.
 */
export const recordReading = (standId: string, entryId: string, body: BodyOf<'recordReading'>) => call('recordReading', { params: { standId, entryId }, body })

/** Per service: booked, served, walk-ins, no-shows, check-in times. */
export const getStandSummary = (standId: string) => call('getStandSummary', { params: { standId } })

/* ---------- studio set-up (admin of the studio; reading lists is open to the studio's people) ---------- */

export const listServices = (studioId: string) => call('listServices', { params: { studioId } })

/** 201 */
export const createService = (studioId: string, body: BodyOf<'createService'>) => call('createService', { params: { studioId }, body })

/** Stands already made keep what they were made with. */
export const updateService = (studioId: string, serviceId: string, body: BodyOf<'updateService'>) => call('updateService', { params: { studioId, serviceId }, body })

export const listVenues = (studioId: string) => call('listVenues', { params: { studioId } })

/** 201 */
export const createVenue = (studioId: string, body: BodyOf<'createVenue'>) => call('createVenue', { params: { studioId }, body })

export const updateVenue = (studioId: string, venueId: string, body: BodyOf<'updateVenue'>) => call('updateVenue', { params: { studioId, venueId }, body })

/** Days that already have a stand are kept as they are. */
export const generateStands = (venueId: string, weeks = 4) => call('generateStands', { params: { venueId }, body: { weeks } })

/** The A4 QR-code poster (PDF). */
export const downloadVenuePoster = (venueId: string, venueName: string) => download('getVenuePoster', { params: { venueId } }, { fallbackName: `${venueName}二维码海报.pdf`, timeout: 30_000 })

/** Every booking is cancelled and its resident notified. */
export const cancelStand = (standId: string, reason: string) => call('cancelStand', { params: { standId }, body: { reason } })

/* ---------- submissions (意见建议): resident, public board, representatives ---------- */

/** A signed form for one photo (then `uploadToStorage`, then its `key` in the submission). */
export const requestPhotoUpload = (body: BodyOf<'createPhotoUpload'>) => call('createPhotoUpload', { body })

/** The studio's reply templates (the defaults until edited). */
export const getReplyTemplates = (studioId: string) => call('getReplyTemplates', { params: { studioId } })

/** The whole list; 409 when someone else saved meanwhile. */
export const saveReplyTemplates = (studioId: string, body: BodyOf<'saveReplyTemplates'>) => call('saveReplyTemplates', { params: { studioId }, body })

/** 201. Send the same `requestId` again when retrying after a network failure. */
export const submitSubmission = (body: BodyOf<'submit'>) => call('submit', { body })

/**
 * 201 — staff, representatives or the admin of the studio enter one for a resident without a phone (代填). The same
 * `requestId` again returns the same submission; with another body, 422.
 */
export const submitOnBehalf = (studioId: string, body: BodyOf<'submitOnBehalf'>) => call('submitOnBehalf', { params: { studioId }, body })

/** Newest first, without timelines, a page at a time (`cursor` from the previous page). */
export const getMySubmissions = (cursor?: string) => call('listMySubmissions', { query: { cursor } })

/** One's own submission with its timeline and reply due date. */
export const getSubmission = (submissionId: string) => call('getMySubmission', { params: { submissionId } })

/** Once per resolution; 不满意 reopens it once. */
/** 催办: past its due date and still waiting, once per matter; whoever holds it is told. */
export const chaseSubmission = (id: string) => call('chaseMySubmission', { params: { submissionId: id } })

export const rateSubmission = (submissionId: string, body: BodyOf<'rateSubmission'>) => call('rateSubmission', { params: { submissionId }, body })

/** 这些事已经有人反映过: up to 3 public matters of the studio like the text being typed (masked), with their 附议 counts. */
export const getSimilarSubmissions = (studioId: string, query: QueryOf<'listSimilarSubmissions'>) => call('listSimilarSubmissions', { params: { studioId }, query })

/** 附议: once per resident (a repeat answers the same count); 409 for one's own or a closed matter. */
export const secondSubmission = (submissionId: string) => call('secondSubmission', { params: { submissionId } })

/** 我附议的事: newest first, a page at a time, each as it stands now. */
export const getMySeconds = (cursor?: string) => call('listMySeconds', { query: { cursor } })

/** Public: replied submissions without personal details, newest first, a page at a time. */
export const getBoard = (studioId: string, cursor?: string) => call('getBoard', { params: { studioId }, query: { cursor } })

/* ---------- follow a studio's board, notifications (消息), studio statistics and export ---------- */

/** Whether the signed-in person follows the studio's board. */
export const getFollow = (studioId: string) => call('getFollow', { params: { studioId } })

/** Follow (on) or unfollow (off) the studio's board. */
export const setFollow = (studioId: string, on: boolean) => call(on ? 'followStudio' : 'unfollowStudio', { params: { studioId } })

/** Newest first, with the unread count. */
export const getNotifications = () => call('listMyNotifications')

/** Marks every message read. */
export const markNotificationsRead = () => call('markNotificationsRead')

/** Representatives/admins: `month` is `YYYY-MM`. */
export const getStudioStats = (studioId: string, query: QueryOf<'getStudioStats'>) => call('getStudioStats', { params: { studioId }, query })

/** China dates `YYYY-MM-DD`; a UTF-8 CSV (with BOM). */
export const downloadSubmissionsCsv = (studioId: string, from: string, to: string) =>
  download('exportSubmissions', { params: { studioId }, query: { from, to } }, { fallbackName: `意见建议_${from}_${to}.csv`, timeout: 30_000 })

/* ---------- 我的数据: the caller's own data (PIPL arts. 45 and 47) ---------- */

/** How much is kept (submissions, bookings, readings …), for how long, and whether the account may be deleted here. */
export const getMyDataSummary = () => call('getMyDataSummary')

/** Everything kept about the caller, as a JSON file; `today` (China date) names it when the answer cannot. */
export const downloadMyData = (today: string) => download('exportMyData', {}, { fallbackName: `我的数据_${today}.json`, timeout: 30_000 })

/** 注销账号, residents only (409 for studio people); sign out locally afterwards. */
export const deleteMyAccount = () => call('deleteMyAccount', { body: { confirm: '注销' } })

/* ---------- the studio's audit trail (admin) ---------- */

/** Newest first, 30 a page; `cursor` from the previous page. */
export const getAuditLog = (studioId: string, query: QueryOf<'getAuditLog'> = {}) => call('getAuditLog', { params: { studioId }, query })

/* ---------- 成员与邀请 (admin) ---------- */

export const listMembers = (studioId: string) => call('listMembers', { params: { studioId } })

/** 201: a one-time code for a role, valid `validHours` (72 by default). */
export const createInvite = (studioId: string, body: BodyOf<'createInvite'>) => call('createInvite', { params: { studioId }, body })

/** Takes effect at the member's next request; recorded in 操作记录. */
export const changeMemberRole = (studioId: string, userId: string, body: BodyOf<'changeMemberRole'>) => call('changeMemberRole', { params: { studioId, userId }, body })

export const removeMember = (studioId: string, userId: string) => call('removeMember', { params: { studioId, userId } })

/* ---------- 幸福币 ---------- */

/** The caller's account at a studio: balance, card, a page of the ledger, rules, rewards, redemptions. */
export const getMyCoins = (studioId: string, cursor?: string) => call('getMyCoins', { params: { studioId }, query: { cursor } })

/** Makes the resident's card once; afterwards the same card. */
export const openCoinCard = (studioId: string) => call('openCoinCard', { params: { studioId } })

/** 201; coins deducted and the reward kept at once. Send the same `requestId` again when retrying. */
export const redeemCoins = (studioId: string, body: BodyOf<'redeemCoins'>) => call('redeemCoins', { params: { studioId }, body })

export const cancelRedemption = (studioId: string, code: string) => call('cancelRedemption', { params: { studioId, code } })

export const getCoinSettings = (studioId: string) => call('getCoinSettings', { params: { studioId } })

/** Staff: credit the resident whose card was typed, by one of the studio's rules. */
export const awardCoins = (studioId: string, body: BodyOf<'awardCoins'>) => call('awardCoins', { params: { studioId }, body })

/** Staff: a redemption by its code, with whose it is. */
export const getRedemption = (studioId: string, code: string) => call('getRedemption', { params: { studioId, code } })

export const handOverRedemption = (studioId: string, code: string) => call('handOverRedemption', { params: { studioId, code } })

export const refuseRedemption = (studioId: string, code: string, reason: string) => call('refuseRedemption', { params: { studioId, code }, body: { reason } })

/** Representatives and admins: a month's coins (issued, redeemed, given back) and volunteer time at stands. */
export const getCoinFigures = (studioId: string, month: string) => call('getCoinFigures', { params: { studioId }, query: { month } })

/** Admin: the whole list of rules and rewards (rewards left out are withdrawn). */
export const putCoinSettings = (studioId: string, body: BodyOf<'putCoinSettings'>) => call('putCoinSettings', { params: { studioId }, body })

/* ---------- volunteers ---------- */

export const getMyVolunteer = (studioId: string) => call('getMyVolunteer', { params: { studioId } })

export const registerVolunteer = (studioId: string, body: BodyOf<'registerVolunteer'>) => call('registerVolunteer', { params: { studioId }, body })

export const withdrawVolunteer = (studioId: string) => call('withdrawVolunteer', { params: { studioId } })

/** Representatives and admins: the studio's volunteers by status, 30 at a time. */
export const listVolunteers = (studioId: string, status: QueryOf<'listVolunteers'>['status'], cursor?: string) => call('listVolunteers', { params: { studioId }, query: { status, cursor } })

export const decideVolunteer = (studioId: string, userId: string, body: BodyOf<'decideVolunteer'>) => call('decideVolunteer', { params: { studioId, userId }, body })

export const listVolunteerTeams = (studioId: string) => call('listVolunteerTeams', { params: { studioId } })

/** Staff at a stand: who is on duty, who left (with minutes and coins), and a page of approved volunteers to check in. */
export const listStandVolunteers = (standId: string, cursor?: string) => call('listStandVolunteers', { params: { standId }, query: { cursor } })

/** Staff: 签到; the same tap again gets the same shift. */
export const checkInVolunteer = (standId: string, userId: string) => call('checkInVolunteer', { params: { standId, userId } })

/** Staff: 签退; the minutes within the stand's hours, and coins for each whole hour, credited once. */
export const checkOutVolunteer = (standId: string, userId: string) => call('checkOutVolunteer', { params: { standId, userId } })

export const createVolunteerTeam = (studioId: string, name: string) => call('createVolunteerTeam', { params: { studioId }, body: { name } })

export const addTeamMember = (studioId: string, teamId: string, userId: string, leader: boolean) => call('addTeamMember', { params: { studioId, teamId, userId }, body: { leader } })

export const removeTeamMember = (studioId: string, teamId: string, userId: string) => call('removeTeamMember', { params: { studioId, teamId, userId } })

/* ---------- 微心愿 ---------- */

/** Public: the 心愿墙 (open ones first, no names); signed in, each wish says whether the caller may claim it. */
export const listWishWall = (studioId: string, cursor?: string) => call('listWishWall', { params: { studioId }, query: { cursor } }, { auth: 'optional' })
export const getWishFigures = (studioId: string) => call('getWishFigures', { params: { studioId } })
/** Public too; signed in, the wisher, the claimer and the studio's people see names and the timeline. */
export const getWish = (studioId: string, wishId: string) => call('getWish', { params: { studioId, wishId } }, { auth: 'optional' })
export const postWish = (studioId: string, body: BodyOf<'postWish'>) => call('postWish', { params: { studioId }, body })
export const postWishOnBehalf = (studioId: string, body: BodyOf<'postWishOnBehalf'>) => call('postWishOnBehalf', { params: { studioId }, body })
export const listMyWishes = (studioId: string, cursor?: string) => call('listMyWishes', { params: { studioId }, query: { cursor } })
export const listMyWishClaims = (studioId: string, cursor?: string) => call('listMyWishClaims', { params: { studioId }, query: { cursor } })
export const listWishReviewQueue = (studioId: string, cursor?: string) => call('listWishReviewQueue', { params: { studioId }, query: { cursor } })
export const listWishesOnBehalf = (studioId: string, cursor?: string) => call('listWishesOnBehalf', { params: { studioId }, query: { cursor } })
export const approveWish = (studioId: string, wishId: string) => call('approveWish', { params: { studioId, wishId } })
export const refuseWish = (studioId: string, wishId: string, reason: string) => call('refuseWish', { params: { studioId, wishId }, body: { reason } })
export const claimWish = (studioId: string, wishId: string) => call('claimWish', { params: { studioId, wishId } })
export const cancelWishClaim = (studioId: string, wishId: string) => call('cancelWishClaim', { params: { studioId, wishId } })
export const fulfilWish = (studioId: string, wishId: string, note: string) => call('fulfilWish', { params: { studioId, wishId }, body: { note } })
export const confirmWish = (studioId: string, wishId: string) => call('confirmWish', { params: { studioId, wishId } })
export const withdrawWish = (studioId: string, wishId: string) => call('withdrawWish', { params: { studioId, wishId } })
/* ---------- 点单-配送 (errands) ---------- */

/** The studio's 代办服务; `all` (the admin's editor) includes the withdrawn ones. */
export const listErrandKinds = (studioId: string, all = false) => call('listErrandKinds', { params: { studioId }, query: all ? { all: 'true' } : {} })

export const createErrandKind = (studioId: string, body: BodyOf<'createErrandKind'>) => call('createErrandKind', { params: { studioId }, body })

export const updateErrandKind = (studioId: string, kindId: string, body: BodyOf<'updateErrandKind'>) => call('updateErrandKind', { params: { studioId, kindId }, body })

/** 201. Send the same `requestId` again when retrying after a network failure. */
export const placeErrand = (studioId: string, body: BodyOf<'placeErrand'>) => call('placeErrand', { params: { studioId }, body })

export const listMyErrands = (studioId: string, cursor?: string) => call('listMyErrands', { params: { studioId }, query: { cursor } })

/** Volunteers: the orders claimed by or assigned to them. */
export const listMyErrandTasks = (studioId: string, cursor?: string) => call('listMyErrandTasks', { params: { studioId }, query: { cursor } })

/** Approved volunteers: reviewed orders they may claim (403 for anyone else). */
export const listOpenErrands = (studioId: string, cursor?: string) => call('listOpenErrands', { params: { studioId }, query: { cursor } })

/** Staff: the studio's orders in one status. */
export const listStudioErrands = (studioId: string, status: QueryOf<'listStudioErrands'>['status'], cursor?: string) => call('listStudioErrands', { params: { studioId }, query: { status, cursor } })

export const getErrand = (studioId: string, errandId: string) => call('getErrand', { params: { studioId, errandId } })

export const reviewErrand = (studioId: string, errandId: string, body: BodyOf<'reviewErrand'>) => call('reviewErrand', { params: { studioId, errandId }, body })

export const assignErrand = (studioId: string, errandId: string, volunteerId: string) => call('assignErrand', { params: { studioId, errandId }, body: { volunteerId } })

export const claimErrand = (studioId: string, errandId: string) => call('claimErrand', { params: { studioId, errandId } })

export const decideErrandClaim = (studioId: string, errandId: string, accept: boolean) => call('decideErrandClaim', { params: { studioId, errandId }, body: { accept } })

/** The assigned volunteer only; each reveal is recorded in the studio's audit trail. */
export const revealErrandContact = (studioId: string, errandId: string) => call('revealErrandContact', { params: { studioId, errandId } })

export const deliverErrand = (studioId: string, errandId: string) => call('deliverErrand', { params: { studioId, errandId } })

export const confirmErrand = (studioId: string, errandId: string, body: BodyOf<'confirmErrand'>) => call('confirmErrand', { params: { studioId, errandId }, body })

export const cancelErrand = (studioId: string, errandId: string, reason: string) => call('cancelErrand', { params: { studioId, errandId }, body: { reason } })

export const addErrandContact = (studioId: string, errandId: string, body: BodyOf<'addErrandContact'>) => call('addErrandContact', { params: { studioId, errandId }, body })

export const getErrandFigures = (studioId: string) => call('getErrandFigures', { params: { studioId } })

/* the loop's 协商 and departments, and the town's grids and studios, in files of their own */
export * from './api-loop'
export * from './api-town'
export * from './api-alliance'
export * from './api-coordination'
export * from './api-unit-services'
