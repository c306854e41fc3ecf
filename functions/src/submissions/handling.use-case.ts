import type { AcceptRequest, ProgressRequest, StudioSubmissionView, SubmissionView } from '@shared/schemas/submission';
import { AWAITING_STUDIO_STATUSES, nextStatus, TRIAGE_LABELS, type SubmissionAction } from '@shared/submission/lifecycle';
import { planHandOn } from '../departments/hand-on.use-case';
import { formatChinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError } from '../errors';
import type { SubmissionsDeps } from './deps';
import { handledSubmission, residentNotice, secondersNotice, step, studioSubmission, studioView } from './submission-desk.use-case';
import type { Submission, SubmissionEvent } from './submission.repository';
import { residentView } from './submissions.use-case';

type NewEvent = Omit<SubmissionEvent, 'id' | 'submissionId' | 'at'>;

/**
 * 重新分流 after acceptance: hand a matter on to another department or with another due date (大事), or take it back
 * as 小事/私事 for the representatives. The lifecycle says when (accepted, handed on, reopened); the resident sees the
 * step and is told.
 */
export async function triageSubmission(deps: SubmissionsDeps, principal: Principal, id: string, request: AcceptRequest): Promise<StudioSubmissionView> {
  const s = await studioSubmission(deps, principal, id);
  // refused steps change nothing: the lifecycle is asked before a hand-on is planned
  const checked = nextStatus(s.status, { kind: 'triage', triage: request.triage, department: request.department ?? request.departmentId ?? '', dueDate: request.dueDate ?? '' } as SubmissionAction, s);
  if (!checked.ok) throw new ConflictError(checked.reason);
  const plan = await planHandOn(deps, principal, s, request);
  const department = plan.departmentName ?? request.department;
  const decision = request.triage === 'major' ? { triage: 'major' as const, department: department!, dueDate: request.dueDate! } : { triage: request.triage };
  const events: NewEvent[] = [
    request.triage === 'major'
      ? { kind: 'handed_on', actorId: principal.userId, text: `${s.department && s.department !== department ? `改交${department}（原为${s.department}）` : `交办${department}`}，办理期限 ${formatChinaDate(request.dueDate!)}` }
      : { kind: 'note', actorId: principal.userId, text: `改为${TRIAGE_LABELS[request.triage]}，由党代表办理` },
  ];
  if (request.note) events.push({ kind: 'note', actorId: principal.userId, text: request.note, internal: true });
  const next = await step(
    deps,
    s,
    { kind: 'triage', ...decision },
    (): Partial<Submission> => ({ triage: request.triage, department: request.triage === 'major' ? department : undefined, departmentDueDate: request.triage === 'major' ? request.dueDate : undefined, ...plan.fields }),
    events,
    (next, at) => [...residentNotice(deps, next, at, 'submission_status', request.triage === 'major' ? `已交办${department}` : '由党代表办理'), ...(request.triage === 'major' ? secondersNotice(next, at, `已交办${department}`) : []), ...plan.notices(next, at)],
    plan.also,
  );
  return studioView(deps, next);
}

/** The statuses in which work goes on and its progress can be posted. */
const IN_HAND: readonly Submission['status'][] = ['accepted', 'handed_on', 'reopened'];

/**
 * 办理进展: a milestone of the work (已现场查看, 已报修, 施工中 …) on the timeline, signed as the studio, and told to the
 * resident — without answering the matter (that is 答复). Only while it is in hand.
 */
export async function postProgress(deps: SubmissionsDeps, principal: Principal, id: string, request: ProgressRequest): Promise<StudioSubmissionView> {
  const s = await handledSubmission(deps, principal, id);
  if (!IN_HAND.includes(s.status)) throw new ConflictError(s.status === 'submitted' ? '还没有受理，不能发布进展' : '已经答复了，请用补充答复');
  const at = deps.now().toISOString();
  const event: SubmissionEvent = { id: deps.newId(), submissionId: s.id, at, kind: 'progress', actorId: principal.userId, text: request.text };
  const notices = [...residentNotice(deps, s, at, 'submission_status', '有新进展'), ...secondersNotice(s, at, `有新进展：${request.text.slice(0, 20)}`)];
  if (!(await deps.submissions.saveChange(s, s.status, [event], undefined, undefined, notices))) throw new ConflictError('这条意见刚被别人处理过，请刷新后再试');
  return studioView(deps, { ...s, version: s.version + 1 });
}

/**
 * 需补充: the studio asks the resident for more (a place, a time, a photo described …) while the matter is open. The
 * question is on the resident's timeline and told to them; the matter waits for their answer (`moreAsked`) without
 * changing its status. Only a matter with a resident's account can be asked.
 */
export async function askForMore(deps: SubmissionsDeps, principal: Principal, id: string, request: { question: string }): Promise<StudioSubmissionView> {
  const s = await studioSubmission(deps, principal, id);
  if (!s.residentId) throw new ConflictError('这条意见是代填的，居民收不到小程序的消息，请电话联系');
  if (!AWAITING_STUDIO_STATUSES.includes(s.status)) throw new ConflictError('已经答复或办结了，不能再请居民补充');
  if (s.moreAsked) throw new ConflictError('已经请居民补充了，请等居民回复');
  const at = deps.now().toISOString();
  const next: Submission = { ...s, moreAsked: { question: request.question, at } };
  const event: SubmissionEvent = { id: deps.newId(), submissionId: s.id, at, kind: 'more_asked', actorId: principal.userId, text: request.question };
  if (!(await deps.submissions.saveChange(next, s.status, [event], undefined, undefined, residentNotice(deps, s, at, 'submission_status', '需要您补充情况')))) throw new ConflictError('这条意见刚被别人处理过，请刷新后再试');
  return studioView(deps, { ...next, version: next.version + 1 });
}

/** The resident answers 需补充: their words go on the timeline, and the matter no longer waits for them. */
export async function addMore(deps: SubmissionsDeps, principal: Principal, id: string, request: { text: string }): Promise<SubmissionView> {
  const s = await deps.submissions.get(id);
  if (!s || s.residentId !== principal.userId) throw new NotFoundError('没有找到这条意见');
  if (!s.moreAsked) throw new ConflictError('工作室没有请您补充，不需要补充');
  const at = deps.now().toISOString();
  const next: Submission = { ...s, moreAsked: undefined };
  const event: SubmissionEvent = { id: deps.newId(), submissionId: s.id, at, kind: 'more_added', actorId: principal.userId, text: request.text };
  if (!(await deps.submissions.saveChange(next, s.status, [event]))) throw new ConflictError('这条意见刚有了变化，请刷新后再补充');
  return residentView(deps, { ...next, version: next.version + 1 });
}
