import { CLOSURE_LABELS, type MySubmissionsQuery, type MySubmissionsResponse, type SubmissionView, type SubmitRequest } from '@shared/schemas/submission';
import { missingYearsTouched, weekendsOnlyNote, yearsAround } from '@shared/submission/holiday-years';
import { addWorkingDays } from '@shared/submission/working-days';
import { URGENT_HOURS } from '@shared/submission/lifecycle';
import { limitsOf } from '../studio/submission-settings.use-case';
import type { Principal } from '../auth/session-tokens';
import type { Submission, SubmissionEvent } from './submission.repository';
import { NotFoundError, RateLimitedError, UnprocessableError, ValidationError } from '../errors';
import type { QuotaWindow } from '../data/rate-limit.repository';
import type { SubmissionsDeps } from './deps';
import { fingerprintOf } from '../data/codes';
import { checkPhotosOf, photoViews } from './photos.use-case';
import { chaseStateOf } from './due-dates';

const REQUEST_KEY_TTL_SECONDS = 2 * 86_400;
const HOUR = 3_600_000;

/** A resident may submit this many in ten minutes, and this many in a China calendar day (staff's 代填 is not limited). */
export const SUBMISSIONS_PER_10_MINUTES = 5;
export const SUBMISSIONS_PER_DAY = 20;
const CHINA_OFFSET_SECONDS = 8 * 3600;

function submissionQuotas(userId: string, now: Date): QuotaWindow[] {
  const seconds = Math.floor(now.getTime() / 1000);
  const tenMinutes = Math.floor(seconds / 600);
  const chinaDay = Math.floor((seconds + CHINA_OFFSET_SECONDS) / 86_400);
  return [
    { key: `submit#${userId}#10m#${tenMinutes}`, limit: SUBMISSIONS_PER_10_MINUTES, endsAt: (tenMinutes + 1) * 600 },
    { key: `submit#${userId}#day#${chinaDay}`, limit: SUBMISSIONS_PER_DAY, endsAt: (chinaDay + 1) * 86_400 - CHINA_OFFSET_SECONDS },
  ];
}

/**
 * A resident submits a suggestion or complaint.
 * Steps: one read (BatchGetItem) of the studio, its settings, the stand and the resident's openid · the studio,
 * category and stand are real · each photo is the caller's own upload, there, ≤ 5 MB and really an image (photos.ts) ·
 * the text passes the content check (risky: refused, naming the field; review: kept, but off the public board) ·
 * deadlines from the category's working-day limits · one transaction stores it with its first timeline event, the
 * retry key, the quotas and the studio's inbox count · the answer is made from what was written (no read back). A
 * retry returns the same one (read then); the same key with another body is 422. Two requests when it goes through.
 */
export async function submit(deps: SubmissionsDeps, principal: Principal, request: SubmitRequest): Promise<SubmissionView> {
  const { requestId, studioId, ...fields } = request;
  const stored = await storeNewSubmission(deps, principal, studioId, fields, { source: 'resident', residentId: principal.userId }, requestId);
  if (!stored.created) return getMySubmission(deps, principal, stored.id);
  return residentViewOf(deps, stored.created.submission, [stored.created.first]);
}

/** What a new submission says, whoever enters it. */
export type NewSubmissionFields = Pick<SubmitRequest, 'standId' | 'category' | 'text' | 'place' | 'gridId' | 'photos' | 'public' | 'urgent' | 'phone' | 'phoneConsent'>;
/** Who it comes from: the resident's own phone, or staff entering it for a resident without one (代填). */
export type SubmissionOrigin = { source: 'resident'; residentId: string } | { source: 'on_behalf'; sourceNote: string; enteredBy: string };

/** A stored submission: its id, and what was written when this request wrote it (not when it was a retry). */
export type StoredSubmission = { id: string; created?: { submission: Submission; first: SubmissionEvent } };

/**
 * The rules every new submission is held to, then the one transaction that stores it (with its first timeline step
 * and the retry key). Returns its id and what it wrote — only the id when the same `requestId` comes again with the
 * same body (the one stored the first time); 422 when it comes with another body.
 */
