import { forgetWishesOf } from '../wishes/wish-privacy.use-case';
import type { DeleteAccountResponse } from '@shared/schemas/privacy';
import { maskPersonalDetails } from '@shared/submission/mask';
import { chinaDate } from '@shared/time';
import type { Principal } from '../auth/session-tokens';
import { ConflictError } from '../errors';
import type { Submission, SubmissionEvent } from '../submissions/submission.repository';
import type { PrivacyDeps } from './deps';
import { forgetErrandsOf } from '../errands/errand-privacy';
import { isCancellableOnDeletion } from './my-data.use-case';
import { STUDIO_ACCOUNT } from '../coins/coin.repository';

/** What a submission says once its resident has deleted the account, unless it was public (then masked). */
export const DELETED_TEXT = '（居民已注销，内容已删除）';
const REOPENED_TEXT = '居民不满意，重新办理';

/**
 * 注销账号 (PIPL art. 47): the account and what it holds are deleted; what a studio needs for its records stays,
 * without the person.
 *
 * Input: the caller (the contract has checked the explicit confirmation). Output: how many submissions were
 * anonymised, bookings cancelled and readings deleted.
 *
 * Steps, in this order:
 *  1. Studio people are refused (409): their name is on the studio's records and their role gives access to other
 *     residents' data, so an administrator first removes the role; then they are a resident like any other.
 *  2. Bookings: every future `booked` one is cancelled through the cancel transaction (slot count, hold and day count
 *     released at once: someone else can book the place); then every entry of the resident is anonymised — it stays
 *     in its stand's records without user id or name, leaves the resident's list, its hold and home-visit contact go.
 *  3. Submissions: photos deleted from storage; the resident's own timeline steps unlinked (a rating keeps only its
 *     level, a reopening its plain reason); then the submission itself, in one transaction with its version: no
 *     `residentId` (it leaves the resident's list), the phone's contact item deleted, the rating comment and photos
 *     gone, the text kept only where it was shown on the public board, and then masked as there; otherwise
 *     `DELETED_TEXT`. Inbox, stats, board and CSV keep working: status, category, dates and replies are the studio's.
 *  4. Health readings and the health consent deleted.
 *  5. Messages deleted; follows undone on both sides.
 *  6. Whatever else is under `USER#id` (the bookings' day counts, anything a later feature keeps there) deleted.
 *  7. Last, the user: profile, openid item and the openid's link, in one transaction.
 *
 * Why not one transaction: a resident may hold hundreds of items (DynamoDB allows 100 per transaction). Why the
 * user last rather than marking it first: until step 7 the account still signs in, so a deletion cut short (a
 * timeout, a representative changing a submission at the same moment → 409) is finished by asking again. Every step
 * is idempotent and every list it works from shrinks as its items are done (an anonymised booking or submission
 * leaves the resident's index; the timeline is unlinked before the submission leaves it), so a retry picks up exactly
 * what is left. A mark would lock the resident out of that retry and need a sweeper job to finish abandoned
 * deletions. After step 7 the token opens no session (the router finds no user), and signing in again with the same
 * WeChat makes a new, empty resident. Retry keys and rate-limit windows (keyed by the user id, holding nothing else)
 * expire by TTL within two days. Desk sign-in tickets (扫码登录电脑工作台) never hold a resident: only studio people
 * confirm one, its user id leaves it when the browser takes its session, and TTL deletes it 10 minutes after its 2.
 */
export async function deleteMyAccount(deps: PrivacyDeps, principal: Principal): Promise<DeleteAccountResponse> {
  if (principal.role !== 'resident') {
    throw new ConflictError('您是工作室的工作人员、党代表或管理员，不能在这里注销。请先请工作室管理员解除您的身份，再来注销。');
  }
  const userId = principal.userId;
  // 镇街: a role still held in another studio or a town (切换身份) is theirs to leave first, as the active one is
  if ((await deps.memberships.listOfUser(userId)).length > 0) {
    throw new ConflictError('您还在其他工作室或镇街任职。请先在「我的 → 切换身份」里退出这些身份，再来注销。');
  }
  const now = deps.now();
  const at = now.toISOString();

  const bookingsCancelled = await cancelAndAnonymiseBookings(deps, userId, chinaDate(now), at);

  let submissionsAnonymised = 0;
  for (const s of await deps.submissions.listOfResident(userId)) {
    await anonymiseSubmission(deps, s.id, userId, at);
    submissionsAnonymised += 1;
  }

  const readings = await deps.readings.listReadingsOfResident(userId, new Date(0));
  for (const r of readings) await deps.readings.deleteReading(userId, r.id);
  await deps.readings.deleteConsent(userId);

  await forgetCoins(deps, userId, at);
  // 志愿者: out of every team first (the team item keeps members' names); the registration goes with the user's items
  await deps.shifts.deleteOfUser(userId);
  for (const r of await deps.volunteers.listOfUser(userId)) {
    for (const teamId of r.teamIds) await deps.volunteers.removeMember(r.studioId, teamId, userId, r.teamIds);
    await deps.volunteers.delete(userId, r.studioId);
  }

  // 微心愿: their name leaves every wish; open wishes are withdrawn, a claim not yet fulfilled goes back on the wall
  await forgetWishesOf(deps, userId);
  // 点单-配送: orders going on cancelled (or handed back to the open list), address and phone deleted, no link kept
  await forgetErrandsOf(deps, userId);

  // 附议: who seconded a matter is theirs and goes; the matter's count stays (it names no one)
  await deps.seconds.deleteOfUser(userId);
  // 议事协商: their sign-ups go (a planned meeting's seat is freed)
  await deps.consultations.deleteSignUpsOfPerson(userId);

  for (const n of await deps.notifications.listAllOfUser(userId)) await deps.notifications.deleteNotification(userId, n.id);
  for (const f of await deps.notifications.listFollowsOfUser(userId)) await deps.notifications.unfollow(f.studioId, userId);

  await deps.users.deleteRemainingItemsOfUser(userId);
  await deps.users.deleteUser(userId);
  return { deleted: true, submissionsAnonymised, bookingsCancelled, readingsDeleted: readings.length };
}

