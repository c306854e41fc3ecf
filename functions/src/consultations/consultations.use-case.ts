/**
 * 协商 / 议事会 (四议两公开): the representatives open, cancel and record consultations and publish their results; residents
 * read the public ones and sign up. Each step is one conditional write (consultation.repository.ts) after the rules of
 * consultation-states.ts: a step from the wrong status is a 409 and changes nothing.
 */
import { chinaDate } from '@shared/time';
import { maskPersonalDetails } from '@shared/submission/mask';
import {
  CONSULTATION_STATUS_LABELS,
  type CancelConsultationRequest,
  type ConsultationInviteesView,
  type ConsultationPageQuery,
  type ConsultationsPage,
  type ConsultationSignUpView,
  type ConsultationView,
  type CreateConsultationRequest,
  type PublishResultRequest,
  type RecordConsultationRequest,
} from '@shared/schemas/consultations';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { mayActFor, requireStudioRole } from '../policy';
import type { SubmissionsDeps } from '../submissions/deps';
import type { SubmissionEvent } from '../submissions/submission-items';
import type { Consultation } from './consultation-items';
import { checkStep, recordRefusal, signUpRefusal, timelineTextOf } from './consultation-states';
import { inviteesOf } from './invitees';
import { meetingInvite, meetingRetryGuard } from './meeting-call';

const PAGE = 20;

/** What everyone may read; the minutes and attendance only for the studio's people. */
export function consultationViewOf(c: Consultation, staff: boolean, signedUpByMe?: boolean): ConsultationView {
  return {
    id: c.id,
    studioId: c.studioId,
    topic: c.topic,
    date: c.date,
    time: c.time,
    place: c.place,
    agenda: c.agenda,
    submissions: c.submissions,
    ...(c.invitedUnits ? { invitedUnits: c.invitedUnits } : {}),
    status: c.status,
    statusLabel: CONSULTATION_STATUS_LABELS[c.status],
    ...(c.capacity !== undefined ? { capacity: c.capacity } : {}),
    signedUp: c.signedUp,
    ...(c.decision ? { decision: c.decision, decidedAt: c.decidedAt } : {}),
    ...(c.result ? { result: c.result, resultAt: c.resultAt } : {}),
    ...(c.cancelReason ? { cancelReason: c.cancelReason } : {}),
    ...(staff && c.attendance !== undefined ? { attendance: c.attendance, minutes: c.minutes, ...(c.attendeeNames ? { attendeeNames: c.attendeeNames } : {}) } : {}),
    ...(signedUpByMe !== undefined ? { signedUpByMe } : {}),
  };
}

const eventsOf = (deps: SubmissionsDeps, c: Consultation, actorId: string, at: string, text: string): SubmissionEvent[] =>
  c.submissions.map((s) => ({ id: deps.newId(), submissionId: s.id, kind: 'consulted', at, actorId, text }));

/** A consultation of the studio in the path; another studio's (or none) is not found. */
async function load(deps: SubmissionsDeps, studioId: string, id: string): Promise<Consultation> {
  const c = await deps.consultations.get(id);
  if (!c || c.studioId !== studioId) throw new NotFoundError('没有找到这次议事协商');
  return c;
}

/**
 * Opens a consultation. Input: the studio, topic, date and time (China), place, agenda, 1–10 of its submissions,
 * invited units, an optional capacity, the client's retry key. Steps: the caller answers for the studio · the submissions read in one batch,
 * each of this studio and not closed · their words masked for the board (a private one shows only its category) ·
 * one transaction: the retry key (a repeat answers what it opened), the consultation, 将召开议事协商 on each submission's timeline, and one fan-out notice to the
 * invitees (expanded by the notice consumer). Output: the consultation.
 */
