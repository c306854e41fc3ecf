import { formatChinaDate } from '@shared/time';
import type { NoticeKind } from '@shared/schemas/notice';
import type { Deps } from '../deps';
import { forEachConcurrently } from '../data/concurrently';
import { releaseBookingsOfCancelledStand } from '../stands/cancelled-stand.use-case';
import type { NoticeDelivery, NoticeRequest } from './notice-queue.repository';
import { coordinationInviteesOf, inviteesOf, type InviteesDeps } from '../consultations/invitees';

/**
 * The notice consumer's rules (notices/notice-stream.ts hands it each new request and delivery from the table's
 * stream). Nothing here is in a resident's or a representative's request: their request only wrote the notice in its
 * own transaction.
 */
export type NoticeDeliveryDeps = Pick<Deps, 'users' | 'notifications' | 'bookings' | 'errands' | 'noticeQueue' | 'notifier' | 'now' | 'newId'> & InviteesDeps & Pick<Deps, 'consultations' | 'coordinations' | 'unitLiaisons'>;

/** How each notice reads in the resident's 消息 list. */
const IN_APP: Record<NoticeKind, (data: Record<string, string>) => { title: string; body: string }> = {
  submission_replied: (d) => ({ title: '您的意见有了答复', body: `${d.studio ?? '工作室'}答复了您反映的「${d.category ?? ''}」问题` }),
  submission_status: (d) => ({ title: '您的意见有了新进展', body: `「${d.category ?? ''}」：${d.status ?? ''}` }),
  rate_request: (d) =>
    d.status === '解决了吗？'
      ? { title: '您反映的问题解决了吗？', body: `「${d.category ?? ''}」办结几天了，解决了吗？没解决请选“不满意”，会重新办理` }
      : { title: '请为办理结果评价', body: `您反映的「${d.category ?? ''}」问题已办结，请告诉我们您是否满意` },
  booking_reminder: (d) => ({ title: '明天的预约提醒', body: `${d.date ?? ''} ${d.place ?? ''} ${d.service ?? ''}，预约码 ${d.code ?? ''}` }),
  stand_cancelled: (d) => ({ title: '服务取消通知', body: `${d.date ?? ''} ${d.place ?? ''}的服务因「${d.reason ?? ''}」取消，您的预约已取消` }),
  errand_update: (d) => ({ title: '代办服务有了新进展', body: `「${d.service ?? ''}」：${d.status ?? ''}` }),
  board_update: (d) => ({ title: '关注的公示墙有更新', body: `${d.studio ?? '工作室'}答复了一条「${d.category ?? ''}」意见` }),
  // to the studio's people
  submission_chased: (d) => ({ title: '居民催办', body: `「${d.category ?? ''}」已过办理期限（${d.date ?? ''}），居民催办，请尽快办理` }),
  work_digest: (d) => ({ title: '今日待办意见', body: `${d.studio ?? '工作室'}：已超期 ${d.overdue ?? '0'} 件，一个工作日内到期 ${d.soon ?? '0'} 件${d.escalated && d.escalated !== '0' ? `，超期较久报管理员 ${d.escalated} 件` : ''}` }),
  wish_update: (d) => ({ title: '微心愿有了新进展', body: `「${d.title ?? ''}」：${d.status ?? ''}` }),
  consultation_invite: (d) => ({ title: '邀请您参加议事协商', body: `「${d.topic ?? ''}」，${d.date ?? ''}，${d.place ?? ''}，欢迎报名参加` }),
  // a 大事 handed on to a department (to its liaisons), and its result or hand-back (to the representative)
  // to the residents who 附议'd a matter: its milestones
  seconded_update: (d) => ({ title: '您附议的事有了新进展', body: `「${d.category ?? ''}」${d.status ?? ''}` }),
  department_task: (d) => ({ title: '部门交办事项', body: `${d.department ?? ''}：「${d.category ?? ''}」${d.status ?? ''}` }),
};

/** One recipient of a fan-out: a key unique within it (the delivery's id), and what is theirs alone. */
interface Recipient {
  key: string;
  userId: string;
  page?: string;
  data?: Record<string, string>;
}

async function recipientsOf(deps: NoticeDeliveryDeps, request: NoticeRequest): Promise<Recipient[]> {
  const audience = request.audience;
  switch (audience.kind) {
    case 'followers':
      return (await deps.notifications.listFollowers(audience.studioId)).filter((userId) => userId !== audience.except).map((userId) => ({ key: userId, userId }));
    case 'bookings_of_cancelled_stand':
      return (await releaseBookingsOfCancelledStand(deps, audience.standId, request.createdAt)).map((entry) => ({
        key: entry.id,
        userId: entry.userId!,
        page: `pages/ticket/index?id=${entry.id}`,
        data: { date: `${formatChinaDate(entry.date)} ${entry.startTime}`, service: entry.serviceName },
      }));
    case 'seconders':
      return (await deps.seconds.listSecondersOf(audience.submissionId)).map((userId) => ({ key: userId, userId }));
    case 'consultation_invitees': {
      const consultation = await deps.consultations.get(audience.consultationId);
      if (!consultation || consultation.status !== 'planned') return []; // cancelled or held before it was expanded
      const invitees = (await inviteesOf(deps, consultation)).filter((v) => v.userId !== audience.except);
      const repPage = `packageRep/pages/consultation/index?studioId=${consultation.studioId}&id=${consultation.id}`;
      return invitees.map((v) => ({ key: v.userId, userId: v.userId, ...(v.why === 'representative' ? { page: repPage } : {}) }));
    }
    case 'coordination_invitees': {
      const coordination = await deps.coordinations.get(audience.coordinationId);
      if (!coordination || coordination.status !== 'planned') return []; // cancelled or held before it was expanded
      return (await coordinationInviteesOf(deps, coordination)).filter((userId) => userId !== audience.except).map((userId) => ({ key: userId, userId }));
    }
  }
}

