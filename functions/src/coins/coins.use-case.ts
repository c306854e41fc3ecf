import { COIN_CARD_LENGTH, REDEMPTION_CODE_LENGTH, type AwardCoinsRequest, type AwardView, type CoinFiguresView, type CoinSettingsRequest, type CoinSettingsView, type MyCoinsView, type RedeemRequest, type RedemptionView } from '@shared/schemas/coins';
import { TICKET_CODE_ALPHABET } from '@shared/ticket-code';
import { normaliseCode } from '@shared/code-format';
import type { Principal } from '../auth/session-tokens';
import { fingerprintOf, randomCode } from '../data/codes';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireStudioRole } from '../policy';
import { recordAudit } from '../audit/audit.use-case';
import { STUDIO_ACCOUNT, type Redemption, type RetryGuard, type Transfer } from './coin.repository';
import type { CoinsDeps } from './deps';

/** How long a retry key is kept (a dropped answer is retried within minutes, not days). */
const REQUEST_TTL_SECONDS = 7 * 86_400;
const ENTRIES_PER_PAGE = 20;

const guardOf = (deps: CoinsDeps, actorId: string, requestId: string, body: Record<string, unknown>): RetryGuard => ({
  actorId,
  requestId,
  fingerprint: fingerprintOf(body),
  requestTtl: Math.floor(deps.now().getTime() / 1000) + REQUEST_TTL_SECONDS,
});

const encodeCursor = (key: Record<string, unknown> | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined);

function decodeCursor(cursor: string | undefined, studioId: string, userId: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    // only a key of this resident's own ledger is taken: a cursor cannot open another account
    if (key && key.PK === `COINS#${studioId}#${userId}` && typeof key.SK === 'string' && key.SK.startsWith('ENTRY#') && Object.keys(key).length === 2) return key;
  } catch {
    // falls through to the refusal
  }
  throw new ValidationError({ cursor: '翻页参数不正确，请从第一页重新查看' });
}

async function requireStudio(deps: CoinsDeps, studioId: string): Promise<{ name: string }> {
  const studio = await deps.studios.getStudio(studioId);
  if (!studio) throw new NotFoundError('没有找到这个工作室');
  return studio;
}

async function settingsOf(deps: CoinsDeps, studioId: string): Promise<CoinSettingsView> {
  const [rules, rewards] = await Promise.all([deps.coins.getRules(studioId), deps.coins.listRewards(studioId)]);
  // cheapest first: what a resident can reach soonest is read first
  return { rules: rules ?? [], rewards: rewards.filter((r) => !r.removed).map(({ removed: _removed, ...r }) => r).sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name)) };
}

const redemptionViewOf = (r: Redemption, forStaff = false): RedemptionView => ({
  code: r.code,
  rewardId: r.rewardId,
  rewardName: r.rewardName,
  cost: r.cost,
  status: r.status,
  createdAt: r.createdAt,
  ...(forStaff ? { residentName: r.residentName } : {}),
  ...(r.reason ? { reason: r.reason } : {}),
});

async function displayNameOf(deps: CoinsDeps, userId: string): Promise<string> {
  return (await deps.users.getUser(userId))?.displayName ?? '居民';
}

/** 我的幸福币 at a studio: balance, card, a page of the ledger, what can be earned and bought, open redemptions. */
export async function getMyCoins(deps: CoinsDeps, principal: Principal, studioId: string, query: { cursor?: string }): Promise<MyCoinsView> {
  await requireStudio(deps, studioId);
  const after = decodeCursor(query.cursor, studioId, principal.userId);
  const [account, page, settings, redemptions] = await Promise.all([
    deps.coins.getAccount(studioId, principal.userId),
    deps.coins.listEntries(studioId, principal.userId, { limit: ENTRIES_PER_PAGE, after }),
    settingsOf(deps, studioId),
    deps.coins.listRedemptionsOf(studioId, principal.userId, 10),
  ]);
  const nextCursor = encodeCursor(page.next);
  return {
    studioId,
    balance: account?.balance ?? 0,
    ...(account?.cardCode ? { cardCode: account.cardCode } : {}),
    entries: page.entries.map((e) => ({ id: e.id, amount: e.amount, kind: e.kind, what: e.what, by: e.byUserId === principal.userId ? '本人' : e.byName, at: e.at })),
    ...(nextCursor ? { nextCursor } : {}),
    rewards: settings.rewards,
    rules: settings.rules,
    redemptions: redemptions.map((r) => redemptionViewOf(r)),
  };
}

/** The resident's card at this studio: made once (a fresh code, retried if taken), then always the same. */
export async function openCoinCard(deps: CoinsDeps, principal: Principal, studioId: string): Promise<{ cardCode: string }> {
  await requireStudio(deps, studioId);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = randomCode(TICKET_CODE_ALPHABET, COIN_CARD_LENGTH);
    const outcome = await deps.coins.openCard(studioId, principal.userId, code);
    if (outcome === 'opened') return { cardCode: code };
    if (outcome === 'has') {
      const account = await deps.coins.getAccount(studioId, principal.userId);
      if (account?.cardCode) return { cardCode: account.cardCode };
    }
  }
  throw new ConflictError('卡号生成失败，请再试一次');
}