export async function createConsultation(deps: SubmissionsDeps, principal: Principal, studioId: string, body: CreateConsultationRequest): Promise<ConsultationView> {
  requireStudioRole(principal, studioId, 'answer');
  const now = deps.now();
  if (body.date < chinaDate(now)) throw new ValidationError({ date: '协商日期不能早于今天' }, '协商日期不能早于今天');
  const [studio, found] = await Promise.all([deps.studios.getStudio(studioId), deps.batch.read(Object.fromEntries(body.submissionIds.map((id) => [id, deps.submissions.submissionRead(id)])))]);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  const submissions = body.submissionIds.map((id) => {
    const s = found[id];
    if (!s || s.studioId !== studioId) throw new ValidationError({ submissionIds: '所选的意见不属于本工作室' }, '所选的意见不属于本工作室');
    if (s.status === 'resolved') throw new ValidationError({ submissionIds: `「${s.category}」已办结，不能再发起协商` }, '已办结的意见不能再发起协商');
    return { id: s.id, category: s.category, text: s.public && !s.anonymisedAt ? maskPersonalDetails(s.text) : '（居民未公开原文）' };
  });
  const at = now.toISOString();
  const c: Consultation = {
    id: deps.newId(),
    studioId,
    studioName: studio.name,
    topic: body.topic,
    date: body.date,
    time: body.time,
    place: body.place,
    agenda: body.agenda,
    submissions,
    ...(body.invitedUnits ? { invitedUnits: body.invitedUnits } : {}),
    ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
    signedUp: 0,
    status: 'planned',
    createdBy: principal.userId,
    createdAt: at,
  };
  const guard = meetingRetryGuard(principal.userId, body, now);
  const invite = meetingInvite(c.id, { kind: 'consultation_invitees', consultationId: c.id, except: principal.userId }, `packageResident/pages/consultation/index?studioId=${studioId}&id=${c.id}`, c, studio.name, at);
  const outcome = await deps.consultations.create(c, eventsOf(deps, c, principal.userId, at, timelineTextOf('planned', c)), [invite], guard);
  if (!outcome.replayed) return consultationViewOf(c, true);
  // the same request again (its answer was lost): the consultation it opened, never a second one
  if (outcome.replayed.fingerprint !== guard.fingerprint) throw new ConflictError('这个请求编号已用于另一次议事协商，请刷新后重新提交');
  return getConsultation(deps, principal, studioId, outcome.replayed.targetId);
}

