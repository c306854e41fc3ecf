import { secondersNotice } from '../submissions/submission-desk.use-case';
import type { DepartmentProgressRequest, DepartmentQueueQuery, DepartmentQueueResponse, DepartmentResultRequest, DepartmentView, HandBackRequest, HandOnView, LiaisonMatterView } from '@shared/schemas/departments';
import { allowedHandOnSteps, HAND_ON_STATE_LABELS, nextHandOnState, OPEN_HAND_ON_STATES, type HandOnStep } from '@shared/submission/hand-on';
import { maskPersonalDetails } from '@shared/submission/mask';
import { chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError } from '../errors';
import { isLiaisonOf, isUnitLiaisonOf } from '../policy';
import type { NoticeOrder } from '../notices/notice-queue.repository';
import type { SubmissionsDeps } from '../submissions/deps';
import { checkPhotosOf, photoViews } from '../submissions/photos.use-case';
import type { CurrentHandOn, Submission, SubmissionEvent } from '../submissions/submission-items';
import { viewOf } from '../submissions/submissions.use-case';
import type { HandOnRecord } from './department.repository';
import { departmentView, unitAsDepartmentView } from './departments.use-case';
import { handOnRecordOf } from './hand-on.use-case';

const NOT_FOUND = '没有找到交办给本部门的这件事';
const QUEUE_PAGE = 30;

/** The caller's department: a studio's department (`studioId`), or a member unit of a town (`townId`). */
type OwnDepartment = { view: DepartmentView; studioId: string; townId?: undefined } | { view: DepartmentView; townId: string; studioId?: undefined };

/**
 * The liaison's own department: only a liaison of it (its studio's) gets past — or, for a member unit, a unit
 * liaison of it (its town's); anyone else learns nothing (404), whether the department exists or not.
 */
async function ownDepartment(deps: SubmissionsDeps, principal: Principal, departmentId: string): Promise<OwnDepartment> {
  if (principal.townId && isUnitLiaisonOf(principal, principal.townId, departmentId)) {
    const unit = await deps.units.get(principal.townId, departmentId);
    if (unit) return { view: unitAsDepartmentView(unit), townId: unit.townId };
  }
  const department = principal.studioId && isLiaisonOf(principal, principal.studioId, departmentId) ? await deps.departments.get(principal.studioId, departmentId) : undefined;
  if (!department) throw new NotFoundError('没有找到这个部门');
  return { view: departmentView(department), studioId: department.studioId };
}

/**
 * A matter handed to the caller's department now; one handed elsewhere (or taken back) is not found. A unit's: the
 * matter's studio must be of the unit's town.
 */
async function ownMatter(deps: SubmissionsDeps, principal: Principal, departmentId: string, submissionId: string): Promise<{ s: Submission & { handOn: CurrentHandOn } }> {
  const department = await ownDepartment(deps, principal, departmentId);
  const s = await deps.submissions.get(submissionId);
  if (!s || !s.handOn || s.handOn.departmentId !== departmentId) throw new NotFoundError(NOT_FOUND);
  const ofItsScope = department.townId ? (await deps.studios.getStudio(s.studioId))?.townId === department.townId : s.studioId === department.studioId;
  if (!ofItsScope) throw new NotFoundError(NOT_FOUND);
  return { s: s as Submission & { handOn: CurrentHandOn } };
}

const isOverdue = (state: HandOnRecord['state'], dueDate: string, now: Date) => OPEN_HAND_ON_STATES.includes(state) && dueDate < chinaDate(now.toISOString());

function handOnViewOf(h: HandOnRecord, now: Date): HandOnView {
  return {
    submissionId: h.submissionId,
    handOnId: h.id,
    departmentId: h.departmentId,
    department: h.department,
    studioName: h.studioName,
    category: h.category,
    summary: h.summary,
    state: h.state,
    stateLabel: HAND_ON_STATE_LABELS[h.state],
    dueDate: h.dueDate,
    handedAt: h.handedAt,
    ...(h.acknowledgedAt ? { acknowledgedAt: h.acknowledgedAt } : {}),
    ...(h.answeredAt ? { answeredAt: h.answeredAt } : {}),
    overdue: isOverdue(h.state, h.dueDate, now),
  };
}

