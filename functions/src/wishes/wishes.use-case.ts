import { AUTOMATIC_COIN_RULES } from '@shared/schemas/coins';
import { maskPersonalDetails } from '@shared/submission/mask';
import { WISH_STATUS_LABELS, type PostWishOnBehalfRequest, type PostWishRequest, type WishFiguresView, type WishStep, type WishView, type WishesPage } from '@shared/schemas/wishes';
import type { Principal } from '../auth/session-tokens';
import { STUDIO_ACCOUNT, type Transfer } from '../coins/coin.repository';
import { fingerprintOf } from '../data/codes';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { NoticeOrder } from '../notices/notice-queue.repository';
import { requireStudioRole } from '../policy';
import type { VolunteersDeps } from '../volunteers/deps';
import type { StepWrites, Wish, WishEvent } from './wish.repository';
import { chinaMonth } from './wish-items';
import { maskedName, mayTake, refusalOf, relationOf, visibleTo, WISH_TRANSITIONS, wishViewOf, type Relation } from './wish-views';

/** How long a retry key is kept (a dropped answer is retried within minutes, not days). */
const REQUEST_TTL_SECONDS = 7 * 86_400;
const PAGE = 20;

async function requireStudio(deps: VolunteersDeps, studioId: string): Promise<void> {
  if (!(await deps.studios.getStudio(studioId))) throw new NotFoundError('没有找到这个工作室');
}

async function nameOf(deps: VolunteersDeps, userId: string): Promise<string> {
  return (await deps.users.getUser(userId))?.displayName ?? '居民';
}

const isVolunteer = async (deps: VolunteersDeps, principal: Principal | undefined, studioId: string) => Boolean(principal && (await deps.volunteers.get(principal.userId, studioId))?.status === 'approved');

/** The wish of this studio that the caller may see, or 404 (another studio's wish, or one not on the wall and not theirs). */
async function loadWish(deps: VolunteersDeps, principal: Principal | undefined, studioId: string, wishId: string, volunteer = false): Promise<{ wish: Wish; rel: Relation }> {
  const wish = await deps.wishes.get(wishId);
  if (!wish || wish.studioId !== studioId) throw new NotFoundError('没有找到这个心愿');
  const rel = relationOf(wish, principal, volunteer);
  if (!visibleTo(wish, rel)) throw new NotFoundError('没有找到这个心愿');
  return { wish, rel };
}

/** One wish: what the caller may see of it, and the steps they may take. */
export async function getWish(deps: VolunteersDeps, principal: Principal | undefined, studioId: string, wishId: string): Promise<WishView> {
  const { wish } = await loadWish(deps, principal, studioId, wishId);
  const rel = relationOf(wish, principal, wish.status === 'approved' && (await isVolunteer(deps, principal, studioId)));
  return wishViewOf(wish, rel);
}

async function post(deps: VolunteersDeps, principal: Principal, studioId: string, body: PostWishRequest, who: Pick<Wish, 'wisherId' | 'wisherName' | 'wisherPhone' | 'onBehalfBy'>, byName: string): Promise<WishView> {
  await requireStudio(deps, studioId);
  const at = deps.now().toISOString();
  const wish: Wish = {
    id: deps.newId(),
    studioId,
    title: body.title,
    ...(body.details ? { details: body.details } : {}),
    status: 'pending_review',
    ...who,
    createdAt: at,
    updatedAt: at,
    timeline: [{ step: 'post', by: byName, byId: principal.userId, at }],
  };
  const { requestId, ...content } = body as PostWishRequest & Partial<PostWishOnBehalfRequest>;
  const fingerprint = fingerprintOf(content);
  const outcome = await deps.wishes.post(wish, { actorId: principal.userId, requestId, fingerprint, requestTtl: Math.floor(deps.now().getTime() / 1000) + REQUEST_TTL_SECONDS });
  if (!outcome.replayed) return wishViewOf(wish, relationOf(wish, principal));
  // the same request again (its answer was lost): the wish it made, never a second one
  if (outcome.replayed.fingerprint !== fingerprint) throw new ConflictError('这个请求编号已用于另一个心愿，请刷新后重新提交');
  return getWish(deps, principal, studioId, outcome.replayed.wishId);
}