/** 议事协商 of the studio for its representatives: upcoming first, then the latest held (pattern 121). */
export async function listConsultations(deps: SubmissionsDeps, principal: Principal, studioId: string, query: ConsultationPageQuery = {}): Promise<ConsultationsPage> {
  requireStudioRole(principal, studioId, 'answer');
  const page = await deps.consultations.listOfStudioPage(studioId, { cursor: query.cursor, limit: PAGE });
  return { items: page.items.map((c) => consultationViewOf(c, true)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** 议事协商公示: the public ones (not cancelled), upcoming first, then decisions and results (pattern 122). */
export async function listPublicConsultations(deps: SubmissionsDeps, studioId: string, query: ConsultationPageQuery = {}): Promise<ConsultationsPage> {
  const page = await deps.consultations.listPublicPage(studioId, { cursor: query.cursor, limit: PAGE });
  return { items: page.items.map((c) => consultationViewOf(c, false)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** One consultation: its minutes for the studio's people; for anyone else whether they signed up (one batch read). */
export async function getConsultation(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string): Promise<ConsultationView> {
  const { c, mine } = await deps.batch.read({ c: deps.consultations.consultationRead(id), mine: deps.consultations.signUpRead(id, principal.userId) }, { consistent: true });
  if (!c || c.studioId !== studioId) throw new NotFoundError('没有找到这次议事协商');
  return consultationViewOf(c, mayActFor(principal, studioId, 'answer'), Boolean(mine));
}

/** Who is invited, with names: residents who raised or seconded its matters, the representatives, the units. */
export async function listConsultationInvitees(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string): Promise<ConsultationInviteesView> {
  requireStudioRole(principal, studioId, 'answer');
  const c = await load(deps, studioId, id);
  const invitees = await inviteesOf(deps, c);
  const names = new Map<string, string>();
  for (let i = 0; i < invitees.length; i += 100) {
    const users = await deps.batch.read(Object.fromEntries(invitees.slice(i, i + 100).map((v) => [v.userId, deps.users.userRead(v.userId)])));
    for (const [userId, user] of Object.entries(users)) if (user) names.set(userId, user.displayName);
  }
  const nameOf = (userId: string) => names.get(userId) ?? '居民';
  return {
    residents: invitees.filter((v) => v.why !== 'representative').map((v) => ({ userId: v.userId, name: nameOf(v.userId), why: v.why as 'raised' | 'seconded' })),
    representatives: invitees.filter((v) => v.why === 'representative').map((v) => ({ userId: v.userId, name: nameOf(v.userId) })),
    ...(c.invitedUnits ? { units: c.invitedUnits } : {}),
  };
}

async function takeStep(deps: SubmissionsDeps, principal: Principal, c: Consultation, step: 'cancel' | 'record' | 'publish_result', fields: Partial<Consultation>): Promise<ConsultationView> {
  const check = checkStep(c.status, step);
  if (!check.ok) throw new ConflictError(check.reason);
  const next: Consultation = { ...c, ...fields, status: check.to };
  const text = timelineTextOf(check.to as 'held' | 'result_published' | 'cancelled', next);
  if (!(await deps.consultations.step(c, c.status, check.to, fields, eventsOf(deps, c, principal.userId, deps.now().toISOString(), text)))) {
    throw new ConflictError('这次议事协商刚被别人修改过，请刷新后再试');
  }
  return consultationViewOf(next, true);
}

/** Cancels a planned consultation, saying why (on each matter's timeline). */
export async function cancelConsultation(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string, body: CancelConsultationRequest): Promise<ConsultationView> {
  requireStudioRole(principal, studioId, 'answer');
  return takeStep(deps, principal, await load(deps, studioId, id), 'cancel', { cancelReason: body.reason });
}

/** After the meeting: attendance, minutes and the decision — the decision is published (四议两公开) and on each matter's timeline. */
export async function recordConsultation(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string, body: RecordConsultationRequest): Promise<ConsultationView> {
  requireStudioRole(principal, studioId, 'answer');
  const c = await load(deps, studioId, id);
  const refusal = recordRefusal(c, chinaDate(deps.now()));
  if (refusal) throw new ConflictError(refusal);
  const fields = { attendance: body.attendance, minutes: body.minutes, decision: maskPersonalDetails(body.decision), decidedAt: deps.now().toISOString(), ...(body.attendeeNames ? { attendeeNames: body.attendeeNames } : {}) };
  return takeStep(deps, principal, c, 'record', fields);
}

/** The result of carrying out the decision, published on the board with the matters it answers. */
export async function publishConsultationResult(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string, body: PublishResultRequest): Promise<ConsultationView> {
  requireStudioRole(principal, studioId, 'answer');
  return takeStep(deps, principal, await load(deps, studioId, id), 'publish_result', { result: maskPersonalDetails(body.result), resultAt: deps.now().toISOString() });
}

/** 报名参加: once per person (a conditional Put), only while planned, on or before its day, and while seats remain. */
export async function signUpForConsultation(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string): Promise<ConsultationSignUpView> {
  const c = await load(deps, studioId, id);
  const refusal = signUpRefusal(c, chinaDate(deps.now()));
  if (refusal) throw new ConflictError(refusal);
  const user = await deps.users.getUser(principal.userId);
  const outcome = await deps.consultations.signUp({ consultationId: id, studioId, userId: principal.userId, name: user?.displayName ?? '居民', at: deps.now().toISOString() });
  if (outcome === 'already') throw new ConflictError('您已经报名了');
  if (outcome === 'closed') throw new ConflictError('报名人数已满或协商已召开，不能报名');
  return { consultationId: id, signedUp: true, count: c.signedUp + 1 };
}

/** 取消报名, while the consultation is planned. */
export async function withdrawConsultationSignUp(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string): Promise<ConsultationSignUpView> {
  const c = await load(deps, studioId, id);
  const outcome = await deps.consultations.withdraw(id, principal.userId);
  if (outcome === 'not_signed_up') throw new ConflictError('您还没有报名');
  if (outcome === 'closed') throw new ConflictError('这次协商已召开或已取消，不能取消报名');
  return { consultationId: id, signedUp: false, count: Math.max(0, c.signedUp - 1) };
}

/** 我报名的议事协商: the caller's sign-ups (pattern 126) and their consultations (one batch read). */
export async function listMyConsultationSignUps(deps: SubmissionsDeps, principal: Principal): Promise<ConsultationsPage> {
  const signUps = (await deps.consultations.listSignUpsOfPerson(principal.userId)).slice(0, 100);
  const found = await deps.batch.read(Object.fromEntries(signUps.map((s) => [s.consultationId, deps.consultations.consultationRead(s.consultationId)])));
  return { items: signUps.flatMap((s) => (found[s.consultationId] ? [consultationViewOf(found[s.consultationId]!, false, true)] : [])) };
}
