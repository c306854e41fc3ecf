import { chinaDate } from '@shared/time';
import { WISH_CHASE_DAYS } from '@shared/schemas/wishes';
import type { Deps } from '../deps';

export type WishChaseDeps = Pick<Deps, 'studios' | 'wishes' | 'noticeQueue' | 'now' | 'newId'>;

/**
 * 催办 for 微心愿: open wishes nobody claimed within `WISH_CHASE_DAYS` days of going on the wall. Input: the studios
 * (the daily 08:00 job has listed them). Steps: per studio, the open wishes approved before the cut-off (pattern 88) ·
 * when there are any, one notice to each representative and admin of the studio, its id the studio's and the China
 * date's, so a re-run the same day queues nothing again. Output: how many wishes waited, and the notices queued.
 */
export async function chaseUnclaimedWishes(deps: WishChaseDeps, studioIds: string[], days = WISH_CHASE_DAYS): Promise<{ waiting: number; notified: number }> {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const today = chinaDate(now);
  let waiting = 0;
  let notified = 0;
  for (const studioId of studioIds) {
    const stale = await deps.wishes.listUnclaimedSince(studioId, cutoff);
    if (stale.length === 0) continue;
    waiting += stale.length;
    const answerers = (await deps.studios.listMembersOfStudio(studioId)).filter((m) => m.role === 'representative' || m.role === 'admin');
    for (const member of answerers) {
      const queued = await deps.noticeQueue.enqueue({
        id: `${studioId}.${today}.wish_chase.${member.userId}`,
        userId: member.userId,
        noticeId: deps.newId(),
        createdAt: now.toISOString(),
        notice: { kind: 'wish_update', page: 'packageRep/pages/wish-review/index', data: { title: `${stale.length} 个心愿超过 ${days} 天无人认领`, status: '待认领' } },
      });
      if (queued) notified += 1;
    }
  }
  return { waiting, notified };
}