/**
 * 发布心愿: a resident's own wish, waiting for a representative (待审核). Input: the title and details, a retry key.
 * Steps: the studio exists · the wish, the retry key and the month's figures in one transaction. Output: the wish.
 */
export async function postWish(deps: VolunteersDeps, principal: Principal, studioId: string, body: PostWishRequest): Promise<WishView> {
  const name = await nameOf(deps, principal.userId);
  return post(deps, principal, studioId, body, { wisherId: principal.userId, wisherName: name }, '居民');
}

/** 代填: staff type a wish for a resident without the app — their name and (optionally) phone; staff speak for them later. */
export async function postWishOnBehalf(deps: VolunteersDeps, principal: Principal, studioId: string, body: PostWishOnBehalfRequest): Promise<WishView> {
  requireStudioRole(principal, studioId, 'serve');
  const staffName = await nameOf(deps, principal.userId);
  return post(deps, principal, studioId, body, { wisherName: body.wisherName, ...(body.wisherPhone ? { wisherPhone: body.wisherPhone } : {}), onBehalfBy: principal.userId }, `${staffName}（代填）`);
}

const pageOf = (items: Wish[], nextCursor: string | undefined, view: (w: Wish) => WishView): WishesPage => ({ wishes: items.map(view), ...(nextCursor ? { nextCursor } : {}) });

/** The 心愿墙: approved wishes not yet claimed first (oldest waiting first), then the taken ones; no names. */
export async function listWishWall(deps: VolunteersDeps, principal: Principal | undefined, studioId: string, query: { cursor?: string }): Promise<WishesPage> {
  const [page, volunteer] = await Promise.all([deps.wishes.listWall(studioId, { cursor: query.cursor, limit: PAGE }), isVolunteer(deps, principal, studioId)]);
  return pageOf(page.items, page.nextCursor, (w) => wishViewOf(w, relationOf(w, principal, volunteer)));
}

export async function listMyWishes(deps: VolunteersDeps, principal: Principal, studioId: string, query: { cursor?: string }): Promise<WishesPage> {
  const page = await deps.wishes.listOfWisher(principal.userId, studioId, { cursor: query.cursor, limit: PAGE });
  return pageOf(page.items, page.nextCursor, (w) => wishViewOf(w, relationOf(w, principal)));
}

export async function listMyWishClaims(deps: VolunteersDeps, principal: Principal, studioId: string, query: { cursor?: string }): Promise<WishesPage> {
  const page = await deps.wishes.listClaimsOf(principal.userId, studioId, { cursor: query.cursor, limit: PAGE });
  // a claim given back leaves the list with its WishClaim; a wish claimed again by someone else is no longer theirs
  return pageOf(page.items.filter((w) => w.claimerId === principal.userId), page.nextCursor, (w) => wishViewOf(w, relationOf(w, principal)));
}

export async function listWishReviewQueue(deps: VolunteersDeps, principal: Principal, studioId: string, query: { cursor?: string }): Promise<WishesPage> {
  requireStudioRole(principal, studioId, 'answer');
  const page = await deps.wishes.listReviewQueue(studioId, { cursor: query.cursor, limit: PAGE });
  return pageOf(page.items, page.nextCursor, (w) => wishViewOf(w, relationOf(w, principal)));
}

export async function listWishesOnBehalf(deps: VolunteersDeps, principal: Principal, studioId: string, query: { cursor?: string }): Promise<WishesPage> {
  requireStudioRole(principal, studioId, 'serve');
  const page = await deps.wishes.listOnBehalf(studioId, { cursor: query.cursor, limit: PAGE });
  return pageOf(page.items, page.nextCursor, (w) => wishViewOf(w, relationOf(w, principal)));
}