export async function getCoinSettings(deps: CoinsDeps, studioId: string): Promise<CoinSettingsView> {
  await requireStudio(deps, studioId);
  return settingsOf(deps, studioId);
}

/** The admin sets what earns coins and what they buy (rewards left out are withdrawn; their redemptions stay). */
export async function putCoinSettings(deps: CoinsDeps, principal: Principal, studioId: string, body: CoinSettingsRequest): Promise<CoinSettingsView> {
  requireStudioRole(principal, studioId, 'administer');
  await requireStudio(deps, studioId);
  const existing = await deps.coins.listRewards(studioId);
  await deps.coins.putSettings(studioId, body.rules, body.rewards, existing);
  await recordAudit(deps, principal, studioId, 'coin_settings_changed', `幸福币规则 ${body.rules.length} 条、奖品 ${body.rewards.length} 种`);
  return settingsOf(deps, studioId);
}

/**
 * Staff confirm an activity for the resident whose card they typed: the rule's coins move from the studio's account
 * to the resident's. The same request id never credits twice (a dropped answer retried).
 */
export async function awardCoins(deps: CoinsDeps, principal: Principal, studioId: string, body: AwardCoinsRequest): Promise<AwardView> {
  requireStudioRole(principal, studioId, 'serve');
  const [rules, owner, staffName] = await Promise.all([deps.coins.getRules(studioId), deps.coins.cardOwner(studioId, body.cardCode), displayNameOf(deps, principal.userId)]);
  const rule = (rules ?? []).find((r) => r.id === body.ruleId);
  if (!rule) throw new ValidationError({ ruleId: '没有这项活动，请刷新后重新选择' });
  if (!owner) throw new ValidationError({ cardCode: '没有这个幸福币卡号，请核对居民手机上的卡号' });
  const at = deps.now().toISOString();
  const what = body.note ? `${rule.activity}（${body.note}）` : rule.activity;
  const transfer: Transfer = { studioId, id: deps.newId(), from: STUDIO_ACCOUNT, to: owner, amount: rule.coins, kind: 'award', what, byUserId: principal.userId, byName: staffName, at };
  const guard = guardOf(deps, principal.userId, body.requestId, { ...body, studioId });
  const outcome = await deps.coins.award(transfer, guard);
  const residentName = await displayNameOf(deps, owner);
  if (outcome.kind === 'replayed') {
    if (outcome.fingerprint !== guard.fingerprint) throw new ConflictError('这个请求编号已用于另一次记录，请刷新后重试');
    return { residentName, activity: rule.activity, coins: rule.coins, at };
  }
  if (outcome.kind === 'refused') throw new ConflictError('没有记上，请再试一次');
  deps.metrics.count('CoinsAwarded', rule.coins);
  return { residentName, activity: rule.activity, coins: rule.coins, at };
}

/**
 * A resident trades coins for a reward: the coins leave at once and one of the reward is kept for them until it is
 * handed over at the stand (or the redemption is cancelled or refused, which gives both back). Never below zero,
 * never two rewards for one set of coins, however many taps arrive at once.
 */
export async function redeemCoins(deps: CoinsDeps, principal: Principal, studioId: string, body: RedeemRequest): Promise<RedemptionView> {
  await requireStudio(deps, studioId);
  const guard = guardOf(deps, principal.userId, body.requestId, { ...body, studioId });
  const [reward, residentName] = await Promise.all([deps.coins.getReward(studioId, body.rewardId), displayNameOf(deps, principal.userId)]);
  if (!reward) throw new ValidationError({ rewardId: '没有这个奖品，请刷新后重新选择' });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const at = deps.now().toISOString();
    const redemption: Redemption = { studioId, code: randomCode(TICKET_CODE_ALPHABET, REDEMPTION_CODE_LENGTH), userId: principal.userId, residentName, rewardId: reward.id, rewardName: reward.name, cost: reward.cost, status: 'reserved', createdAt: at, updatedAt: at };
    const transfer: Transfer = { studioId, id: deps.newId(), from: principal.userId, to: STUDIO_ACCOUNT, amount: reward.cost, kind: 'redeem', what: reward.name, byUserId: principal.userId, byName: residentName, at };
    const outcome = await deps.coins.redeem(transfer, redemption, guard);
    if (outcome.kind === 'done') {
      deps.metrics.count('CoinsRedeemed', reward.cost);
      return redemptionViewOf(outcome.value);
    }
    if (outcome.kind === 'replayed') {
      if (outcome.fingerprint !== guard.fingerprint) throw new ConflictError('这个请求编号已用于另一次兑换，请刷新后重试');
      const previous = await deps.coins.getRedemption(studioId, outcome.targetId);
      if (previous) return redemptionViewOf(previous);
      throw new ConflictError('兑换没有完成，请刷新后查看');
    }
    if (outcome.why === 'coins') {
      const balance = (await deps.coins.getAccount(studioId, principal.userId))?.balance ?? 0;
      throw new ConflictError(`幸福币不够：兑换“${reward.name}”要 ${reward.cost} 个，您有 ${balance} 个`);
    }
    if (outcome.why === 'stock') throw new ConflictError(`“${reward.name}”已经换完了（或刚刚改了所需幸福币），请刷新后看看别的`);
    // 'code': the random code was taken, try another
  }
  throw new ConflictError('兑换没有完成，请再试一次');
}

