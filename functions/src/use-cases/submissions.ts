import { type MySubmissionsResponse, type SubmissionView, type SubmitRequest } from '@shared/schemas/submission';
import { addWorkingDays } from '@shared/submission/working-days';
import { limitsOf } from './submission-settings';
import type { Principal } from '../auth/session-tokens';
import type { Submission, SubmissionEvent } from '../data/submission.repository';
import { NotFoundError, UnprocessableError, ValidationError } from '../errors';
import type { Deps } from './deps';
import { fingerprintOf } from './codes';
import { checkPhotosOf, photoViews } from './photos';

const REQUEST_KEY_TTL_SECONDS = 2 * 86_400;

/**
 * A resident submits a suggestion or complaint.
 * Steps: the studio, category and stand are real · each photo is the caller's own upload, there, ≤ 5 MB and
 * really an image (photos.ts) · the text passes the content check (risky: refused, naming
 * the field; review: kept, but off the public board) · deadlines from the category's working-day limits ·
 * one transaction stores it with its first timeline event and the retry key (a retry returns the same one; the
 * same key with another body is 422).
 */
export async function submit(deps: Deps, principal: Principal, request: SubmitRequest): Promise<SubmissionView> {
  const { requestId, ...body } = request;
  const fingerprint = fingerprintOf(body);
  const studio = await deps.studios.getStudio(request.studioId);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  const limits = await limitsOf(deps, studio.id, request.category);
  if (!limits) throw new ValidationError({ category: '请选择列表中的类别' });
  const stand = request.standId ? await deps.stands.getStand(request.standId) : undefined;
  if (request.standId && (!stand || stand.studioId !== studio.id)) throw new ValidationError({ standId: '这个服务点不属于该工作室' });
  const photos = await checkPhotosOf(deps, principal, request.photos);

  const verdict = await deps.contentCheck.check([request.text, request.place].filter(Boolean).join('\n'), { openid: await deps.users.findOpenidOfUser(principal.userId) });
  if (verdict === 'risky') throw new ValidationError({ text: '内容里有不适宜的词语，请修改后再提交' });

  const now = deps.now();
  const submission: Submission = {
    id: deps.newId(),
    studioId: studio.id,
    studioName: studio.name,
    ...(stand ? { standId: stand.id, venueName: stand.venueName } : {}),
    residentId: principal.userId,
    source: 'resident',
    category: request.category,
    text: request.text,
    ...(request.place ? { place: request.place } : {}),
    ...(photos.length ? { photos } : {}),
    public: request.public,
    ...(request.phone ? { phone: request.phone } : {}),
    contentVerdict: verdict,
    status: 'submitted',
    createdAt: now.toISOString(),
    acceptDueDate: addWorkingDays(now, limits.acceptDays, limits.calendar),
    replyDueDate: addWorkingDays(now, limits.replyDays, limits.calendar),
    version: 1,
    reopenedOnce: false,
    rated: false,
  };
  const first: SubmissionEvent = { id: deps.newId(), submissionId: submission.id, kind: 'submitted', at: submission.createdAt, actorId: principal.userId };
  const outcome = await deps.submissions.create(submission, first, { actorId: principal.userId, requestId, fingerprint, requestTtl: Math.floor(now.getTime() / 1000) + REQUEST_KEY_TTL_SECONDS });
  if (outcome.kind === 'replayed' && outcome.fingerprint !== fingerprint) throw new UnprocessableError('这个请求编号已用于另一条意见，请刷新后重试');
  return getMySubmission(deps, principal, outcome.kind === 'replayed' ? outcome.submissionId : submission.id);
}

const EVENT_LABELS: Record<SubmissionEvent['kind'], string> = {
  submitted: '已提交',
  accepted: '已受理',
  handed_on: '已交办',
  replied: '已答复',
  resolved: '已办结',
  rated: '已评价',
  reopened: '重新办理',
  note: '备注',
};

export function viewOf(s: Submission, events: SubmissionEvent[]): SubmissionView {
  return {
    id: s.id,
    studioId: s.studioId,
    studioName: s.studioName,
    ...(s.standId ? { standId: s.standId } : {}),
    ...(s.venueName ? { venueName: s.venueName } : {}),
    source: s.source,
    category: s.category,
    text: s.text,
    ...(s.place ? { place: s.place } : {}),
    public: s.public,
    status: s.status,
    createdAt: s.createdAt,
    replyDueDate: s.replyDueDate,
    ...(s.rating ? { rating: s.rating } : {}),
    canRate: s.status === 'resolved' && !s.rated && s.source === 'resident',
    // Residents see what happened and when, signed by the studio — never a person's name, never internal notes.
    timeline: events
      .filter((e) => !e.internal)
      .map((e) => ({ kind: EVENT_LABELS[e.kind], at: e.at, by: e.kind === 'submitted' ? (s.source === 'on_behalf' ? '工作人员代填' : '您') : s.studioName, ...(e.text ? { text: e.text } : {}) })),
  };
}

/** One of the caller's own submissions with its timeline; anyone else's is simply not found. */
export async function getMySubmission(deps: Deps, principal: Principal, id: string): Promise<SubmissionView> {
  const submission = await deps.submissions.get(id);
  if (!submission || submission.residentId !== principal.userId) throw new NotFoundError('没有找到这条意见');
  return residentView(deps, submission);
}

/** What the resident sees of their submission: the view, its timeline and its photos (signed addresses). */
export async function residentView(deps: Deps, submission: Submission): Promise<SubmissionView> {
  const [events, photos] = await Promise.all([deps.submissions.listEvents(submission.id), photoViews(deps, submission.photos)]);
  return { ...viewOf(submission, events), ...(photos ? { photos } : {}) };
}

/** 我的意见: the caller's submissions, newest first. */
export async function listMySubmissions(deps: Deps, principal: Principal): Promise<MySubmissionsResponse> {
  const submissions = await deps.submissions.listOfResident(principal.userId);
  return { submissions: submissions.map((s) => {
    const { timeline: _timeline, ...rest } = viewOf(s, []);
    return rest;
  }) };
}