const STEP_REFUSALS: Record<WishStep, string> = {
  approve: '只有本工作室的党代表和管理员可以审核心愿',
  refuse: '只有本工作室的党代表和管理员可以审核心愿',
  claim: '只有本工作室审核通过的志愿者可以认领心愿（不能认领自己的心愿）',
  cancel_claim: '只有认领人可以放弃认领',
  fulfil: '只有认领人可以标记完成',
  confirm: '只有心愿人（或代填的工作人员）可以确认',
  withdraw: '只有心愿人（或代填的工作人员）可以撤回',
};

/** A notice for a resident about their wish or their claim, in the step's own transaction. */
function noticeFor(deps: VolunteersDeps, userId: string | undefined, wish: Wish, step: WishStep): NoticeOrder[] {
  if (!userId) return [];
  return [
    {
      to: 'resident',
      // the wish's n-th step: a claim given back and claimed again is told again
      id: `${wish.id}.${wish.timeline.length}.${step}`,
      userId,
      noticeId: deps.newId(),
      createdAt: wish.updatedAt,
      notice: { kind: 'wish_update', page: `packageResident/pages/wishes/index?studioId=${wish.studioId}&wish=${wish.id}`, data: { title: wish.title, status: WISH_STATUS_LABELS[wish.status] } },
    },
  ];
}

/**
 * One step of a wish. Input: the step and what it carries (a reason, a note). Steps: load it (404 unless the caller
 * may see it) · who may take the step (403) · from which state (409, nothing changed) · the new state, its timeline
 * line, and what the step writes with it (the claim, the figures, the coins, the notices) in one transaction whose
 * condition is the state it was read in — a step that lost a race is a 409 too. Output: the wish as the caller sees it.
 */
async function takeStep(deps: VolunteersDeps, principal: Principal, studioId: string, wishId: string, step: WishStep, extra: { reason?: string; note?: string } = {}): Promise<WishView> {
  if (step === 'approve' || step === 'refuse') requireStudioRole(principal, studioId, 'answer', STEP_REFUSALS[step]);
  const volunteer = step === 'claim' && (await isVolunteer(deps, principal, studioId));
  const { wish, rel } = await loadWish(deps, principal, studioId, wishId, volunteer);
  const transition = WISH_TRANSITIONS[step];
  // a step from the wrong state is a conflict whoever asks; the right state but the wrong person is refused
  if (!transition.from.includes(wish.status)) throw new ConflictError(refusalOf(step, wish.status));
  if (!mayTake(step, wish, rel)) throw new ForbiddenError(STEP_REFUSALS[step]);

  const at = deps.now().toISOString();
  const byName = rel.wisher ? '居民' : await nameOf(deps, principal.userId);
  const event: WishEvent = { step, by: rel.staff && !rel.wisher && (step === 'confirm' || step === 'withdraw') ? `${byName}（代心愿人）` : byName, byId: principal.userId, at, ...(extra.reason ? { note: extra.reason } : extra.note ? { note: extra.note } : {}) };
  const after: Wish = { ...wish, status: transition.to, updatedAt: at, timeline: [...wish.timeline, event] };
  const writes: StepWrites = {};
  switch (step) {
    case 'approve':
      // what the wall shows: phones, ids and house numbers masked
      after.approvedAt = at;
      after.publicTitle = maskPersonalDetails(wish.title);
      if (wish.details) after.publicDetails = maskPersonalDetails(wish.details);
      break;
    case 'refuse':
      after.reason = extra.reason;
      writes.notices = noticeFor(deps, wish.wisherId, after, step);
      break;
    case 'claim':
      Object.assign(after, { claimerId: principal.userId, claimerName: byName, claimedAt: at });
      writes.claim = { put: { userId: principal.userId, claim: { studioId, wishId, claimedAt: at } } };
      writes.counts = { claimed: 1 };
      writes.notices = noticeFor(deps, wish.wisherId, after, step);
      break;
    case 'cancel_claim':
      delete after.claimerId;
      delete after.claimerName;
      delete after.claimedAt;
      after.approvedAt = at; // back on the wall among the open ones, as newly open
      writes.claim = { remove: { userId: principal.userId } };
      break;
    case 'fulfil':
      after.note = extra.note;
      writes.notices = noticeFor(deps, wish.wisherId, after, step);
      break;
    case 'confirm':
      writes.counts = { confirmed: 1, ...(wish.claimerId ? { helper: { userId: wish.claimerId, name: wish.claimerName ?? '志愿者' } } : {}) };
      writes.coins = await coinsFor(deps, principal, wish, at);
      writes.notices = noticeFor(deps, wish.claimerId, after, step);
      break;
    case 'withdraw':
      break;
  }
  if (!(await deps.wishes.step(wish, after, writes))) {
    const now = await deps.wishes.get(wishId);
    throw new ConflictError(now && now.status !== wish.status ? refusalOf(step, now.status) : '这个心愿刚刚有了变化，请刷新后再试');
  }
  return wishViewOf(after, relationOf(after, principal, volunteer));
}