async function requireRedemption(deps: CoinsDeps, studioId: string, code: string): Promise<Redemption> {
  const redemption = await deps.coins.getRedemption(studioId, normaliseCode(code));
  if (!redemption) throw new NotFoundError('没有找到这个兑换码，请核对');
  return redemption;
}

const refundOf = (deps: CoinsDeps, r: Redemption, by: { userId: string; name: string }): Transfer => ({
  studioId: r.studioId,
  id: deps.newId(),
  from: STUDIO_ACCOUNT,
  to: r.userId,
  amount: r.cost,
  kind: 'refund',
  what: r.rewardName,
  byUserId: by.userId,
  byName: by.name,
  at: deps.now().toISOString(),
});

const STATUS_REFUSALS: Record<string, string> = {
  handed_over: '这个兑换已经领取过了',
  cancelled: '这个兑换已经取消，幸福币已退回',
  refused: '这个兑换没有发放，幸福币已退回',
};

/** The resident changes their mind before collecting it: the coins and the reward go back. */
export async function cancelRedemption(deps: CoinsDeps, principal: Principal, studioId: string, code: string): Promise<RedemptionView> {
  const redemption = await deps.coins.getRedemption(studioId, normaliseCode(code));
  if (!redemption || redemption.userId !== principal.userId) throw new NotFoundError('没有找到这个兑换码，请核对');
  if (redemption.status !== 'reserved') throw new ConflictError(STATUS_REFUSALS[redemption.status]);
  const done = await deps.coins.giveBack(redemption, 'cancelled', refundOf(deps, redemption, { userId: principal.userId, name: redemption.residentName }));
  if (!done) throw new ConflictError(STATUS_REFUSALS[(await requireRedemption(deps, studioId, code)).status] ?? '兑换状态已变化，请刷新');
  return redemptionViewOf(await requireRedemption(deps, studioId, code));
}

/** Staff look a code up at the stand before handing the reward over (whose it is, what, its state). */
export async function getRedemption(deps: CoinsDeps, principal: Principal, studioId: string, code: string): Promise<RedemptionView> {
  requireStudioRole(principal, studioId, 'serve');
  return redemptionViewOf(await requireRedemption(deps, studioId, code), true);
}

/** 发放: reserved → handed over, once. */
export async function handOverRedemption(deps: CoinsDeps, principal: Principal, studioId: string, code: string): Promise<RedemptionView> {
  requireStudioRole(principal, studioId, 'serve');
  const redemption = await requireRedemption(deps, studioId, code);
  if (redemption.status !== 'reserved' || !(await deps.coins.handOver(studioId, redemption.code, deps.now().toISOString()))) {
    throw new ConflictError(STATUS_REFUSALS[(await requireRedemption(deps, studioId, code)).status] ?? '兑换状态已变化，请刷新');
  }
  return redemptionViewOf(await requireRedemption(deps, studioId, code), true);
}

/** 不发放 (out of stock at the stand, the wrong person …): the coins and the reward go back, with the reason. */
export async function refuseRedemption(deps: CoinsDeps, principal: Principal, studioId: string, code: string, body: { reason: string }): Promise<RedemptionView> {
  requireStudioRole(principal, studioId, 'serve');
  const redemption = await requireRedemption(deps, studioId, code);
  if (redemption.status !== 'reserved') throw new ConflictError(STATUS_REFUSALS[redemption.status]);
  const staffName = await displayNameOf(deps, principal.userId);
  const done = await deps.coins.giveBack(redemption, 'refused', refundOf(deps, redemption, { userId: principal.userId, name: staffName }), body.reason);
  if (!done) throw new ConflictError(STATUS_REFUSALS[(await requireRedemption(deps, studioId, code)).status] ?? '兑换状态已变化，请刷新');
  return redemptionViewOf(await requireRedemption(deps, studioId, code), true);
}

/** A month's coins: issued for activities, redeemed for rewards, given back. */
export async function getCoinFigures(deps: CoinsDeps, principal: Principal, studioId: string, query: { month: string }): Promise<CoinFiguresView> {
  requireStudioRole(principal, studioId, 'answer');
  return { month: query.month, ...(await deps.coins.getFigures(studioId, query.month)) };
}
