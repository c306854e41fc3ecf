import type { SubmissionView } from '@shared/schemas/submission';
import { isSubmissionOverdue, kpiSubmissionOf, nextStatus } from '@shared/submission/lifecycle';
import { formatChinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { ConflictError, NotFoundError } from '../errors';
import type { NoticeOrder } from '../notices/notice-queue.repository';
import type { SubmissionsDeps } from './deps';
import { dueDateOf, kpiLimits } from './due-dates';
import { step } from './submission-desk.use-case';
import type { Submission } from './submission.repository';
import { residentView } from './submissions.use-case';

/** Who holds a submission: the representative who accepted it, else every representative and admin of its studio. */
async function holdersOf(deps: SubmissionsDeps, s: Submission): Promise<string[]> {
  if (s.handlerId) return [s.handlerId];
  const members = await deps.studios.listMembersOfStudio(s.studioId);
  return members.filter((m) => m.role === 'representative' || m.role === 'admin').map((m) => m.userId);
}

/**
 * 催办 by the resident: once per matter, only after its due date has passed while it still waits for the studio or a
 * department. The step is on the timeline, and whoever holds the matter is told in the same transaction.
 */
export async function chaseMySubmission(deps: SubmissionsDeps, principal: Principal, id: string): Promise<SubmissionView> {
  const s = await deps.submissions.get(id);
  if (!s || s.residentId !== principal.userId) throw new NotFoundError('没有找到这条意见');
  const allowed = nextStatus(s.status, { kind: 'chase' }, s);
  if (!allowed.ok) throw new ConflictError(allowed.reason);
  if (s.chasedAt) throw new ConflictError(`您已在${formatChinaDate(s.chasedAt.slice(0, 10))}催办过了，工作室会尽快办理`);
  const due = dueDateOf(s);
  if (!isSubmissionOverdue(kpiSubmissionOf(s), deps.now(), kpiLimits)) throw new ConflictError(`办理期限是${formatChinaDate(due)}，过了期限还没有答复，才能催办`);
  const holders = await holdersOf(deps, s);
  const notices = (next: Submission, at: string): NoticeOrder[] =>
    holders.map((userId) => ({
      to: 'resident',
      id: `${s.id}.chase.${userId}`,
      userId,
      noticeId: deps.newId(),
      createdAt: at,
      notice: { kind: 'submission_chased', page: `packageRep/pages/submission/index?id=${s.id}`, data: { category: next.category, date: formatChinaDate(due) } },
    }));
  const next = await step(deps, s, { kind: 'chase' }, () => ({ chasedAt: deps.now().toISOString() }), [{ kind: 'chased', actorId: principal.userId, text: `已过办理期限（${formatChinaDate(due)}），居民催办` }], notices);
  deps.metrics.count('SubmissionsChased');
  return residentView(deps, next);
}