export async function storeNewSubmission(deps: SubmissionsDeps, principal: Principal, studioId: string, fields: NewSubmissionFields, origin: SubmissionOrigin, requestId: string): Promise<StoredSubmission> {
  const fingerprint = fingerprintOf({ studioId, ...fields, ...(origin.source === 'on_behalf' ? { sourceNote: origin.sourceNote } : {}) });
  const years = yearsAround(deps.now());
  const { studio, settings, stand, grid, openid, thisYear, nextYear } = await deps.batch.read({
    studio: deps.studios.studioRead(studioId),
    settings: deps.studios.submissionSettingsRead(studioId),
    thisYear: deps.holidayCalendars.yearRead(years[0]),
    nextYear: deps.holidayCalendars.yearRead(years[1]),
    stand: fields.standId ? deps.stands.standRead(fields.standId) : undefined,
    grid: fields.gridId ? deps.grids.gridRead(studioId, fields.gridId) : undefined,
    openid: deps.users.openidRead(principal.userId),
  });
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  const limits = limitsOf(settings, fields.category, { years, entries: [thisYear, nextYear] });
  if (!limits) throw new ValidationError({ category: '请选择列表中的类别' });
  if (fields.standId && (!stand || stand.studioId !== studio.id)) throw new ValidationError({ standId: '这个服务点不属于该工作室' });
  if (fields.gridId && !grid) throw new ValidationError({ gridId: '请从列表中选择网格' });
  const photos = await checkPhotosOf(deps, principal, fields.photos);

  const verdict = await deps.contentCheck.check([fields.text, fields.place].filter(Boolean).join('\n'), { openid });
  if (verdict === 'risky') throw new ValidationError({ text: '内容里有不适宜的词语，请修改后再提交' });

  const now = deps.now();
  const replyDueDate = addWorkingDays(now, limits.replyDays, limits.calendar);
  // a deadline that reaches into a year without its national calendar counts weekends only, and says so
  const weekendsOnly = missingYearsTouched(now, replyDueDate, limits.missingYears);
  const submission: Submission = {
    id: deps.newId(),
    studioId: studio.id,
    studioName: studio.name,
    ...(stand ? { standId: stand.id, venueName: stand.venueName } : {}),
    ...origin,
    category: fields.category,
    text: fields.text,
    ...(fields.place ? { place: fields.place } : {}),
    ...(grid ? { gridId: grid.id, gridName: grid.name } : {}),
    ...(photos.length ? { photos } : {}),
    public: fields.public,
    ...(fields.phone ? { phone: fields.phone } : {}),
    contentVerdict: verdict,
    status: 'submitted',
    createdAt: now.toISOString(),
    acceptDueDate: addWorkingDays(now, limits.acceptDays, limits.calendar),
    replyDueDate,
    ...(weekendsOnly.length ? { weekendsOnlyYears: weekendsOnly } : {}),
    ...(fields.urgent
      ? { urgent: true, acceptDueAt: new Date(now.getTime() + URGENT_HOURS.accept * HOUR).toISOString(), actDueAt: new Date(now.getTime() + URGENT_HOURS.act * HOUR).toISOString() }
      : {}),
    version: 1,
    reopenedOnce: false,
    rated: false,
  };
  const first: SubmissionEvent = {
    id: deps.newId(),
    submissionId: submission.id,
    kind: 'submitted',
    at: submission.createdAt,
    actorId: principal.userId,
    ...(origin.source === 'on_behalf' ? { text: `代填（${origin.sourceNote}）` } : {}),
  };
  const quotas = origin.source === 'resident' ? submissionQuotas(principal.userId, now) : [];
  const outcome = await deps.submissions.create(submission, first, { actorId: principal.userId, requestId, fingerprint, requestTtl: Math.floor(now.getTime() / 1000) + REQUEST_KEY_TTL_SECONDS, quotas });
  if (outcome.kind === 'over-quota') {
    const retryAfter = Math.max(1, outcome.window.endsAt - Math.floor(now.getTime() / 1000));
    throw new RateLimitedError(outcome.window === quotas[0] ? '提交太频繁了，请过一会儿再提交' : '今天提交的意见已经很多了，请明天再提交', retryAfter);
  }
  if (outcome.kind === 'replayed' && outcome.fingerprint !== fingerprint) throw new UnprocessableError('这个请求编号已用于另一条意见，请刷新后重试');
  if (outcome.kind === 'replayed') return { id: outcome.submissionId };
  deps.metrics.count('Submissions');
  if (verdict === 'review') deps.metrics.count('ContentChecksHeld');
  return { id: submission.id, created: { submission, first } };
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
  chased: '催办',
  escalated: '超期上报',
  progress: '办理进展',
  dept_acknowledged: '部门签收',
  dept_progress: '办理进展',
  dept_result: '办理结果',
  dept_returned: '部门退回',
  more_asked: '需补充',
  more_added: '居民补充',
  consulted: '议事协商',
};

