import type { WishView } from '@shared/schemas/wishes';
import type { Deps } from '../deps';
import type { Wish } from './wish.repository';
import { chinaMonth } from './wish-items';
import { relationOf, wishViewOf } from './wish-views';

export type WishPrivacyDeps = Pick<Deps, 'wishes' | 'now'>;

/** 我的数据: the wishes a person posted and those they claimed, as they see them (with their timelines). */
export async function wishesInMyData(deps: WishPrivacyDeps, userId: string): Promise<{ wishes: WishView[]; wishClaims: WishView[] }> {
  const principal = { userId, role: 'resident' as const };
  const [own, claims] = await Promise.all([deps.wishes.listAllOfWisher(userId), deps.wishes.listAllClaimsOf(userId)]);
  const claimed = (await deps.wishes.getMany(claims.map((c) => c.wishId))).filter((w) => w.claimerId === userId);
  const view = (w: Wish) => wishViewOf(w, relationOf(w, principal));
  return { wishes: own.map(view), wishClaims: claimed.map(view) };
}

const GONE = '（已注销）';

/**
 * Deleting an account, for 微心愿: the person's name and id leave every wish and timeline line. Their open wishes
 * (待审核, 待认领) are withdrawn; a claimed one stays, unlinked, and the studio's staff confirm it for them (as for
 * 代填). A wish they had claimed but not fulfilled goes back on the wall; a fulfilled or confirmed one keeps its step,
 * without their name; their name leaves the month's helper figures. Their claim items go with their other items.
 * Each change is a step (the wish's conditional write): a wish that changed meanwhile is read again and retried.
 */
export async function forgetWishesOf(deps: WishPrivacyDeps, userId: string): Promise<number> {
  const at = deps.now().toISOString();
  const scrub = (w: Wish): Wish => ({ ...w, updatedAt: at, timeline: w.timeline.map((e) => (e.byId === userId ? { step: e.step, by: GONE, at: e.at, ...(e.note ? { note: e.note } : {}) } : e)) });
  let changed = 0;
  const own = await deps.wishes.listAllOfWisher(userId);
  const claims = await deps.wishes.listAllClaimsOf(userId);
  const claimedIds = claims.map((c) => c.wishId);
  for (const id of [...own.map((w) => w.id), ...claimedIds]) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wish = await deps.wishes.get(id);
      if (!wish) break;
      const after = scrub(wish);
      if (wish.wisherId === userId) {
        delete after.wisherId;
        after.wisherName = '居民';
        if (wish.status === 'pending_review' || wish.status === 'approved') after.status = 'withdrawn';
      }
      if (wish.claimerId === userId) {
        if (wish.status === 'claimed') {
          Object.assign(after, { status: 'approved', approvedAt: at });
          delete after.claimedAt;
        } else if (wish.status === 'confirmed') {
          const confirmedAt = wish.timeline.find((e) => e.step === 'confirm')?.at ?? wish.updatedAt;
          await deps.wishes.forgetHelper(wish.studioId, chinaMonth(confirmedAt), userId);
        }
        delete after.claimerId;
        after.claimerName = wish.status === 'claimed' ? undefined : '志愿者';
        if (after.claimerName === undefined) delete after.claimerName;
      }
      if (await deps.wishes.step(wish, after)) {
        changed += 1;
        break;
      }
    }
  }
  return changed;
}
