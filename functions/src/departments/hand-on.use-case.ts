import type { AcceptRequest } from '@shared/schemas/submission';
import { OPEN_HAND_ON_STATES } from '@shared/submission/hand-on';
import { maskPersonalDetails } from '@shared/submission/mask';
import type { Principal } from '../auth/session-tokens';
import type { TransactItems } from '../data/dynamodb-client';
import type { NoticeOrder } from '../notices/notice-queue.repository';
import type { SubmissionsDeps } from '../submissions/deps';
import type { CurrentHandOn, Submission } from '../submissions/submission-items';
import type { HandOnRecord } from './department.repository';
import { departmentToHandOnTo, type HandOnTarget } from './departments.use-case';

/**
 * What an accept or a re-sort (重新分流) does to hand-ons, decided before the step is saved:
 * - a 大事 to a department of the list starts a new hand-on (its own due date) and tells the department's liaisons;
 * - the hand-on still open, if any, is withdrawn (已收回) whatever the new triage — another department, a new due
 *   date, or taken back as 小事/私事;
 * - a 大事 named in free text (older data, a unit not on the list) starts none: nobody is told, as before.
 */
export interface HandOnPlan {
  /** The department's name as the matter keeps it (for display), when the list's department is chosen. */
  departmentName?: string;
  /** The submission's fields: the new current hand-on, or none. */
  fields: Pick<Submission, 'departmentId' | 'handOn'>;
  /** The records written in the step's transaction, and the liaisons' notices. */
  also: (next: Submission, at: string) => TransactItems;
  notices: (next: Submission, at: string) => NoticeOrder[];
}

const summaryOf = (s: Submission) => maskPersonalDetails(s.text.length > 60 ? `${s.text.slice(0, 60)}…` : s.text);

export function handOnRecordOf(s: Submission, h: CurrentHandOn, extra: Partial<HandOnRecord> = {}): HandOnRecord {
  return { id: h.id, submissionId: s.id, studioId: s.studioId, studioName: s.studioName, departmentId: h.departmentId, department: h.department, category: s.category, summary: summaryOf(s), dueDate: h.dueDate, state: h.state, handedAt: h.handedAt, handedBy: h.handedBy, ...(h.acknowledgedAt ? { acknowledgedAt: h.acknowledgedAt } : {}), ...(h.answeredAt ? { answeredAt: h.answeredAt } : {}), ...(h.returnReason ? { returnReason: h.returnReason } : {}), ...extra };
}

export async function planHandOn(deps: SubmissionsDeps, principal: Principal, s: Submission, request: AcceptRequest): Promise<HandOnPlan> {
  const department = request.triage === 'major' && request.departmentId ? await departmentToHandOnTo(deps, s.studioId, request.departmentId) : undefined;
  const open = s.handOn && OPEN_HAND_ON_STATES.includes(s.handOn.state) ? s.handOn : undefined;
  const at = deps.now().toISOString();
  const current: CurrentHandOn | undefined = department ? { id: deps.newId(), departmentId: department.id, department: department.name, dueDate: request.dueDate!, state: 'handed', handedAt: at, handedBy: principal.userId } : undefined;
  const liaisons = department ? await liaisonsOf(deps, s.studioId, department) : [];
  return {
    ...(department ? { departmentName: department.name } : {}),
    fields: { departmentId: department?.id, handOn: current },
    also: (next) => [
      ...(open ? [deps.departments.handOnPut(handOnRecordOf(s, { ...open, state: 'withdrawn' }, { endedAt: at }))] : []),
      ...(current ? [deps.departments.handOnPut(handOnRecordOf(next, current))] : []),
    ],
    notices: (next, noticeAt) => (current ? liaisonNotices(deps, liaisons, next, current, noticeAt) : []),
  };
}

/** The department's liaisons are told of a new hand-on (one delivery each; the members' list is small). */
function liaisonNotices(deps: SubmissionsDeps, liaisons: readonly { userId: string }[], s: Submission, h: CurrentHandOn, at: string): NoticeOrder[] {
  return liaisons.map((m) => ({
    to: 'resident' as const,
    id: `${h.id}.department_task.${m.userId}`,
    userId: m.userId,
    noticeId: deps.newId(),
    createdAt: at,
    notice: { kind: 'department_task' as const, page: liaisonMatterPage(h.departmentId, s.id), data: { department: h.department, category: s.category, status: `交办，${h.dueDate} 前办理` } },
  }));
}

/**
 * The studio answers the resident (答复) while a hand-on is open: the department's part ends there (已收回), so its queue
 * does not keep a matter it can no longer act on. Nothing when no hand-on is open.
 */
export function withdrawOpenHandOn(deps: SubmissionsDeps, s: Submission): { fields: Pick<Submission, 'handOn'>; also: (next: Submission, at: string) => TransactItems } {
  const open = s.handOn && OPEN_HAND_ON_STATES.includes(s.handOn.state) ? s.handOn : undefined;
  if (!open) return { fields: {}, also: () => [] };
  const withdrawn: CurrentHandOn = { ...open, state: 'withdrawn' };
  return { fields: { handOn: withdrawn }, also: (_next, at) => [deps.departments.handOnPut(handOnRecordOf(s, withdrawn, { endedAt: at }))] };
}

/**
 * A department's liaisons: the studio's members of that role and department (the members' Query, filtered); a member
 * unit's: the unit's list of liaisons (pattern 177).
 */
async function liaisonsOf(deps: SubmissionsDeps, studioId: string, target: HandOnTarget): Promise<{ userId: string }[]> {
  if (target.townId) return deps.unitLiaisons.listLiaisons(target.townId, target.id);
  return (await deps.studios.listMembersOfStudio(studioId)).filter((m) => m.role === 'liaison' && m.departmentId === target.id);
}

export const liaisonMatterPage = (departmentId: string, submissionId: string) => `packageRep/pages/dept-matter/index?departmentId=${departmentId}&id=${submissionId}`;
