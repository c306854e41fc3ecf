import { CLOSURE_LABELS, type AcceptRequest, type ResolveRequest, type BoardQuery, type BoardResponse, type InboxItemView, type InboxQuery, type InboxResponse, type RateRequest, type ReplyRequest, type RevealedPhoneResponse, type StudioSubmissionView, type SubmissionView } from '@shared/schemas/submission';
import { allowedActions, isSubmissionOverdue, kpiSubmissionOf, nextStatus, RATING_LABELS, type SubmissionAction } from '@shared/submission/lifecycle';
import { maskPersonalDetails } from '@shared/submission/mask';
import { chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import type { BoardItem, Submission, SubmissionEvent } from './submission.repository';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { mayActFor, requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import type { SubmissionsDeps } from './deps';
import { residentView, viewOf } from './submissions.use-case';
import { photoViews } from './photos.use-case';
import { submissionContactAfterStep } from '../privacy/retention';
import type { NoticeOrder } from '../notices/notice-queue.repository';
import { inboxCountsFrom } from './inbox-counts.use-case';
import { kpiLimits } from './due-dates';
import { secondCounts } from './seconds.use-case';
import type { TransactItems } from '../data/dynamodb-client';
import { planHandOn, withdrawOpenHandOn } from '../departments/hand-on.use-case';
import { HAND_ON_STATE_LABELS } from '@shared/submission/hand-on';

/** A submission of the caller's studio; another studio's is simply not found (they learn nothing). */
/** What a grid head is told when a matter is not theirs to handle. */
const NOT_A_GRID_MATTER = '网格员只能受理和办理本网格的小事；大事、私事请交给党代表';

/**
 * The matter a step is taken on, for whoever may take it: the studio's representatives and admin (any of its matters),
 * or a grid head — only a matter raised in their own grid (another is not found: they learn nothing of it), and only
 * as 小事 (`triage`: the one a step would give it; else the one it has). 403 for a 大事 or 私事 of their grid.
 */
export async function handledSubmission(deps: SubmissionsDeps, principal: Principal, id: string, triage?: Submission['triage']): Promise<Submission> {
  if (principal.role !== 'grid_head') return studioSubmission(deps, principal, id);
  const s = await deps.submissions.get(id);
  if (!s || !principal.gridId || s.studioId !== principal.studioId || s.gridId !== principal.gridId) throw new NotFoundError('没有找到这条意见');
  if ((triage ?? s.triage ?? 'minor') !== 'minor') throw new ForbiddenError(NOT_A_GRID_MATTER);
  return s;
}

export async function studioSubmission(deps: SubmissionsDeps, principal: Principal, id: string): Promise<Submission> {
  const submission = await deps.submissions.get(id);
  if (!submission || !mayActFor(principal, submission.studioId, 'serve')) throw new NotFoundError('没有找到这条意见');
  requireStudioRole(principal, submission.studioId, 'answer');
  return submission;
}


const INBOX_PAGE = 30;

/**
 * 待受理 / 办理中 / 已答复 / 已办结: every tab's count and a page of one tab, soonest due first (so the overdue ones come
 * first), `nextCursor` for the next. Two requests, in parallel, whatever the studio's history: the counts item
 * (pattern 67; recounted when it cannot be trusted: inbox-counts.use-case.ts) and one Query of the tab.
 */
export async function getInbox(deps: SubmissionsDeps, principal: Principal, studioId: string, query: InboxQuery): Promise<InboxResponse> {
  requireStudioRole(principal, studioId, 'answer');
  const [stored, page] = await Promise.all([
    deps.submissions.getInboxCounts(studioId),
    deps.submissions.listInboxPage(studioId, query.group, { category: query.category, standId: query.standId, cursor: query.cursor, limit: INBOX_PAGE }),
  ]);
  // a recount (which writes) only once the page was read: a request refused for its cursor changes nothing; the
  // page's 附议 counts (106) at the same time
  const [counts, seconds] = await Promise.all([inboxCountsFrom(deps, studioId, stored), secondCounts(deps, page.items.map((s) => s.id))]);
  const now = deps.now();
  const items = page.items.map((s) => inboxItemOf(s, now, seconds.get(s.id)));
  return { counts, items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** A matter as a line of a list the studio works from (the inbox, a grid's matters): status, due date, overdue now. */
export function inboxItemOf(s: Submission, now: Date, seconds: number | undefined): InboxItemView {
  return {
    id: s.id,
    category: s.category,
    summary: s.text.length > 60 ? `${s.text.slice(0, 60)}…` : s.text,
    status: s.status,
    source: s.source,
    createdAt: s.createdAt,
    dueDate: s.status === 'submitted' ? s.acceptDueDate : (s.departmentDueDate ?? s.replyDueDate),
    overdue: isSubmissionOverdue(kpiSubmissionOf(s), now, kpiLimits),
    ...(s.moreAsked ? { waitingForMore: true } : {}),
    ...(s.urgent && (s.status === 'submitted' ? s.acceptDueAt : s.actDueAt) ? { urgentBy: s.status === 'submitted' ? s.acceptDueAt : s.actDueAt } : {}),
    photoCount: s.photos?.length ?? 0,
    ...(s.venueName ? { venueName: s.venueName } : {}),
    ...(s.standId ? { standId: s.standId } : {}),
    ...(seconds ? { seconds } : {}),
  };
}

export async function studioView(deps: SubmissionsDeps, s: Submission): Promise<StudioSubmissionView> {
  const [events, photos, phones, seconds] = await Promise.all([deps.submissions.listEvents(s.id), photoViews(deps, s.photos), deps.submissions.contactsOf([s], deps.now()), secondCounts(deps, [s.id])]);
  const names = new Map<string, string>();
  for (const id of new Set(events.filter((e) => e.internal && e.actorId).map((e) => e.actorId!))) names.set(id, (await deps.users.getUser(id))?.displayName ?? '工作人员');
  return {
    ...viewOf(s, events, 'studio'),
    ...(photos ? { photos } : {}),
    ...(s.triage ? { triage: s.triage } : {}),
    ...(s.department ? { department: s.department, departmentDueDate: s.departmentDueDate } : {}),
    ...(s.departmentId ? { departmentId: s.departmentId } : {}),
    ...(s.handOn ? { handOn: { id: s.handOn.id, state: s.handOn.state, stateLabel: HAND_ON_STATE_LABELS[s.handOn.state], dueDate: s.handOn.dueDate, ...(s.handOn.returnReason ? { returnReason: s.handOn.returnReason } : {}) } } : {}),
    acceptDueDate: s.acceptDueDate,
    // masked: the whole number only through revealSubmissionPhone, which the audit trail records
    ...(phones.has(s.id) ? { phone: maskPersonalDetails(phones.get(s.id)!) } : {}),
    ...(s.rating ? { rating: s.rating } : {}),
    contentHeld: s.contentVerdict === 'review' && !s.boardApproved,
    ...(s.boardText ? { boardText: s.boardText } : {}),
    notes: events.filter((e) => e.internal).map((e) => ({ at: e.at, by: names.get(e.actorId ?? '') ?? '工作人员', text: e.text ?? '' })),
    allowedActions: allowedActions(s.status, s).filter((a) => a !== 'rate'),
    seconds: seconds.get(s.id) ?? 0,
  };
}

export async function getStudioSubmission(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string): Promise<StudioSubmissionView> {
  if (principal.role !== 'grid_head') requireStudioRole(principal, studioId, 'answer');
  const submission = await handledSubmission(deps, principal, id);
  if (submission.studioId !== studioId) throw new NotFoundError('没有找到这条意见');
  return studioView(deps, submission);
}

/**
 * 显示完整号码: the whole phone number a resident left with a submission, for the studio's representatives — each
 * reveal is recorded (who, which submission) before the number is answered; the number itself is never recorded.
 */
export async function revealSubmissionPhone(deps: SubmissionsDeps, principal: Principal, studioId: string, id: string): Promise<RevealedPhoneResponse> {
  requireStudioRole(principal, studioId, 'answer');
  const submission = await studioSubmission(deps, principal, id);
  if (submission.studioId !== studioId) throw new NotFoundError('没有找到这条意见');
  const phone = (await deps.submissions.contactsOf([submission], deps.now())).get(submission.id);
  if (!phone) throw new NotFoundError('这条意见没有留手机号，或已过保存期限');
  await recordAudit(deps, principal, studioId, 'phone_revealed', `查看意见（${submission.category}，${chinaDate(submission.createdAt)}）留的完整手机号`, submission.id);
  return { phone };
}

/** The board line of a submission, when it may be shown: public, with a public reply, content not held. */
function boardLineOf(s: Submission): BoardItem | undefined {
  if (!s.public || !s.publicReply || (s.contentVerdict === 'review' && !s.boardApproved)) return undefined;
  const repliedAt = s.boardAt!;
  return { id: s.id, studioId: s.studioId, category: s.category, date: chinaDate(s.createdAt), status: s.status, text: maskPersonalDetails(s.boardText ?? s.text), reply: maskPersonalDetails(s.publicReply), repliedAt };
}

/** The notices a step orders, made from the submission after it (`next`; its `version` is still the one read). */
type StepNotices = (next: Submission, at: string) => NoticeOrder[];

/**
 * Applies one step of the closed loop: the lifecycle says whether it is allowed (409 with its reason if not),
 * then the change, its timeline events, the board line and its notices are saved together, only if nobody changed
 * the submission meanwhile (409 then, nothing changed). The notices are delivered afterwards by the notice consumer:
 * the step's latency does not depend on how many are told.
 */
export async function step(deps: SubmissionsDeps, s: Submission, action: SubmissionAction, change: (status: Submission['status']) => Partial<Submission>, events: Omit<SubmissionEvent, 'id' | 'submissionId' | 'at'>[], notices: StepNotices = () => [], also: (next: Submission, at: string) => TransactItems = () => []): Promise<Submission> {
  const transition = nextStatus(s.status, action, s);
  if (!transition.ok) throw new ConflictError(transition.reason);
  const at = deps.now().toISOString();
  // the phone left with it: kept while open, N days once resolved (privacy/retention.ts)
  const contact = submissionContactAfterStep(s, transition.status, at, deps.limits.personalContactRetentionDays);
  const next: Submission = { ...s, ...change(transition.status), status: transition.status, ...contact.fields };
  if (next.publicReply && !next.boardAt) next.boardAt = at;
  const saved = await deps.submissions.saveChange(next, s.status, events.map((e) => ({ ...e, id: deps.newId(), submissionId: s.id, at })), boardLineOf(next), contact.change, notices(next, at), also(next, at));
  if (!saved) throw new ConflictError('这条意见刚被别人处理过，请刷新后再试');
  return { ...next, version: next.version + 1 };
}

/** 受理 with 三事分流: 大事 is handed on to a named department with a due date; a note stays internal. */
export async function acceptSubmission(deps: SubmissionsDeps, principal: Principal, id: string, request: AcceptRequest): Promise<StudioSubmissionView> {
  const s = await handledSubmission(deps, principal, id, request.triage);
  const plan = await planHandOn(deps, principal, s, request);
  const department = plan.departmentName ?? request.department;
  const decision = request.triage === 'major' ? { triage: 'major' as const, department: department!, dueDate: request.dueDate! } : { triage: request.triage };
  const events: Omit<SubmissionEvent, 'id' | 'submissionId' | 'at'>[] = [{ kind: 'accepted', actorId: principal.userId }];
  if (request.triage === 'major') events.push({ kind: 'handed_on', actorId: principal.userId, text: `已交办${department}，办理期限 ${request.dueDate}` });
  if (request.note) events.push({ kind: 'note', actorId: principal.userId, text: request.note, internal: true });
  const next = await step(deps, s, { kind: 'accept', triage: decision }, () => ({
    triage: request.triage,
    acceptedAt: s.acceptedAt ?? deps.now().toISOString(),
    handlerId: s.handlerId ?? principal.userId,
    ...(request.triage === 'major' ? { department, departmentDueDate: request.dueDate } : {}),
    ...plan.fields,
  }), events, (next, at) => [...residentNotice(deps, next, at, 'submission_status', '已受理'), ...(request.triage === 'major' ? secondersNotice(next, at, `已交办${department}`) : []), ...plan.notices(next, at)], plan.also);
  return studioView(deps, next);
}

/** 答复, signed as the studio; a public reply of a public submission goes on the board (personal details masked). */
export async function replyToSubmission(deps: SubmissionsDeps, principal: Principal, id: string, request: ReplyRequest): Promise<StudioSubmissionView> {
  const s = await handledSubmission(deps, principal, id);
  const handOn = withdrawOpenHandOn(deps, s);
  const next = await step(deps, s, { kind: 'reply', public: request.public }, () => ({
    ...handOn.fields,
    firstReplyAt: s.firstReplyAt ?? deps.now().toISOString(),
    ...(request.public ? { publicReply: request.text } : {}),
    ...(request.public && request.boardText ? { boardText: request.boardText } : {}),
  }), [
    { kind: 'replied', actorId: principal.userId, text: request.text },
    ...(request.public && request.boardText ? [{ kind: 'note' as const, actorId: principal.userId, text: `公示原文改写为：${request.boardText}`, internal: true }] : []),
  ], (next, at) => [
    ...residentNotice(deps, next, at, 'submission_replied', '已答复'),
    ...secondersNotice(next, at, '已答复'),
    ...(request.public && boardLineOf(next) ? [followersNotice(next, at)] : []),
  ], handOn.also);
  return studioView(deps, next);
}

/** 办结, saying how (已解决, or without a fix and why); the resident is asked to rate. */
export async function resolveSubmission(deps: SubmissionsDeps, principal: Principal, id: string, request: ResolveRequest): Promise<StudioSubmissionView> {
  const s = await handledSubmission(deps, principal, id);
  const label = CLOSURE_LABELS[request.outcome];
  const next = await step(
    deps,
    s,
    { kind: 'resolve' },
    () => ({ resolvedAt: deps.now().toISOString(), rated: false, closure: request.outcome, ...(request.note ? { closureNote: request.note } : { closureNote: undefined }) }),
    [{ kind: 'resolved', actorId: principal.userId, text: request.note ? `${label}：${request.note}` : label }],
    (next, at) => [...residentNotice(deps, next, at, 'rate_request', request.outcome === 'fixed' ? '已办结，请评价' : `已办结（${label}），请评价`), ...secondersNotice(next, at, `已办结（${label}）`)],
  );
  return studioView(deps, next);
}

/** A representative lets a submission held by the content check appear on the board. */
export async function approveForBoard(deps: SubmissionsDeps, principal: Principal, id: string): Promise<StudioSubmissionView> {
  const s = await studioSubmission(deps, principal, id);
  const next: Submission = { ...s, boardApproved: true, ...(s.publicReply && !s.boardAt ? { boardAt: deps.now().toISOString() } : {}) };
  const note: SubmissionEvent = { id: deps.newId(), submissionId: s.id, at: deps.now().toISOString(), kind: 'note', actorId: principal.userId, text: '准予公示', internal: true };
  if (!(await deps.submissions.saveChange(next, s.status, [note], boardLineOf(next)))) throw new ConflictError('这条意见刚被别人处理过，请刷新后再试');
  return studioView(deps, { ...next, version: next.version + 1 });
}

/** The resident rates a resolved submission once; 不满意 reopens it once, with the reason, back to the representatives. */
export async function rateSubmission(deps: SubmissionsDeps, principal: Principal, id: string, request: RateRequest): Promise<SubmissionView> {
  const s = await deps.submissions.get(id);
  if (!s || s.residentId !== principal.userId) throw new NotFoundError('没有找到这条意见');
  const reopening = request.rating === 'dissatisfied' && !s.reopenedOnce;
  const events: Omit<SubmissionEvent, 'id' | 'submissionId' | 'at'>[] = [{ kind: 'rated', actorId: principal.userId, text: `${RATING_LABELS[request.rating]}${request.comment ? `：${request.comment}` : ''}` }];
  if (reopening) events.push({ kind: 'reopened', actorId: principal.userId, text: request.comment ?? '居民不满意，重新办理' });
  const next = await step(deps, s, { kind: 'rate', rating: request.rating }, () => ({
    rating: request.rating,
    ...(request.comment ? { ratingComment: request.comment } : {}),
    ...(reopening ? { reopenedOnce: true, rated: false } : { rated: true }),
  }), events);
  return residentView(deps, next);
}

const BOARD_PAGE = 30;

/**
 * 公示墙: public submissions with a public reply, newest first, personal details masked, submitters anonymous; a page at
 * a time. The studio (its name; 404 when there is none) and the page are read together.
 */
export async function getBoard(deps: SubmissionsDeps, studioId: string, query: BoardQuery = {}): Promise<BoardResponse> {
  const [studio, page] = await Promise.all([deps.studios.getStudio(studioId), deps.submissions.listBoardPage(studioId, { cursor: query.cursor, limit: BOARD_PAGE })]);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  // 附议 counts of the page's lines (106), one BatchGetItem after the page (none for an empty page)
  const seconds = await secondCounts(deps, page.items.map((b) => b.id));
  return {
    studioName: studio.name,
    items: page.items.map(({ id, category, date, status, text, reply, repliedAt }) => ({ id, category, date, status, text, reply, repliedAt, ...(seconds.get(id) ? { seconds: seconds.get(id) } : {}) })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * The studio's followers hear that its board has a new answer (not the resident who raised it: they heard already) —
 * one fan-out request in the step's transaction, whatever the number of followers; the consumer expands it.
 */
function followersNotice(s: Submission, at: string): NoticeOrder {
  return {
    to: 'audience',
    id: `${s.id}.v${s.version}.board_update`,
    audience: { kind: 'followers', studioId: s.studioId, ...(s.residentId ? { except: s.residentId } : {}) },
    notice: { kind: 'board_update', page: `pages/board/index?studioId=${s.studioId}`, data: { studio: s.studioName, category: s.category } },
    createdAt: at,
  };
}

/**
 * The residents who 附议'd a public matter hear of its milestones (交办, 进展, 答复, 办结) — one fan-out request in the
 * step's transaction, whatever their number; the consumer reads who they are (127). A private matter has none.
 */
export function secondersNotice(s: Submission, at: string, status: string): NoticeOrder[] {
  if (!s.public) return [];
  return [
    {
      to: 'audience',
      id: `${s.id}.v${s.version}.seconded_update`,
      audience: { kind: 'seconders', submissionId: s.id },
      notice: { kind: 'seconded_update', page: 'packageResident/pages/seconds/index', data: { category: s.category, status } },
      createdAt: at,
    },
  ];
}

/** The resident's own notice of a step (none for 代填 without an account); its id names the step (the version read). */
export function residentNotice(deps: SubmissionsDeps, s: Submission, at: string, kind: 'submission_status' | 'submission_replied' | 'rate_request', status: string): NoticeOrder[] {
  if (!s.residentId) return [];
  return [
    {
      to: 'resident',
      id: `${s.id}.v${s.version}.${kind}`,
      userId: s.residentId,
      noticeId: deps.newId(),
      createdAt: at,
      notice: { kind, page: `pages/submission/index?id=${s.id}`, data: { category: s.category, status, studio: s.studioName } },
    },
  ];
}