/**
 * Expands a fan-out into deliveries. Input: a request. Steps: nothing when it was expanded before (a replayed record:
 * whoever followed since is not told of old news) · resolve its audience (a studio's followers; the bookings of a
 * cancelled stand, cancelled here) · queue one delivery per recipient, its id the request's and the recipient's, with
 * a conditional Put — an expansion cut short and retried queues only what is missing · mark it expanded. Output: the
 * counts.
 */
export async function expandNoticeRequest(deps: NoticeDeliveryDeps, request: NoticeRequest): Promise<{ queued: number; existing: number }> {
  const counts = { queued: 0, existing: 0 };
  if (await deps.noticeQueue.wasExpanded(request.id)) return counts;
  await forEachConcurrently(await recipientsOf(deps, request), 16, async (r) => {
    const queued = await deps.noticeQueue.enqueue({
      id: `${request.id}.${r.key}`,
      userId: r.userId,
      noticeId: deps.newId(),
      createdAt: request.createdAt,
      requestId: request.id,
      notice: { ...request.notice, ...(r.page ? { page: r.page } : {}), data: { ...request.notice.data, ...r.data } },
    });
    counts[queued ? 'queued' : 'existing'] += 1;
  });
  await deps.noticeQueue.markExpanded(request.id, deps.now().toISOString());
  return counts;
}

/** Longer than the consumer's timeout: a claim older than this was left by a try that died; it may be taken over. */
const CLAIM_LEASE_MS = 5 * 60_000;

export type DeliveryOutcome = 'sent' | 'refused' | 'dropped' | 'done-before' | 'retry';

/** Why a queued notice should no longer go out, if it should not. */
async function irrelevance(deps: NoticeDeliveryDeps, d: NoticeDelivery): Promise<string | undefined> {
  if (!(await deps.users.getUser(d.userId))) return 'account deleted';
  if (d.reminds) {
    const entry = await deps.bookings.getEntry(d.reminds.standId, d.reminds.entryId);
    if (entry?.status !== 'booked') return 'booking no longer booked';
  }
  return undefined;
}

async function markReminded(deps: NoticeDeliveryDeps, d: NoticeDelivery): Promise<void> {
  if (d.reminds) await deps.bookings.markReminded(d.reminds.standId, d.reminds.entryId, deps.now().toISOString());
}

/**
 * Delivers one notice, at most once. Input: a delivery as queued. Steps: claim it (pending or failed → sending,
 * conditional; a delivery already sent, refused or dropped is not sent again) · drop it if it no longer matters (the
 * account is gone, a reminded booking was cancelled) · put its line in the resident's 消息 (once: its id came with
 * the delivery) · send it outward (WeChat; the local outbox) · settle: sent, refused for good (no subscription, no
 * template, no WeChat account: the channel's 'skipped'; or a refusal sending again cannot change: 'rejected'), or
 * failed (retried: 'retry'). A booking reminder, once sent or
 * refused, marks its booking reminded. Throws (after marking the delivery failed) when the table or the channel throws.
 */
export async function deliverNotice(deps: NoticeDeliveryDeps, queued: NoticeDelivery): Promise<DeliveryOutcome> {
  const now = deps.now();
  const claimed = await deps.noticeQueue.claim(queued.id, now.toISOString(), new Date(now.getTime() - CLAIM_LEASE_MS).toISOString());
  if (!claimed) {
    // Sent or settled before (a retried record, or the records after a failed one): finish what may be left.
    const current = await deps.noticeQueue.get(queued.id);
    if (current?.status === 'sending') return 'retry'; // another try holds it right now
    if (current && (current.status === 'sent' || current.status === 'refused')) await markReminded(deps, current);
    return 'done-before';
  }
  const settle = (status: 'sent' | 'refused' | 'dropped' | 'failed', reason?: string) => deps.noticeQueue.settle(claimed, status, deps.now().toISOString(), reason);
  try {
    const why = await irrelevance(deps, claimed);
    if (why) {
      await settle('dropped', why);
      return 'dropped';
    }
    await deps.notifications.putOnce({ id: claimed.noticeId, userId: claimed.userId, kind: claimed.kind, page: claimed.page, at: claimed.createdAt, read: false, ...IN_APP[claimed.kind](claimed.data) });
    const outcome = await deps.notifier.send({ userId: claimed.userId, kind: claimed.kind, page: claimed.page, data: claimed.data });
    if (outcome === 'failed') {
      await settle('failed', 'the channel failed (logged)');
      return 'retry';
    }
    const refusal = outcome === 'rejected' ? 'WeChat refused it for good (logged): not sent again' : 'the channel skipped it: no template, no WeChat account or no subscription';
    await settle(outcome === 'sent' ? 'sent' : 'refused', outcome === 'sent' ? undefined : refusal);
    await markReminded(deps, claimed);
    return outcome === 'sent' ? 'sent' : 'refused';
  } catch (error) {
    await settle('failed', (error as Error).message).catch(() => false);
    throw error;
  }
}