/** 部门待办: the department's hand-ons, open ones first, soonest due first (pattern 114), a page at a time. */
export async function getDepartmentQueue(deps: SubmissionsDeps, principal: Principal, departmentId: string, query: DepartmentQueueQuery): Promise<DepartmentQueueResponse> {
  const department = await ownDepartment(deps, principal, departmentId);
  const page = await deps.departments.listQueuePage(departmentId, { cursor: query.cursor, limit: QUEUE_PAGE });
  const now = deps.now();
  return { department: department.view, items: page.items.map((h) => handOnViewOf(h, now)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The matter as the liaison handles it: masked text, place, photos, the steps residents see — never the resident's name or phone. */
async function matterView(deps: SubmissionsDeps, s: Submission & { handOn: CurrentHandOn }, events?: SubmissionEvent[]): Promise<LiaisonMatterView> {
  const [timeline, photos] = await Promise.all([events ?? deps.submissions.listEvents(s.id), photoViews(deps, s.photos)]);
  const view = viewOf(s, timeline, 'studio');
  const record = handOnRecordOf(s, s.handOn);
  return {
    ...handOnViewOf(record, deps.now()),
    text: maskPersonalDetails(s.text),
    ...(s.place ? { place: s.place } : {}),
    ...(photos ? { photos } : {}),
    status: s.status,
    timeline: view.timeline,
    allowedSteps: s.status === 'handed_on' ? allowedHandOnSteps(s.handOn.state) : [],
  };
}

export async function getDepartmentMatter(deps: SubmissionsDeps, principal: Principal, departmentId: string, submissionId: string): Promise<LiaisonMatterView> {
  const { s } = await ownMatter(deps, principal, departmentId, submissionId);
  return matterView(deps, s);
}

interface LiaisonStep {
  step: HandOnStep;
  /** The timeline's entry, signed as the department. */
  event: Pick<SubmissionEvent, 'kind' | 'text'>;
  /** The hand-on's and the submission's changes. */
  handOn?: Partial<CurrentHandOn>;
  submission?: Partial<Submission>;
  notices?: (s: Submission, at: string) => NoticeOrder[];
}

/**
 * One step of the liaison on a hand-on: the hand-on's machine says whether it is allowed now (409 with its reason if
 * not), the matter must still be 已交办 (not answered or closed meanwhile); then the submission, its timeline entry,
 * the hand-on's record and the notices are saved in one transaction that holds only if nobody changed the matter since
 * it was read (409 then, nothing changed).
 */
async function takeStep(deps: SubmissionsDeps, principal: Principal, departmentId: string, submissionId: string, build: (s: Submission) => LiaisonStep): Promise<LiaisonMatterView> {
  const { s } = await ownMatter(deps, principal, departmentId, submissionId);
  const plan = build(s);
  const transition = nextHandOnState(s.handOn.state, plan.step);
  if (!transition.ok) throw new ConflictError(transition.reason);
  if (s.status !== 'handed_on') throw new ConflictError('工作室已经答复或办结了这件事，不能再操作');
  const at = deps.now().toISOString();
  const handOn: CurrentHandOn = { ...s.handOn, ...plan.handOn, state: transition.state };
  const next: Submission = { ...s, ...plan.submission, handOn };
  const event: SubmissionEvent = { id: deps.newId(), submissionId: s.id, at, actorId: principal.userId, signedAs: s.handOn.department, ...plan.event };
  const record = handOnRecordOf(s, handOn, OPEN_HAND_ON_STATES.includes(handOn.state) ? {} : { endedAt: at });
  const saved = await deps.submissions.saveChange(next, s.status, [event], undefined, undefined, plan.notices?.(next, at) ?? [], [deps.departments.handOnPut(record)]);
  if (!saved) throw new ConflictError('这件事刚有了变化，请刷新后再试');
  return matterView(deps, { ...next, handOn, version: next.version + 1 });
}

/** The representative who holds the matter (accepted it) is told of the department's result or hand-back. */
function holderNotice(deps: SubmissionsDeps, s: Submission, at: string, status: string): NoticeOrder[] {
  if (!s.handlerId || !s.handOn) return [];
  return [{ to: 'resident', id: `${s.handOn.id}.v${s.version}.department_task`, userId: s.handlerId, noticeId: deps.newId(), createdAt: at, notice: { kind: 'department_task', page: `packageRep/pages/submission/index?id=${s.id}`, data: { department: s.handOn.department, category: s.category, status } } }];
}

/** 签收: the department has the matter (响应 counts from here). */
export function acknowledgeMatter(deps: SubmissionsDeps, principal: Principal, departmentId: string, submissionId: string): Promise<LiaisonMatterView> {
  return takeStep(deps, principal, departmentId, submissionId, (s) => ({ step: 'acknowledge', event: { kind: 'dept_acknowledged', text: `${s.handOn!.department}：已签收` }, handOn: { acknowledgedAt: deps.now().toISOString() } }));
}

/** 办理进展: a milestone on the timeline, signed as the department; the resident is told. */
export function postDepartmentProgress(deps: SubmissionsDeps, principal: Principal, departmentId: string, submissionId: string, request: DepartmentProgressRequest): Promise<LiaisonMatterView> {
  return takeStep(deps, principal, departmentId, submissionId, (s) => ({
    step: 'progress',
    event: { kind: 'dept_progress', text: `${s.handOn!.department}：${request.text}` },
    notices: (next, at) => [...residentStatusNotice(deps, next, at, `${s.handOn!.department}有新进展`), ...secondersNotice(next, at, `${s.handOn!.department}有新进展`)],
  }));
}

/** 办理结果 with photos (checked like a submission's): the representative who holds it is told, and answers the resident. */
export async function postDepartmentResult(deps: SubmissionsDeps, principal: Principal, departmentId: string, submissionId: string, request: DepartmentResultRequest): Promise<LiaisonMatterView> {
  // the state first: a refused step must not attach photos
  const { s } = await ownMatter(deps, principal, departmentId, submissionId);
  const allowed = nextHandOnState(s.handOn.state, 'result');
  if (!allowed.ok) throw new ConflictError(allowed.reason);
  const photos = await checkPhotosOf(deps, principal, request.photos);
  return takeStep(deps, principal, departmentId, submissionId, (current) => ({
    step: 'result',
    event: { kind: 'dept_result', text: `${current.handOn!.department}：${request.text}` },
    handOn: { answeredAt: deps.now().toISOString() },
    submission: photos.length ? { photos: [...(current.photos ?? []), ...photos] } : {},
    notices: (next, at) => holderNotice(deps, next, at, '已反馈办理结果'),
  }));
}

/** 退回: the department hands the matter back with a reason; it goes back to the studio (已受理, 待办理). */
export function handMatterBack(deps: SubmissionsDeps, principal: Principal, departmentId: string, submissionId: string, request: HandBackRequest): Promise<LiaisonMatterView> {
  return takeStep(deps, principal, departmentId, submissionId, (s) => ({
    step: 'hand_back',
    event: { kind: 'dept_returned', text: `${s.handOn!.department}：退回工作室（${request.reason}）` },
    handOn: { returnReason: request.reason },
    submission: { status: 'accepted', department: undefined, departmentDueDate: undefined, departmentId: undefined },
    notices: (next, at) => holderNotice(deps, next, at, `已退回：${request.reason}`),
  }));
}

function residentStatusNotice(deps: SubmissionsDeps, s: Submission, at: string, status: string): NoticeOrder[] {
  if (!s.residentId) return [];
  return [{ to: 'resident', id: `${s.id}.v${s.version}.submission_status`, userId: s.residentId, noticeId: deps.newId(), createdAt: at, notice: { kind: 'submission_status', page: `pages/submission/index?id=${s.id}`, data: { category: s.category, status, studio: s.studioName } } }];
}
