import type { MySecondsQuery, MySecondsResponse, SecondResponse, SimilarQuery, SimilarResponse, SubmissionStatus } from '@shared/schemas/submission';
import { maskPersonalDetails } from '@shared/submission/mask';
import { mostSimilar } from '@shared/submission/similarity';
import { addDays, chinaDate, monthsBetween } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError } from '../errors';
import { limitAttempts } from '../auth/sessions';
import type { SubmissionsDeps } from './deps';
import type { Submission } from './submission.repository';

/** Matters a resident may still say "me too" to: open or answered, not yet closed (办结). */
export const SECONDABLE_STATUSES: readonly SubmissionStatus[] = ['submitted', 'accepted', 'handed_on', 'replied', 'reopened'];
/** How far back the hint looks. */
export const SIMILAR_WITHIN_DAYS = 90;
const TEXT_SHOWN = 80;
/** The page asks after a pause in typing: this many a minute is far more than a person types, and bounds the month Queries. */
export const SIMILAR_PER_MINUTE = 20;

/** May another resident see this matter at all: public, and not held by the content check. */
const isPublicMatter = (s: Submission) => s.public && !(s.contentVerdict === 'review' && !s.boardApproved);

/** A matter as another resident may read it: masked, its text cut to 80 characters, no one's name. */
function matterView(s: Submission, seconds: number) {
  const text = maskPersonalDetails(s.text);
  return { id: s.id, category: s.category, text: text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN)}…` : text, status: s.status, date: chinaDate(s.createdAt), seconds };
}

/** How many residents seconded each matter (one BatchGetItem, pattern 106; none when there are no ids). */
export async function secondCounts(deps: Pick<SubmissionsDeps, 'batch' | 'seconds'>, ids: readonly string[], consistent = false): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const read = await deps.batch.read(Object.fromEntries(ids.map((id, i) => [`c${i}`, deps.seconds.countRead(id)])), { consistent });
  return new Map(ids.map((id, i) => [id, (read[`c${i}`] as number | undefined) ?? 0]));
}

/**
 * 这些事已经有人反映过: before a resident submits, up to 3 matters of the same studio like the one being typed.
 * Input: what is typed (its category and place if chosen). Output: the matters, masked, with their 附议 counts.
 * Steps: count the caller's request (20 a minute, then 429: the page shows no hint) · Query the month index (42) for the months of the last 90 days, in parallel (pattern 104: a few months of one
 * studio, never a Scan) · keep those another resident may see (public, not held, open or answered, not the caller's
 * own) · score them (shared/src/submission/similarity.ts) · for the best 3, one BatchGetItem of their counts and of
 * whether the caller seconded them (106, 108). Nothing private leaves: only public matters, their text masked.
 */
export async function listSimilarSubmissions(deps: SubmissionsDeps, principal: Principal, studioId: string, query: SimilarQuery): Promise<SimilarResponse> {
  await limitAttempts(deps, `similar#${principal.userId}`, SIMILAR_PER_MINUTE, 60, '查得太频繁了，请稍后再试');
  const now = deps.now();
  const since = addDays(chinaDate(now), -SIMILAR_WITHIN_DAYS);
  const months = monthsBetween(since.slice(0, 7), chinaDate(now).slice(0, 7));
  const recent = (await Promise.all(months.map((m) => deps.submissions.listOfStudioMonth(studioId, m)))).flat();
  const candidates = recent.filter((s) => chinaDate(s.createdAt) >= since && isPublicMatter(s) && SECONDABLE_STATUSES.includes(s.status) && s.residentId !== principal.userId);
  const best = mostSimilar({ text: query.text, category: query.category, place: query.place }, candidates, 3).map((m) => m.matter);
  if (best.length === 0) return { items: [] };
  const read = await deps.batch.read(Object.fromEntries(best.flatMap((s, i) => [[`c${i}`, deps.seconds.countRead(s.id)], [`m${i}`, deps.seconds.secondRead(s.id, principal.userId)]])));
  return {
    items: best.map((s, i) => ({ ...matterView(s, (read[`c${i}`] as number | undefined) ?? 0), secondedByMe: read[`m${i}`] !== undefined })),
  };
}

/**
 * 附议: a signed-in resident says they have the same matter, instead of raising it again.
 * Rules: another resident's public matter (a private one, or one that does not exist, is not found — nobody learns it
 * is there); not the author's own (409); only while open or answered (409 once closed). Once per resident: a second
 * tap, or two taps at once, answer the same count without counting twice (the transaction of pattern 105).
 */
export async function secondSubmission(deps: SubmissionsDeps, principal: Principal, id: string): Promise<SecondResponse> {
  const s = await deps.submissions.get(id);
  if (!s || !isPublicMatter(s)) throw new NotFoundError('没有找到这件事');
  if (s.residentId === principal.userId) throw new ConflictError('这是您自己反映的事，不用附议');
  if (!SECONDABLE_STATUSES.includes(s.status)) throw new ConflictError('这件事已经办结，不能再附议了；如有新情况请另行提交');
  const outcome = await deps.seconds.second({ submissionId: s.id, studioId: s.studioId, userId: principal.userId, at: deps.now().toISOString() }, SECONDABLE_STATUSES);
  if (outcome === 'not-open') throw new ConflictError('这件事刚刚办结，不能再附议了；如有新情况请另行提交');
  const counts = await secondCounts(deps, [s.id], true);
  return { submissionId: s.id, seconds: counts.get(s.id) ?? 0, secondedByMe: true };
}

const MY_SECONDS_PAGE = 20;

/**
 * 我附议的事: the matters the caller seconded, newest first, a page at a time, as they stand now — status, count and
 * the public reply (masked), so a seconder follows the matter like its author. A page of Seconds (107), then one
 * BatchGetItem of their submissions and counts (106).
 */
export async function listMySeconds(deps: SubmissionsDeps, principal: Principal, query: MySecondsQuery): Promise<MySecondsResponse> {
  const page = await deps.seconds.listOfUserPage(principal.userId, { cursor: query.cursor, limit: MY_SECONDS_PAGE });
  const read: Record<string, unknown> = page.items.length
    ? await deps.batch.read(Object.fromEntries(page.items.flatMap((s, i) => [[`s${i}`, deps.submissions.submissionRead(s.submissionId)], [`c${i}`, deps.seconds.countRead(s.submissionId)]])))
    : {};
  const items = page.items.flatMap((second, i) => {
    const s = read[`s${i}`] as Submission | undefined;
    if (!s) return [];
    return [{ ...matterView(s, (read[`c${i}`] as number | undefined) ?? 0), secondedAt: second.at, ...(s.publicReply && isPublicMatter(s) ? { reply: maskPersonalDetails(s.publicReply) } : {}) }];
  });
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