/**
 * 幸福币: a reward still waiting at the stand is cancelled (its coins and the reward go back, as a refund transfer),
 * then the resident's name leaves their redemptions and their card is deleted. The ledger's entries stay: they name
 * no resident (an id that no longer opens anything) and the studio's accounts must still sum to zero.
 */
async function forgetCoins(deps: PrivacyDeps, userId: string, at: string): Promise<void> {
  for (const account of await deps.coins.listAccountsOfUser(userId)) {
    const redemptions = await deps.coins.listAllRedemptionsOf(account.studioId, userId);
    for (const r of redemptions.filter((x) => x.status === 'reserved')) {
      await deps.coins.giveBack(r, 'cancelled', { studioId: r.studioId, id: deps.newId(), from: STUDIO_ACCOUNT, to: userId, amount: r.cost, kind: 'refund', what: r.rewardName, byUserId: userId, byName: '本人（注销账号）', at });
    }
    await deps.coins.forgetResident(account.studioId, userId, account.cardCode, redemptions);
  }
}

/** Step 2: cancel the future bookings first (the cancel needs the user id to release the hold and day count), then anonymise every entry. */
async function cancelAndAnonymiseBookings(deps: PrivacyDeps, userId: string, today: string, at: string): Promise<number> {
  const entries = await deps.bookings.listBookingsOfResident(userId);
  let cancelled = 0;
  for (const entry of entries.filter((e) => isCancellableOnDeletion(e, today))) {
    // condition-failed: it changed meanwhile (checked in, or cancelled by an earlier attempt) — anonymised below all the same
    if ((await deps.bookings.cancelBooking(entry, at)).kind === 'changed') cancelled += 1;
  }
  for (const entry of entries) await deps.bookings.anonymiseEntry(entry);
  return cancelled;
}

/** The submission as the studio keeps it once its resident is gone. */
export function anonymisedSubmission(s: Submission, at: string): Submission {
  // shown on the public board (院落连心墙): public, and not held back by the content check
  const shownPublicly = s.public && !(s.contentVerdict === 'review' && !s.boardApproved);
  const { residentId: _resident, phone: _phone, hasContact: _contact, contactKeptUntil: _until, ratingComment: _comment, photos: _photos, place, ...kept } = s;
  return {
    ...kept,
    text: shownPublicly ? maskPersonalDetails(s.text) : DELETED_TEXT,
    ...(shownPublicly && place ? { place: maskPersonalDetails(place) } : {}),
    anonymisedAt: s.anonymisedAt ?? at,
  };
}

/** The resident's own steps of the timeline, unlinked; undefined for a step that is not theirs (left as it is). */
export function unlinkedEvent(e: SubmissionEvent, userId: string): SubmissionEvent | undefined {
  if (e.actorId !== userId) return undefined;
  const { actorId: _actor, text, ...rest } = e;
  // a rating keeps its level (满意 / 基本满意 / 不满意), not the comment; a reopening its plain reason
  const kept = e.kind === 'rated' && text ? text.split('：')[0] : e.kind === 'reopened' ? REOPENED_TEXT : undefined;
  return { ...rest, ...(kept ? { text: kept } : {}) };
}

/** Step 3 for one submission; re-read and tried again when a representative changed it at the same moment. */
async function anonymiseSubmission(deps: PrivacyDeps, id: string, userId: string, at: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    // read consistently (the resident's list is an index, possibly behind): the version must be the current one
    const s = await deps.submissions.get(id);
    if (!s || s.residentId !== userId) return; // already done by an earlier attempt
    for (const key of s.photos ?? []) await deps.photos.remove(key);
    const events = (await deps.submissions.listEvents(id)).map((e) => unlinkedEvent(e, userId)).filter((e): e is SubmissionEvent => Boolean(e));
    if (await deps.submissions.anonymise(anonymisedSubmission(s, at), events)) return;
  }
  throw new ConflictError('您有一条意见正在办理中，请稍后再点一次“注销账号”，已处理的部分不会重复');
}