/** The claimer's coins for a confirmed wish: the studio's `wish-fulfilled` rule, if it has one (no rule, no coins). */
async function coinsFor(deps: VolunteersDeps, principal: Principal, wish: Wish, at: string): Promise<Record<string, unknown>[]> {
  const rule = (await deps.coins.getRules(wish.studioId))?.find((r) => r.id === AUTOMATIC_COIN_RULES.wishFulfilled);
  if (!rule || !wish.claimerId) return [];
  const transfer: Transfer = { studioId: wish.studioId, id: deps.newId(), from: STUDIO_ACCOUNT, to: wish.claimerId, amount: rule.coins, kind: 'award', what: `${rule.activity}：${wish.publicTitle ?? wish.title}`.slice(0, 40), byUserId: principal.userId, byName: '心愿人', at };
  return deps.coins.awardItems(transfer);
}

export const approveWish = (deps: VolunteersDeps, principal: Principal, studioId: string, wishId: string) => takeStep(deps, principal, studioId, wishId, 'approve');
export const refuseWish = (deps: VolunteersDeps, principal: Principal, studioId: string, wishId: string, body: { reason: string }) => takeStep(deps, principal, studioId, wishId, 'refuse', { reason: body.reason });
export const claimWish = (deps: VolunteersDeps, principal: Principal, studioId: string, wishId: string) => takeStep(deps, principal, studioId, wishId, 'claim');
export const cancelWishClaim = (deps: VolunteersDeps, principal: Principal, studioId: string, wishId: string) => takeStep(deps, principal, studioId, wishId, 'cancel_claim');
export const fulfilWish = (deps: VolunteersDeps, principal: Principal, studioId: string, wishId: string, body: { note: string }) => takeStep(deps, principal, studioId, wishId, 'fulfil', { note: body.note });
export const confirmWish = (deps: VolunteersDeps, principal: Principal, studioId: string, wishId: string) => takeStep(deps, principal, studioId, wishId, 'confirm');
export const withdrawWish = (deps: VolunteersDeps, principal: Principal, studioId: string, wishId: string) => takeStep(deps, principal, studioId, wishId, 'withdraw');

/** This month's figures (China month) and the helpers by confirmed wishes, names masked: the public can read it. */
export async function getWishFigures(deps: VolunteersDeps, studioId: string): Promise<WishFiguresView> {
  await requireStudio(deps, studioId);
  const month = chinaMonth(deps.now().toISOString());
  const figures = await deps.wishes.getFigures(studioId, month);
  const helpers = figures.helpers.sort((a, b) => b.confirmed - a.confirmed || a.name.localeCompare(b.name, 'zh')).slice(0, 10);
  return { month, posted: figures.posted, claimed: figures.claimed, confirmed: figures.confirmed, helpers: helpers.map((h) => ({ name: maskedName(h.name), confirmed: h.confirmed })) };
}
