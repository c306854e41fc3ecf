import type { RetryGuard } from '../coins/coin.repository';
import { fingerprintOf } from '../data/codes';
import type { Audience, NoticeOrder } from '../notices/notice-queue.repository';

const REQUEST_TTL_SECONDS = 7 * 86_400;

/**
 * The retry guard of calling a meeting (a studio's 协商, a town's 协调会): the caller's retry key and the body's
 * fingerprint (the same key with other content is refused), kept a week.
 */
export function meetingRetryGuard(actorId: string, body: { requestId: string }, now: Date): RetryGuard {
  const { requestId, ...content } = body;
  return { actorId, requestId, fingerprint: fingerprintOf(content), requestTtl: Math.floor(now.getTime() / 1000) + REQUEST_TTL_SECONDS };
}

/** The one fan-out request (`consultation_invite`) that tells a new meeting's invitees, expanded by the notice consumer. */
export function meetingInvite(meetingId: string, audience: Audience, page: string, m: { topic: string; date: string; time: string; place: string }, organiser: string, at: string): NoticeOrder {
  return { to: 'audience', id: `${meetingId}.consultation_invite`, audience, notice: { kind: 'consultation_invite', page, data: { topic: m.topic, date: `${m.date} ${m.time}`, place: m.place, studio: organiser } }, createdAt: at };
}
