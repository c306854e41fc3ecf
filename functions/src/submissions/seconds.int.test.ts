import { ulid } from 'ulid';
import { similarResponse } from '@shared/schemas/submission';
import { submit } from './submissions.use-case';
import { acceptSubmission, getBoard, getInbox, getStudioSubmission, replyToSubmission, resolveSubmission } from './submission-desk.use-case';
import { listMySeconds, listSimilarSubmissions, secondSubmission, SIMILAR_PER_MINUTE } from './seconds.use-case';
import { myDataOf } from '../privacy/my-data.use-case';
import { deleteMyAccount } from '../privacy/delete-account.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { drainNotices } from '../../../test/support/notice-stream';
import { postProgress } from './handling.use-case';
import { failureOf } from '../../../test/support/failure';

// 这些事已经有人反映过 and 附议 against DynamoDB Local: the hint finds the same matter said differently, never a private
// one; a resident seconds a matter once, however often they tap, and the count survives the representatives' steps.
describe('similar matters and 附议 (DynamoDB Local)', () => {
  async function studioWithMatters() {
    const f = await bookingFixture(new Date());
    const [author, neighbour, other, privateAuthor] = await f.newResidents(4);
    const raise = (who: typeof author, text: string, extra: { public?: boolean; category?: string; place?: string } = {}) =>
      submit(f.deps, who!, { requestId: ulid(), studioId: f.seed.studioId, category: extra.category ?? '道路交通', text, ...(extra.place ? { place: extra.place } : {}), public: extra.public ?? true });
    const lamp = await raise(author, '菜市场门口的路灯坏了，晚上很黑，老人走路不方便。我的电话 13800138000', { place: '菜市场' });
    const rubbish = await raise(author, '菜市场门口垃圾堆了好几天，没人清理', { category: '环境卫生', place: '菜市场' });
    const hidden = await raise(privateAuthor, '菜场门口路灯不亮了，晚上黑乎乎看不见路', { public: false });
    return { f, author: author!, neighbour: neighbour!, other: other!, privateAuthor: privateAuthor!, lamp, rubbish, hidden, rep: f.principalOf('rep1') };
  }

  it('hints the same matter said differently, masked, and neither an unrelated one nor a private one', async () => {
    const { f, neighbour, lamp, hidden } = await studioWithMatters();
    const found = similarResponse.parse(await listSimilarSubmissions(f.deps, neighbour, f.seed.studioId, { text: '菜场门口路灯不亮了好几天，晚上出来买菜看不见路', category: '道路交通', place: '菜市场' }));
    expect(found.items.map((i) => i.id)).toEqual([lamp.id]);
    expect(found.items[0]).toMatchObject({ status: 'submitted', seconds: 0, secondedByMe: false, category: '道路交通' });
    expect(found.items[0]!.text).toContain('138****8000');
    expect(JSON.stringify(found)).not.toContain(hidden.id);
    expect((await listSimilarSubmissions(f.deps, neighbour, f.seed.studioId, { text: '学校门口的小卖部卖三无食品，孩子吃了拉肚子' })).items).toEqual([]);
  }, 60_000);

  it('shows at most 3, and not the caller\'s own', async () => {
    const { f, author, neighbour, other } = await studioWithMatters();
    for (const who of [neighbour, other, neighbour]) {
      await submit(f.deps, who, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: `菜市场门口的路灯坏了，晚上很黑${'！'.repeat(3)}`, public: true });
    }
    const typed = { text: '菜市场门口路灯坏了，晚上太黑了' };
    expect((await listSimilarSubmissions(f.deps, f.principalOf('resident2'), f.seed.studioId, typed)).items).toHaveLength(3);
    const mine = await listSimilarSubmissions(f.deps, author, f.seed.studioId, typed);
    expect(mine.items).toHaveLength(3);
    const own = (await f.deps.submissions.listOfResident(author.userId)).map((s) => s.id);
    expect(mine.items.some((i) => own.includes(i.id))).toBe(false);
  }, 60_000);

  it('counts a resident once, even tapping five times at once, keeps the count through the steps, and shows it to reps and on the board', async () => {
    const { f, author, neighbour, other, rep, lamp } = await studioWithMatters();
    const taps = await Promise.all(Array.from({ length: 5 }, () => secondSubmission(f.deps, neighbour, lamp.id)));
    expect(taps.map((t) => t.seconds)).toEqual([1, 1, 1, 1, 1]);
    expect((await secondSubmission(f.deps, other, lamp.id)).seconds).toBe(2);

    // the author cannot second their own matter
    expect(await failureOf(secondSubmission(f.deps, author, lamp.id))).toMatchObject({ code: 'CONFLICT' });

    // a step of the representatives rewrites the whole submission: the count is its own item, so it stays
    await acceptSubmission(f.deps, rep, lamp.id, { triage: 'minor' });
    expect((await getStudioSubmission(f.deps, rep, f.seed.studioId, lamp.id)).seconds).toBe(2);
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'in_progress' })).items.find((i) => i.id === lamp.id)?.seconds).toBe(2);
    await replyToSubmission(f.deps, rep, lamp.id, { text: '已联系电工，本周内修复。', public: true });
    expect((await getBoard(f.deps, f.seed.studioId)).items.find((i) => i.id === lamp.id)?.seconds).toBe(2);
    const hint = await listSimilarSubmissions(f.deps, neighbour, f.seed.studioId, { text: '菜场门口路灯不亮了好几天，晚上看不见路' });
    expect(hint.items[0]).toMatchObject({ id: lamp.id, seconds: 2, secondedByMe: true, status: 'replied' });

    // once closed (办结) it takes no more, and the hint no longer shows it
    await resolveSubmission(f.deps, rep, lamp.id, { outcome: 'fixed' });
    expect(await failureOf(secondSubmission(f.deps, f.principalOf('resident2'), lamp.id))).toMatchObject({ code: 'CONFLICT' });
    expect((await listSimilarSubmissions(f.deps, neighbour, f.seed.studioId, { text: '菜场门口路灯不亮了好几天，晚上看不见路' })).items).toEqual([]);
    expect((await getStudioSubmission(f.deps, rep, f.seed.studioId, lamp.id)).seconds).toBe(2);
  }, 60_000);

  it('lists what a resident seconded (我附议的事), newest first, as it stands now: status, count, the public reply masked', async () => {
    const { f, author, neighbour, rep, lamp } = await studioWithMatters();
    const road = await submit(f.deps, author, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: '老街路面坑坑洼洼，下雨天全是积水', public: true });
    await secondSubmission(f.deps, neighbour, lamp.id);
    await secondSubmission(f.deps, neighbour, road.id);
    await acceptSubmission(f.deps, rep, lamp.id, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, lamp.id, { text: '已联系电工，有事请拨 13900139000', public: true });
    const mine = await listMySeconds(f.deps, neighbour, {});
    expect(mine.items.map((i) => i.id)).toEqual([road.id, lamp.id]);
    expect(mine.items[1]).toMatchObject({ status: 'replied', seconds: 1, reply: '已联系电工，有事请拨 139****9000' });
    expect(mine.items[1]!.text).toContain('138****8000');
    expect(mine.items[0]!.reply).toBeUndefined();
    expect((await listMySeconds(f.deps, author, {})).items).toEqual([]);
  }, 60_000);

  it('does not let anyone second a private matter or one that does not exist (not found)', async () => {
    const { f, neighbour, hidden } = await studioWithMatters();
    expect(await failureOf(secondSubmission(f.deps, neighbour, hidden.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(secondSubmission(f.deps, neighbour, ulid()))).toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('lists a resident\'s seconds in their data, and deletes them with the account while the count stays', async () => {
    const { f, neighbour, lamp, rep } = await studioWithMatters();
    await secondSubmission(f.deps, neighbour, lamp.id);
    expect((await myDataOf(f.deps, neighbour)).seconds).toEqual([{ submissionId: lamp.id, studioId: f.seed.studioId, at: expect.any(String) }]);
    await deleteMyAccount(f.deps, neighbour);
    expect(await f.deps.seconds.listOfUser(neighbour.userId)).toEqual([]);
    expect((await getStudioSubmission(f.deps, rep, f.seed.studioId, lamp.id)).seconds).toBe(1);
  }, 60_000);
});

describe('the hint is rate-limited (DynamoDB Local)', () => {
  it('answers 20 a minute per resident, then refuses (429), and answers again the next minute', async () => {
    const f = await bookingFixture(new Date('2099-06-01T02:00:10.000Z'));
    const [resident] = await f.newResidents(1);
    let clock = f.now;
    const deps = { ...f.deps, now: () => clock };
    const ask = () => listSimilarSubmissions(deps, resident!, f.seed.studioId, { text: '菜场门口路灯不亮了好几天' });
    for (let i = 0; i < SIMILAR_PER_MINUTE; i += 1) await ask();
    expect(await failureOf(ask())).toMatchObject({ code: 'RATE_LIMITED' });
    clock = new Date(clock.getTime() + 60_000);
    expect((await ask()).items).toEqual([]);
  }, 60_000);
});

// The residents who 附议'd a matter follow it like its author: each milestone (进展, 答复, 办结) reaches them through one
// fan-out request in the step's transaction, expanded by the real notice consumer fed by the table's stream.
describe('附议 brings the matter’s milestones (DynamoDB Local)', () => {
  it('tells each seconder of progress, the reply and the closure, and nobody else', async () => {
    const f = await bookingFixture(new Date());
    const [author, first, second, bystander] = await f.newResidents(4);
    const lamp = await submit(f.deps, author!, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: '人民路口的红绿灯坏了，早上过马路很危险', public: true });
    await secondSubmission(f.deps, first!, lamp.id);
    await secondSubmission(f.deps, second!, lamp.id);
    const rep = f.principalOf('rep1');
    await acceptSubmission(f.deps, rep, lamp.id, { triage: 'minor' });
    await postProgress(f.deps, rep, lamp.id, { text: '已联系交警中队，明天来修' });
    await replyToSubmission(f.deps, rep, lamp.id, { text: '红绿灯已修好。', public: true });
    await resolveSubmission(f.deps, rep, lamp.id, { outcome: 'fixed' });
    await drainNotices(f);
    for (const seconder of [first!, second!]) {
      const notices = await f.deps.notifications.listAllOfUser(seconder.userId);
      expect(notices.map((n) => n.kind)).toEqual(['seconded_update', 'seconded_update', 'seconded_update']);
      expect(notices.map((n) => n.body).sort()).toEqual(['「道路交通」已办结（已解决）', '「道路交通」已答复', '「道路交通」有新进展：已联系交警中队，明天来修'].sort());
    }
    expect(await f.deps.notifications.listAllOfUser(bystander!.userId)).toEqual([]);
    // the author hears as the one who raised it, not as a seconder
    expect((await f.deps.notifications.listAllOfUser(author!.userId)).map((n) => n.kind)).not.toContain('seconded_update');
  }, 120_000);
});
