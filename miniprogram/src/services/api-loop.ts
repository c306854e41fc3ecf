/** 协商 / 议事会 and 部门与联络员: one typed function per route, like api.ts (which re-exports them). */
import { call, type BodyOf, type QueryOf } from './request'

/* ---------- 协商 / 议事会 ---------- */

/** Public: 议事协商公示 — upcoming ones, then decisions and results with the matters they answer (masked). */
export const listPublicConsultations = (studioId: string, cursor?: string) => call('listPublicConsultations', { params: { studioId }, query: { cursor } }, { auth: 'optional' })
/** Representatives/admins: the studio's consultations, upcoming first (cancelled ones too). */
export const listConsultations = (studioId: string, cursor?: string) => call('listConsultations', { params: { studioId }, query: { cursor } })
/** 201; the invitees are told in the background. */
export const createConsultation = (studioId: string, body: BodyOf<'createConsultation'>) => call('createConsultation', { params: { studioId }, body })
/** The minutes for the studio's people; for a resident whether they signed up. */
export const getConsultation = (studioId: string, consultationId: string) => call('getConsultation', { params: { studioId, consultationId } })
export const listConsultationInvitees = (studioId: string, consultationId: string) => call('listConsultationInvitees', { params: { studioId, consultationId } })
export const cancelConsultation = (studioId: string, consultationId: string, body: BodyOf<'cancelConsultation'>) => call('cancelConsultation', { params: { studioId, consultationId }, body })
/** 409 unless planned and its day has come. */
export const recordConsultation = (studioId: string, consultationId: string, body: BodyOf<'recordConsultation'>) => call('recordConsultation', { params: { studioId, consultationId }, body })
export const publishConsultationResult = (studioId: string, consultationId: string, body: BodyOf<'publishConsultationResult'>) => call('publishConsultationResult', { params: { studioId, consultationId }, body })
/** Once per person; 409 when full, held, cancelled, or signed up already. */
export const signUpForConsultation = (studioId: string, consultationId: string) => call('signUpForConsultation', { params: { studioId, consultationId } })
export const withdrawConsultationSignUp = (studioId: string, consultationId: string) => call('withdrawConsultationSignUp', { params: { studioId, consultationId } })
export const listMyConsultationSignUps = () => call('listMyConsultationSignUps')

/** Representatives/admins: a page of one group, overdue first (`cursor` for the next), with counts of all groups. */
export const getInbox = (studioId: string, query: QueryOf<'getInbox'>) => call('getInbox', { params: { studioId }, query })

/** Everything, internal notes and phone included. */
export const getStudioSubmission = (studioId: string, submissionId: string) => call('getStudioSubmission', { params: { studioId, submissionId } })

/** 受理 with 三事分流 (大事: department and due date). */
export const acceptSubmission = (submissionId: string, body: BodyOf<'acceptSubmission'>) => call('acceptSubmission', { params: { submissionId }, body })

/** 答复, signed as the studio. */
export const replyToSubmission = (submissionId: string, body: BodyOf<'replyToSubmission'>) => call('replyToSubmission', { params: { submissionId }, body })

/** 办结 (only after a reply). */
/** 重新分流 after acceptance (another department or date, or back to the representatives). */
export const triageSubmission = (submissionId: string, body: BodyOf<'triageSubmission'>) => call('triageSubmission', { params: { submissionId }, body })

/** 需补充: ask the resident for more. */
export const askForMore = (submissionId: string, body: BodyOf<'askForMore'>) => call('askForMore', { params: { submissionId }, body })

/** The resident answers 需补充. */
export const addMore = (submissionId: string, body: BodyOf<'addMore'>) => call('addMore', { params: { submissionId }, body })

/** 办理进展: a milestone told to the resident. */
export const postProgress = (submissionId: string, body: BodyOf<'postProgress'>) => call('postProgress', { params: { submissionId }, body })

export const resolveSubmission = (submissionId: string, body: BodyOf<'resolveSubmission'>) => call('resolveSubmission', { params: { submissionId }, body })

/** 准予公示 for a submission whose content was held back. */
export const approveBoard = (submissionId: string) => call('approveForBoard', { params: { submissionId } })

/** 显示完整号码: the whole phone a resident left (the studio's view shows it masked); recorded in the audit trail. */
export const revealSubmissionPhone = (studioId: string, submissionId: string) => call('revealSubmissionPhone', { params: { studioId, submissionId } })

/** Public: the studio's categories with their time limits (the defaults when it has none). */
export const getSubmissionSettings = (studioId: string) => call('getSubmissionSettings', { params: { studioId } })

/** Admin of the studio; 400 with per-field messages (`categories.1.replyDays`). */
export const saveSubmissionSettings = (studioId: string, body: BodyOf<'saveSubmissionSettings'>) => call('saveSubmissionSettings', { params: { studioId }, body })

/* ---------- 部门与联络员: departments (admins keep them) and the liaison's queue ---------- */

export const listDepartments = (studioId: string) => call('listDepartments', { params: { studioId } })

export const addDepartment = (studioId: string, body: BodyOf<'addDepartment'>) => call('addDepartment', { params: { studioId }, body })

export const updateDepartment = (studioId: string, departmentId: string, body: BodyOf<'updateDepartment'>) => call('updateDepartment', { params: { studioId, departmentId }, body })

export const getDepartmentQueue = (departmentId: string, cursor?: string) => call('getDepartmentQueue', { params: { departmentId }, query: cursor ? { cursor } : {} })

export const getDepartmentMatter = (departmentId: string, submissionId: string) => call('getDepartmentMatter', { params: { departmentId, submissionId } })

export const acknowledgeMatter = (departmentId: string, submissionId: string) => call('acknowledgeMatter', { params: { departmentId, submissionId } })

export const postDepartmentProgress = (departmentId: string, submissionId: string, body: BodyOf<'postDepartmentProgress'>) => call('postDepartmentProgress', { params: { departmentId, submissionId }, body })

export const postDepartmentResult = (departmentId: string, submissionId: string, body: BodyOf<'postDepartmentResult'>) => call('postDepartmentResult', { params: { departmentId, submissionId }, body })

export const handMatterBack = (departmentId: string, submissionId: string, body: BodyOf<'handMatterBack'>) => call('handMatterBack', { params: { departmentId, submissionId }, body })