/**
 * Who a step is signed by. The resident's own steps (submitting, rating, reopening by 不满意) read 您 to the resident and
 * 居民 to the studio; a paper form entered by staff reads 工作人员代填; every other step is the studio's, signed with
 * its name (residents never see a person's name).
 */
function signatureOf(s: Submission, e: SubmissionEvent, viewer: 'resident' | 'studio'): string {
  if (e.signedAs) return e.signedAs;
  if (e.kind === 'submitted' && s.source === 'on_behalf') return '工作人员代填';
  const byResident = e.kind === 'submitted' || e.kind === 'rated' || (e.actorId !== undefined && e.actorId === s.residentId);
  if (byResident) return viewer === 'resident' ? '您' : '居民';
  return s.studioName;
}

export function viewOf(s: Submission, events: SubmissionEvent[], viewer: 'resident' | 'studio' = 'resident'): SubmissionView {
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
    ...(s.gridName ? { gridName: s.gridName } : {}),
    public: s.public,
    status: s.status,
    createdAt: s.createdAt,
    replyDueDate: s.replyDueDate,
    ...(s.weekendsOnlyYears?.length ? { dueDateNote: weekendsOnlyNote(s.weekendsOnlyYears) } : {}),
    ...(s.urgent && s.acceptDueAt && s.actDueAt ? { urgent: { acceptBy: s.acceptDueAt, actBy: s.actDueAt } } : {}),
    ...(s.rating ? { rating: s.rating } : {}),
    ...(s.moreAsked ? { moreAsked: s.moreAsked } : {}),
    ...(s.status === 'resolved' && s.closure ? { closure: { outcome: s.closure, label: CLOSURE_LABELS[s.closure], ...(s.closureNote ? { note: s.closureNote } : {}) } } : {}),
    canRate: s.status === 'resolved' && !s.rated && s.source === 'resident',
    // Residents see what happened and when, signed by the studio — never a person's name, never internal notes.
    timeline: events
      .filter((e) => !e.internal)
      .map((e) => ({ kind: EVENT_LABELS[e.kind], at: e.at, by: signatureOf(s, e, viewer), ...(e.text ? { text: e.text } : {}) })),
  };
}

/** One of the caller's own submissions with its timeline; anyone else's is simply not found. */
export async function getMySubmission(deps: SubmissionsDeps, principal: Principal, id: string): Promise<SubmissionView> {
  const submission = await deps.submissions.get(id);
  if (!submission || submission.residentId !== principal.userId) throw new NotFoundError('没有找到这条意见');
  return residentView(deps, submission);
}

/** What the resident sees of their submission: the view, its timeline and its photos (signed addresses). */
export async function residentView(deps: SubmissionsDeps, submission: Submission): Promise<SubmissionView> {
  return residentViewOf(deps, submission, await deps.submissions.listEvents(submission.id));
}

async function residentViewOf(deps: SubmissionsDeps, submission: Submission, events: SubmissionEvent[]): Promise<SubmissionView> {
  const photos = await photoViews(deps, submission.photos);
  return { ...viewOf(submission, events), ...chaseStateOf(submission, deps.now()), ...(photos ? { photos } : {}) };
}

const MY_SUBMISSIONS_PAGE = 30;

/** 我的意见: the caller's submissions, newest first, a page at a time (`cursor`). */
export async function listMySubmissions(deps: SubmissionsDeps, principal: Principal, query: MySubmissionsQuery = {}): Promise<MySubmissionsResponse> {
  const page = await deps.submissions.listOfResidentPage(principal.userId, { cursor: query.cursor, limit: MY_SUBMISSIONS_PAGE });
  return {
    submissions: page.items.map((s) => {
      const { timeline: _timeline, ...rest } = viewOf(s, []);
      return rest;
    }),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
