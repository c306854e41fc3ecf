import { ulid } from 'ulid';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { awardCoinsRequest, myCoinsView, redemptionView } from '@shared/schemas/coins';
import type { Principal } from '../auth/session-tokens';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { STUDIO_ACCOUNT } from './coin.repository';
import { myDataOf, getMyDataSummary } from '../privacy/my-data.use-case';
import { deleteMyAccount } from '../privacy/delete-account.use-case';
import {
  awardCoins,
  cancelRedemption,
  getCoinFigures,
  getMyCoins,
  getRedemption,
  handOverRedemption,
  openCoinCard,
  putCoinSettings,
  redeemCoins,
  refuseRedemption,
} from './coins.use-case';

// 幸福币 against DynamoDB Local: a time bank's ledger — transfers of two entries summing to zero, balances that never
// go below zero, rewards reserved with the coins, and figures per month.
describe('幸福币 (DynamoDB Local)', () => {
  async function coinsFixture() {
    const f = await bookingFixture();
    const staff = f.principalOf('staff1');
    const admin = f.principalOf('admin');
    const studioId = f.seed.studioId;
    // the body as the router hands it over: through the contract's schema (a typed card code is normalised there)
    const award = (resident: { cardCode: string }, ruleId: string, requestId = ulid()) => awardCoins(f.deps, staff, studioId, awardCoinsRequest.parse({ requestId, cardCode: resident.cardCode, ruleId }));
    /** Every entry of an account, summed — what the balance must be. */
    const ledgerSum = async (account: string) => {
      const out = await f.deps.coins['table'].client.send(
        new QueryCommand({ TableName: f.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :e)', ExpressionAttributeValues: { ':pk': `COINS#${studioId}#${account}`, ':e': 'ENTRY#' }, ConsistentRead: true }),
      );
      return (out.Items ?? []).reduce((n, i) => n + (i.amount as number), 0);
    };
    const balanceOf = async (account: string) => (await f.deps.coins.getAccount(studioId, account))?.balance ?? 0;
    return { ...f, staff, admin, studioId, award, ledgerSum, balanceOf };
  }

  it('credits a resident for an activity by their card, once per request, and shows it in their ledger', async () => {
    const f = await coinsFixture();
    const [resident] = await f.newResidents(1);
    const card = await openCoinCard(f.deps, resident!, f.studioId);
    expect(card.cardCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    expect(await openCoinCard(f.deps, resident!, f.studioId)).toEqual(card); // the same card, not a second one

    const requestId = ulid();
    const first = await f.award(card, 'mediation', requestId);
    expect(first).toMatchObject({ residentName: '居民1', activity: '调解纠纷', coins: 10 });
    await f.award(card, 'mediation', requestId); // the answer was lost and staff tapped again
    await f.award({ cardCode: card.cardCode.toLowerCase() }, 'clean-up');
    expect(await f.balanceOf(resident!.userId)).toBe(13);

    const mine = myCoinsView.parse(await getMyCoins(f.deps, resident!, f.studioId, {}));
    expect(mine).toMatchObject({ balance: 13, cardCode: card.cardCode });
    expect(mine.entries.map((e) => [e.amount, e.kind, e.what, e.by])).toEqual([
      [3, 'award', '环境整治', '王志强'],
      [10, 'award', '调解纠纷', '王志强'],
    ]);
    expect(mine.rewards.map((r) => r.name)).toContain('毛巾一条');

    // wrong card, unknown activity, a resident trying to credit themselves
    expect(await failureOf(f.award({ cardCode: 'ACDEFGHJ' }, 'mediation'))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { cardCode: '没有这个幸福币卡号，请核对居民手机上的卡号' } });
    expect(await failureOf(f.award(card, 'no-such-rule'))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { ruleId: expect.any(String) } });
    expect(await failureOf(awardCoins(f.deps, resident!, f.studioId, { requestId: ulid(), cardCode: card.cardCode, ruleId: 'mediation' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.balanceOf(resident!.userId)).toBe(13);
  }, 60_000);

  it('redeems at once, hands over once, and gives coins and reward back when cancelled or refused', async () => {
    const f = await coinsFixture();
    const [resident] = await f.newResidents(1);
    const card = await openCoinCard(f.deps, resident!, f.studioId);
    for (let i = 0; i < 5; i += 1) await f.award(card, 'neighbour-help'); // 25 coins

    const towel = redemptionView.parse(await redeemCoins(f.deps, resident!, f.studioId, { requestId: ulid(), rewardId: 'towel' }));
    expect(towel).toMatchObject({ rewardName: '毛巾一条', cost: 10, status: 'reserved' });
    expect(await f.balanceOf(resident!.userId)).toBe(15);
    expect((await f.deps.coins.getReward(f.studioId, 'towel'))!.stock).toBe(19);

    // not enough for the rice: refused with what is missing, nothing changed
    expect(await failureOf(redeemCoins(f.deps, resident!, f.studioId, { requestId: ulid(), rewardId: 'rice' }))).toEqual({ code: 'CONFLICT', message: '幸福币不够：兑换“大米五斤”要 50 个，您有 15 个' });
    expect((await f.deps.coins.getReward(f.studioId, 'rice'))!.stock).toBe(5);

    // at the stand: staff look the code up (typed in lower case), hand it over once
    expect(await getRedemption(f.deps, f.staff, f.studioId, towel.code.toLowerCase())).toMatchObject({ residentName: '居民1', status: 'reserved' });
    expect(await handOverRedemption(f.deps, f.staff, f.studioId, towel.code)).toMatchObject({ status: 'handed_over' });
    expect(await failureOf(handOverRedemption(f.deps, f.staff, f.studioId, towel.code))).toEqual({ code: 'CONFLICT', message: '这个兑换已经领取过了' });
    expect(await failureOf(cancelRedemption(f.deps, resident!, f.studioId, towel.code))).toEqual({ code: 'CONFLICT', message: '这个兑换已经领取过了' });

    // a haircut voucher, cancelled by the resident: coins and stock back, as a new refund entry
    const haircut = await redeemCoins(f.deps, resident!, f.studioId, { requestId: ulid(), rewardId: 'haircut' });
    expect(await f.balanceOf(resident!.userId)).toBe(0);
    expect((await cancelRedemption(f.deps, resident!, f.studioId, haircut.code)).status).toBe('cancelled');
    expect(await f.balanceOf(resident!.userId)).toBe(15);
    expect((await f.deps.coins.getReward(f.studioId, 'haircut'))!.stock).toBe(30);
    expect(await failureOf(cancelRedemption(f.deps, resident!, f.studioId, haircut.code))).toMatchObject({ code: 'CONFLICT' });

    // another resident cannot cancel it, nor see it
    const [other] = await f.newResidents(1);
    const again = await redeemCoins(f.deps, resident!, f.studioId, { requestId: ulid(), rewardId: 'towel' });
    expect(await failureOf(cancelRedemption(f.deps, other!, f.studioId, again.code))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(getRedemption(f.deps, other!, f.studioId, again.code))).toMatchObject({ code: 'FORBIDDEN' });

    // refused by staff with a reason: back again
    expect(await refuseRedemption(f.deps, f.staff, f.studioId, again.code, { reason: '毛巾今天没带来' })).toMatchObject({ status: 'refused', reason: '毛巾今天没带来' });
    expect(await f.balanceOf(resident!.userId)).toBe(15);

    const mine = await getMyCoins(f.deps, resident!, f.studioId, {});
    expect(mine.entries.slice(0, 2).map((e) => [e.kind, e.amount, e.by])).toEqual([['refund', 10, '王志强'], ['redeem', -10, '本人']]);
    expect(mine.redemptions.map((r) => r.status)).toEqual(['refused', 'cancelled', 'handed_over']);

    // the ledger is the truth: each balance is the sum of its entries, and the studio's accounts sum to zero
    expect(await f.ledgerSum(resident!.userId)).toBe(15);
    expect(await f.ledgerSum(STUDIO_ACCOUNT)).toBe(-15);
    expect(await f.balanceOf(STUDIO_ACCOUNT)).toBe(-15);

    const month = f.deps.now().toISOString().slice(0, 7);
    expect(await getCoinFigures(f.deps, f.principalOf('rep1'), f.studioId, { month })).toEqual({ month, issued: 25, redeemed: 35, refunded: 25, awards: 5, redemptions: 3, volunteerMinutes: 0, volunteerShifts: 0 });
    expect(await failureOf(getCoinFigures(f.deps, f.staff, f.studioId, { month }))).toMatchObject({ code: 'FORBIDDEN' });
  }, 60_000);

  it('never overdraws: 200 redemptions of one resident’s coins at once give exactly what the coins buy', async () => {
    const f = await coinsFixture();
    const [resident] = await f.newResidents(1);
    const card = await openCoinCard(f.deps, resident!, f.studioId);
    for (let i = 0; i < 11; i += 1) await f.award(card, 'mediation'); // 110 coins: 11 towels at most, 20 in stock
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => redeemCoins(f.deps, resident!, f.studioId, { requestId: ulid(), rewardId: 'towel' })));
    const made = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(made).toHaveLength(11);
    expect(new Set(refused.map((r) => (r.reason as Error).message.slice(0, 6)))).toEqual(new Set(['幸福币不够：']));
    expect(await f.balanceOf(resident!.userId)).toBe(0);
    expect(await f.ledgerSum(resident!.userId)).toBe(0);
    expect((await f.deps.coins.getReward(f.studioId, 'towel'))!.stock).toBe(9);
    expect(await f.ledgerSum(STUDIO_ACCOUNT)).toBe(await f.balanceOf(STUDIO_ACCOUNT));
  }, 120_000);

  it('50 taps of one award by several phones credit once; a reward runs out without going below zero', async () => {
    const f = await coinsFixture();
    const [resident] = await f.newResidents(1);
    const card = await openCoinCard(f.deps, resident!, f.studioId);
    const requestId = ulid();
    await Promise.allSettled(Array.from({ length: 50 }, () => f.award(card, 'mediation', requestId)));
    expect(await f.balanceOf(resident!.userId)).toBe(10);

    // the admin leaves one bag of rice; eight residents rich enough try for it at once
    await putCoinSettings(f.deps, f.admin, f.studioId, { rules: [{ id: 'mediation', activity: '调解纠纷', coins: 60 }], rewards: [{ id: 'rice', name: '大米五斤', cost: 50, stock: 1 }] });
    const rich: Principal[] = await f.newResidents(8);
    for (const r of rich) await f.award(await openCoinCard(f.deps, r, f.studioId), 'mediation');
    const tries = await Promise.allSettled(rich.map((r) => redeemCoins(f.deps, r, f.studioId, { requestId: ulid(), rewardId: 'rice' })));
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    expect((await f.deps.coins.getReward(f.studioId, 'rice'))!.stock).toBe(0);
    const balances = await Promise.all(rich.map((r) => f.balanceOf(r.userId)));
    expect(balances.sort()).toEqual([10, 60, 60, 60, 60, 60, 60, 60]);
    // the towel was withdrawn by the admin's new list: it cannot be redeemed any more
    expect(await failureOf(redeemCoins(f.deps, rich[1]!, f.studioId, { requestId: ulid(), rewardId: 'towel' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { rewardId: expect.any(String) } });
    expect(await failureOf(putCoinSettings(f.deps, f.staff, f.studioId, { rules: [], rewards: [] }))).toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);

  it('are in the resident’s data; deleting the account gives back what waits at the stand, drops the card and the name, keeps the ledger whole', async () => {
    const f = await coinsFixture();
    const [resident] = await f.newResidents(1);
    const card = await openCoinCard(f.deps, resident!, f.studioId);
    await f.award(card, 'mediation');
    await f.award(card, 'mediation');
    const collected = await redeemCoins(f.deps, resident!, f.studioId, { requestId: ulid(), rewardId: 'towel' });
    await handOverRedemption(f.deps, f.staff, f.studioId, collected.code);
    const waiting = await redeemCoins(f.deps, resident!, f.studioId, { requestId: ulid(), rewardId: 'towel' });

    expect((await getMyDataSummary(f.deps, resident!)).coinAccounts).toBe(1);
    const mine = await myDataOf(f.deps, resident!);
    expect(mine.coins).toEqual([
      expect.objectContaining({ studioId: f.studioId, studioName: '洛社镇党代表工作室', balance: 0, cardCode: card.cardCode, entries: expect.any(Array), redemptions: expect.any(Array) }),
    ]);
    expect(mine.coins[0]!.entries.map((e) => e.amount)).toEqual([10, 10, -10, -10]);

    await deleteMyAccount(f.deps, resident!);
    // the towel still waiting went back to the stock and its coins to the (deleted) account, as a refund entry
    expect((await f.deps.coins.getReward(f.studioId, 'towel'))!.stock).toBe(19);
    expect(await f.balanceOf(resident!.userId)).toBe(10);
    expect(await f.ledgerSum(resident!.userId)).toBe(10);
    expect(await f.ledgerSum(STUDIO_ACCOUNT)).toBe(-10);
    // no name, no card, not listed under the person any more
    expect(await getRedemption(f.deps, f.staff, f.studioId, waiting.code)).toMatchObject({ status: 'cancelled', residentName: '（已注销）' });
    expect(await getRedemption(f.deps, f.staff, f.studioId, collected.code)).toMatchObject({ status: 'handed_over', residentName: '（已注销）' });
    expect(await f.deps.coins.cardOwner(f.studioId, card.cardCode)).toBeUndefined();
    expect(await f.deps.coins.listAccountsOfUser(resident!.userId)).toEqual([]);
    expect(await failureOf(f.award(card, 'mediation'))).toMatchObject({ code: 'VALIDATION_FAILED' });
  }, 60_000);
});
