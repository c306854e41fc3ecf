import { ulid } from 'ulid';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { volunteerRequest } from '@shared/schemas/volunteers';
import { postWishOnBehalfRequest, postWishRequest, wishesPage, wishFiguresView, wishView } from '@shared/schemas/wishes';
import type { Principal } from '../auth/session-tokens';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { chinaDate } from '@shared/time';
import { STUDIO_ACCOUNT } from '../coins/coin.repository';
import { runOverdueCount } from '../submissions/jobs/count-overdue';
import { chaseUnclaimedWishes } from './chase.use-case';
import { decideVolunteer, registerVolunteer } from '../volunteers/volunteers.use-case';
import { deleteMyAccount } from '../privacy/delete-account.use-case';
import { myDataOf } from '../privacy/my-data.use-case';
import {
  approveWish,
  cancelWishClaim,
  claimWish,
  confirmWish,
  fulfilWish,
  getWish,
  getWishFigures,
  listMyWishClaims,
  listMyWishes,
  listWishesOnBehalf,
  listWishReviewQueue,
  listWishWall,
  postWish,
  postWishOnBehalf,
  refuseWish,
  withdrawWish,
} from './wishes.use-case';

// 微心愿 against DynamoDB Local: posted → reviewed → on the wall without names → claimed by exactly one approved
// volunteer → fulfilled → confirmed, which credits the claimer's coins in the same transaction; every illegal step a
// 409 that changes nothing.
describe('微心愿 (DynamoDB Local)', () => {
  async function wishesFixture() {
    const f = await bookingFixture();
    const rep = f.principalOf('rep1');
    const admin = f.principalOf('admin');
    const staff = f.principalOf('staff1');
    const studioId = f.seed.studioId;
    const post = (who: Principal, title = '想要一根结实的拐杖', details = '腿脚不好，电话 13800138000，住 3栋2单元1801室') =>
      postWish(f.deps, who, studioId, postWishRequest.parse({ requestId: ulid(), title, details }));
    /** Residents made approved volunteers of the studio (registered, then approved by the admin). */
    async function volunteers(count: number): Promise<Principal[]> {
      const people = await f.newResidents(count);
      for (const p of people) {
        await registerVolunteer(f.deps, p, studioId, volunteerRequest.parse({ partyMember: false, skills: ['助老陪伴'], availability: '周末' }));
        await decideVolunteer(f.deps, admin, studioId, p.userId, { approve: true });
      }
      return people;
    }
    const ledgerSum = async (account: string) => {
      const out = await f.deps.coins['table'].client.send(
        new QueryCommand({ TableName: f.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :e)', ExpressionAttributeValues: { ':pk': `COINS#${studioId}#${account}`, ':e': 'ENTRY#' }, ConsistentRead: true }),
      );
      return (out.Items ?? []).reduce((n, i) => n + (i.amount as number), 0);
    };
    const balanceOf = async (account: string) => (await f.deps.coins.getAccount(studioId, account))?.balance ?? 0;
    const stored = async (wishId: string) => f.deps.wishes.get(wishId);
    return { ...f, rep, admin, staff, studioId, post, volunteers, ledgerSum, balanceOf, stored };
  }

  it('goes from a resident’s wish to a confirmed one: masked on the wall, one claimer, coins once, notices and a timeline', async () => {
    const f = await wishesFixture();
    const [grandma] = await f.newResidents(1);
    const [helper] = await f.volunteers(1);

    const posted = wishView.parse(await f.post(grandma!));
    expect(posted).toMatchObject({ status: 'pending_review', wisherName: '居民1', can: ['withdraw'] });
    // not on the wall yet; in the representatives' queue and the wisher's list
    // (the demo seed's own two wishes are there too: an open one and one waiting)
    const figuresBefore = await getWishFigures(f.deps, f.studioId);
    expect((await listWishWall(f.deps, undefined, f.studioId, {})).wishes.map((w) => w.id)).not.toContain(posted.id);
    expect(await failureOf(getWish(f.deps, undefined, f.studioId, posted.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await listWishReviewQueue(f.deps, f.rep, f.studioId, {})).wishes.map((w) => w.id)).toContain(posted.id);
    expect((await listMyWishes(f.deps, grandma!, f.studioId, {})).wishes.map((w) => w.id)).toEqual([posted.id]);

    expect(await approveWish(f.deps, f.rep, f.studioId, posted.id)).toMatchObject({ status: 'approved' });
    expect((await listWishReviewQueue(f.deps, f.rep, f.studioId, {})).wishes.map((w) => w.id)).not.toContain(posted.id);

    // the public wall: no name, no phone, no flat number
    const wall = wishesPage.parse(await listWishWall(f.deps, undefined, f.studioId, {}));
    const shown = wall.wishes.find((w) => w.id === posted.id)!;
    expect(wall.wishes.map((w) => w.status)).toEqual(['approved', 'approved']); // the demo's open wish and this one
    expect(shown).toMatchObject({ wisherName: '居民', title: '想要一根结实的拐杖', can: [] });
    expect(shown.details).not.toContain('13800138000');
    expect(shown.details).not.toContain('1801');
    expect(shown.timeline).toBeUndefined();
    // a volunteer sees it may be claimed
    expect((await listWishWall(f.deps, helper, f.studioId, {})).wishes.find((w) => w.id === posted.id)!.can).toEqual(['claim']);

    const claimed = await claimWish(f.deps, helper!, f.studioId, posted.id);
    expect(claimed).toMatchObject({ status: 'claimed', claimerName: '居民1', can: ['cancel_claim', 'fulfil'] });
    expect(await f.deps.noticeQueue.get(`${posted.id}.3.claim`)).toMatchObject({ userId: grandma!.userId, kind: 'wish_update', data: { status: '已认领' } });
    expect((await listMyWishClaims(f.deps, helper!, f.studioId, {})).wishes.map((w) => w.id)).toEqual([posted.id]);
    // the wisher cannot withdraw a claimed wish, and confirming before it is fulfilled is a conflict
    expect(await failureOf(withdrawWish(f.deps, grandma!, f.studioId, posted.id))).toEqual({ code: 'CONFLICT', message: '这个心愿已被志愿者认领，不能撤回；如需取消请联系工作室' });
    expect(await failureOf(confirmWish(f.deps, grandma!, f.studioId, posted.id))).toMatchObject({ code: 'CONFLICT' });
    expect(await failureOf(fulfilWish(f.deps, grandma!, f.studioId, posted.id, { note: '我自己完成了' }))).toMatchObject({ code: 'FORBIDDEN' });

    expect(await fulfilWish(f.deps, helper!, f.studioId, posted.id, { note: '送去了一根四脚拐杖' })).toMatchObject({ status: 'fulfilled', note: '送去了一根四脚拐杖' });
    expect(await f.deps.noticeQueue.get(`${posted.id}.4.fulfil`)).toMatchObject({ userId: grandma!.userId });
    expect(await failureOf(confirmWish(f.deps, helper!, f.studioId, posted.id))).toMatchObject({ code: 'FORBIDDEN' });

    const before = await f.balanceOf(STUDIO_ACCOUNT);
    const confirmed = wishView.parse(await confirmWish(f.deps, grandma!, f.studioId, posted.id));
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.timeline!.map((s) => [s.label, s.by])).toEqual([
      ['发布心愿', '居民'],
      ['审核通过', '张建国'],
      ['认领', '居民1'],
      ['标记完成', '居民1'],
      ['确认圆梦', '居民'],
    ]);
    expect(await f.deps.noticeQueue.get(`${posted.id}.5.confirm`)).toMatchObject({ userId: helper!.userId });
    // coins once: confirming again is a conflict and credits nothing more; the ledger sums to the balances
    expect(await failureOf(confirmWish(f.deps, grandma!, f.studioId, posted.id))).toMatchObject({ code: 'CONFLICT' });
    expect(await f.balanceOf(helper!.userId)).toBe(10);
    expect(await f.ledgerSum(helper!.userId)).toBe(10);
    expect(await f.balanceOf(STUDIO_ACCOUNT)).toBe(before - 10);
    expect(await f.ledgerSum(STUDIO_ACCOUNT)).toBe(await f.balanceOf(STUDIO_ACCOUNT));

    expect(wishFiguresView.parse(await getWishFigures(f.deps, f.studioId))).toMatchObject({ posted: figuresBefore.posted, claimed: figuresBefore.claimed + 1, confirmed: figuresBefore.confirmed + 1, helpers: [{ name: '居民', confirmed: 1 }] });
  }, 60_000);

  it('refuses every illegal step with a 409 and changes nothing', async () => {
    const f = await wishesFixture();
    const [wisher, other] = await f.newResidents(2);
    const [helper] = await f.volunteers(1);
    const wish = await f.post(wisher!);
    const open = await f.post(wisher!, '想请人帮忙修台灯', '');
    await approveWish(f.deps, f.rep, f.studioId, open.id);
    const tries: [string, string, () => Promise<unknown>][] = [
      ['confirm before a claim', wish.id, () => confirmWish(f.deps, wisher!, f.studioId, wish.id)],
      ['claim before approval (a studio person who can see it)', wish.id, () => claimWish(f.deps, f.rep, f.studioId, wish.id)],
      ['approve twice', open.id, () => approveWish(f.deps, f.rep, f.studioId, open.id)],
      ['fulfil before a claim', open.id, () => fulfilWish(f.deps, helper!, f.studioId, open.id, { note: '完成了' })],
      ['confirm before fulfilment', open.id, () => confirmWish(f.deps, wisher!, f.studioId, open.id)],
      ['cancel a claim nobody made', open.id, () => cancelWishClaim(f.deps, helper!, f.studioId, open.id)],
    ];
    for (const [what, id, step] of tries) {
      const was = await f.stored(id);
      expect([what, await failureOf(step())]).toEqual([what, expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]);
      expect(await f.stored(id)).toEqual(was);
    }
    // a volunteer cannot even see a wish waiting for review
    expect(await failureOf(claimWish(f.deps, helper!, f.studioId, wish.id))).toMatchObject({ code: 'NOT_FOUND' });
    // refused: stays refused, with its reason, and off every list but the wisher's
    expect(await refuseWish(f.deps, f.rep, f.studioId, wish.id, { reason: '请到服务点当面说明' })).toMatchObject({ status: 'refused', reason: '请到服务点当面说明' });
    const refused = await f.stored(wish.id);
    for (const step of [() => approveWish(f.deps, f.rep, f.studioId, wish.id), () => withdrawWish(f.deps, wisher!, f.studioId, wish.id), () => refuseWish(f.deps, f.rep, f.studioId, wish.id, { reason: '再次' })]) {
      expect(await failureOf(step())).toMatchObject({ code: 'CONFLICT' });
    }
    expect(await f.stored(wish.id)).toEqual(refused);
    // someone else's unpublished wish is not found; a published one cannot be withdrawn by them
    expect(await failureOf(getWish(f.deps, other!, f.studioId, wish.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(withdrawWish(f.deps, other!, f.studioId, open.id))).toMatchObject({ code: 'FORBIDDEN' });
    // the claimer gives it back: it is open again and another volunteer may claim it; then withdrawn, it is gone
    await claimWish(f.deps, helper!, f.studioId, open.id);
    expect(await cancelWishClaim(f.deps, helper!, f.studioId, open.id)).toMatchObject({ status: 'approved' });
    expect((await listMyWishClaims(f.deps, helper!, f.studioId, {})).wishes).toEqual([]);
    expect(await withdrawWish(f.deps, wisher!, f.studioId, open.id)).toMatchObject({ status: 'withdrawn' });
    expect((await listWishWall(f.deps, undefined, f.studioId, {})).wishes.map((w) => w.id)).not.toContain(open.id);
    expect(await failureOf(claimWish(f.deps, helper!, f.studioId, open.id))).toMatchObject({ code: 'NOT_FOUND' }); // off the wall for good
  }, 60_000);

  it('lets exactly one of 50 approved volunteers claim a wish at once; the rest get 409', async () => {
    const f = await wishesFixture();
    const [wisher] = await f.newResidents(1);
    const helpers = await f.volunteers(50);
    const wish = await f.post(wisher!);
    await approveWish(f.deps, f.rep, f.studioId, wish.id);
    const results = await Promise.allSettled(helpers.map((h) => claimWish(f.deps, h, f.studioId, wish.id)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const stored = await f.stored(wish.id);
    expect(stored).toMatchObject({ status: 'claimed', claimerId: (won[0] as PromiseFulfilledResult<{ claimerName: string }>).value && stored!.claimerId });
    const claims = await Promise.all(helpers.map((h) => f.deps.wishes.listAllClaimsOf(h.userId)));
    expect(claims.flat()).toHaveLength(1);
    expect((await getWishFigures(f.deps, f.studioId)).claimed).toBe(1);
  }, 120_000);

  it('keeps to its scope: residents and non-volunteers cannot review or claim; another studio’s representative is refused', async () => {
    const f = await wishesFixture();
    const [wisher, resident] = await f.newResidents(2);
    const wish = await f.post(wisher!);
    const elsewhere: Principal = { userId: f.rep.userId, role: 'representative', studioId: ulid() };
    expect(await failureOf(approveWish(f.deps, resident!, f.studioId, wish.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(approveWish(f.deps, elsewhere, f.studioId, wish.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(listWishReviewQueue(f.deps, elsewhere, f.studioId, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(approveWish(f.deps, f.staff, f.studioId, wish.id))).toMatchObject({ code: 'FORBIDDEN' });
    await approveWish(f.deps, f.admin, f.studioId, wish.id);
    expect(await failureOf(claimWish(f.deps, resident!, f.studioId, wish.id))).toMatchObject({ code: 'FORBIDDEN' });
    // a wisher who is a volunteer still cannot claim their own wish
    await registerVolunteer(f.deps, wisher!, f.studioId, volunteerRequest.parse({ partyMember: false, skills: ['助老陪伴'], availability: '周末' }));
    await decideVolunteer(f.deps, f.admin, f.studioId, wisher!.userId, { approve: true });
    expect(await failureOf(claimWish(f.deps, wisher!, f.studioId, wish.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(listWishWall(f.deps, undefined, f.studioId, { cursor: 'bm90LWEtY3Vyc29y' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { cursor: expect.any(String) } });
    expect(await f.stored(wish.id)).toMatchObject({ status: 'approved' });
  }, 60_000);

  it('代填: staff post for a resident without the app, see the phone, and confirm for them; a retried post makes one wish', async () => {
    const f = await wishesFixture();
    const [helper] = await f.volunteers(1);
    const body = postWishOnBehalfRequest.parse({ requestId: ulid(), title: '想有人陪着去趟医院', wisherName: '刘桂英', wisherPhone: '13900139000' });
    const first = await postWishOnBehalf(f.deps, f.staff, f.studioId, body);
    expect(await postWishOnBehalf(f.deps, f.staff, f.studioId, body)).toMatchObject({ id: first.id });
    expect((await listWishesOnBehalf(f.deps, f.staff, f.studioId, {})).wishes.map((w) => [w.id, w.wisherName, w.wisherPhone])).toContainEqual([first.id, '刘桂英', '13900139000']);
    await approveWish(f.deps, f.rep, f.studioId, first.id);
    const onWall = (await listWishWall(f.deps, helper, f.studioId, {})).wishes.find((w) => w.id === first.id)!;
    expect(onWall).toMatchObject({ wisherName: '刘**', onBehalf: true });
    expect(onWall.wisherPhone).toBeUndefined();
    await claimWish(f.deps, helper!, f.studioId, first.id);
    await fulfilWish(f.deps, helper!, f.studioId, first.id, { note: '陪同看了门诊' });
    const confirmed = await confirmWish(f.deps, f.staff, f.studioId, first.id);
    expect(confirmed.timeline!.at(-1)).toMatchObject({ label: '确认圆梦', by: '王志强（代心愿人）' });
    expect(await f.balanceOf(helper!.userId)).toBe(10);
  }, 60_000);

  it('brings open wishes nobody claimed for a week to the representatives, once a day, from the daily job', async () => {
    const f = await wishesFixture();
    const [wisher] = await f.newResidents(1);
    const wish = await f.post(wisher!);
    await approveWish(f.deps, f.rep, f.studioId, wish.id);
    const later = (days: number) => ({ ...f.deps, now: () => new Date(f.now.getTime() + days * 86_400_000) });
    expect(await runOverdueCount({ ...later(6), metrics: f.deps.metrics })).toMatchObject({ wishesWaiting: 0 });
    expect(await chaseUnclaimedWishes(later(8), [f.studioId])).toEqual({ waiting: 2, notified: 4 }); // this one and the demo's open wish; the studio's three representatives (钱文华 of two studios too) and its admin
    expect(await runOverdueCount({ ...later(8), metrics: f.deps.metrics })).toMatchObject({ wishesWaiting: 2 }); // the same day: nothing queued again
    expect(await chaseUnclaimedWishes(later(8), [f.studioId])).toEqual({ waiting: 2, notified: 0 });
    const day = chinaDate(later(8).now());
    expect(await f.deps.noticeQueue.get(`${f.studioId}.${day}.wish_chase.${f.rep.userId}`)).toMatchObject({ kind: 'wish_update', data: { title: '2 个心愿超过 7 天无人认领' } });
    // claimed, it is no longer chased
    const [helper] = await f.volunteers(1);
    await claimWish(f.deps, helper!, f.studioId, wish.id);
    expect(await chaseUnclaimedWishes(later(9), [f.studioId])).toEqual({ waiting: 1, notified: 4 }); // only the demo's, told again the next day
  }, 60_000);

  it('are in the person’s data; deleting an account takes their name off every wish, withdraws their open ones and gives back their claims', async () => {
    const f = await wishesFixture();
    const [wisher] = await f.newResidents(1);
    const [helper, another] = await f.volunteers(2);
    const open = await f.post(wisher!, '想要一根结实的拐杖');
    const taken = await f.post(wisher!, '想请人帮忙修台灯');
    for (const w of [open, taken]) await approveWish(f.deps, f.rep, f.studioId, w.id);
    await claimWish(f.deps, helper!, f.studioId, taken.id);

    const mine = await myDataOf(f.deps, wisher!);
    expect(mine.wishes.map((w) => [w.title, w.wisherName]).sort()).toEqual([['想要一根结实的拐杖', '居民1'], ['想请人帮忙修台灯', '居民1']].sort());
    expect((await myDataOf(f.deps, helper!)).wishClaims.map((w) => w.id)).toEqual([taken.id]);

    // the claimer leaves: the wish is open again, their name off its timeline
    await deleteMyAccount(f.deps, helper!);
    const reopened = (await f.stored(taken.id))!;
    expect(reopened).toMatchObject({ status: 'approved' });
    expect(reopened.claimerId).toBeUndefined();
    expect(JSON.stringify(reopened)).not.toContain(helper!.userId);
    await claimWish(f.deps, another!, f.studioId, taken.id);
    await fulfilWish(f.deps, another!, f.studioId, taken.id, { note: '换了灯泡' });

    // the wisher leaves: the open wish is withdrawn, the fulfilled one unlinked — staff confirm it for them
    await deleteMyAccount(f.deps, wisher!);
    expect(await f.stored(open.id)).toMatchObject({ status: 'withdrawn', wisherName: '居民' });
    const orphan = (await f.stored(taken.id))!;
    expect(JSON.stringify(orphan)).not.toContain(wisher!.userId);
    expect(await confirmWish(f.deps, f.staff, f.studioId, taken.id)).toMatchObject({ status: 'confirmed' });
    expect(await f.balanceOf(another!.userId)).toBe(10);
  }, 60_000);
});
