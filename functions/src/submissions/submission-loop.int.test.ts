import { ulid } from 'ulid';
import { submit, getMySubmission } from './submissions.use-case';
import { acceptSubmission, approveForBoard, getBoard, getInbox, getStudioSubmission, rateSubmission, replyToSubmission, resolveSubmission } from './submission-desk.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { drainNotices } from '../../../test/support/notice-stream';

// The closed loop 收集 → 协商 → 解决 → 反馈 against DynamoDB Local: submit, accept and sort, reply, resolve, rate.
describe('the closed loop of a suggestion (DynamoDB Local)', () => {
  async function submitted() {
    const f = await bookingFixture(new Date());
    const [resident] = await f.newResidents(1);
    const view = await submit(f.deps, resident, {
      requestId: ulid(),
      studioId: f.seed.studioId,
      standId: f.todayStand.id,
      category: '道路交通',
      text: '村口路灯坏了三盏，晚上很黑。我的电话 13800138000，随时联系',
      place: '洛社村口',
      public: true,
    });
    return { f, resident, rep: f.principalOf('rep1'), view };
  }

  it('goes from 待受理 to a rated resolution, with every step on the timeline and the board masked', async () => {
    const { f, resident, rep, view } = await submitted();
    const inbox = await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' });
    expect(inbox.counts).toEqual({ new: 1, in_progress: 0, replied: 0, resolved: 0 });
    expect(inbox.items[0]).toMatchObject({ id: view.id, status: 'submitted', overdue: false });

    // Resolving before any reply is not a step of the loop: 409, and nothing changes.
    expect(await failureOf(resolveSubmission(f.deps, rep, view.id, { outcome: 'fixed' }))).toMatchObject({ code: 'CONFLICT' });
    expect((await getMySubmission(f.deps, resident, view.id)).status).toBe('submitted');

    const accepted = await acceptSubmission(f.deps, rep, view.id, { triage: 'major', department: '镇城管办', dueDate: '2099-01-10', note: '上次也反映过' });
    expect(accepted).toMatchObject({ status: 'handed_on', triage: 'major', department: '镇城管办' });
    expect(accepted.notes).toEqual([{ at: expect.any(String), by: '张建国', text: '上次也反映过' }]);
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'in_progress' })).items.map((i) => i.id)).toEqual([view.id]);

    await replyToSubmission(f.deps, rep, view.id, { text: '已联系镇城管办，本周内修复。如有问题请拨打 0510-83331234', public: true });
    const board = await getBoard(f.deps, f.seed.studioId);
    expect(board.items).toHaveLength(1);
    expect(board.items[0].text).toContain('138****8000');
    expect(board.items[0].text).not.toContain('13800138000');
    expect(board.items[0].reply).toContain('已联系镇城管办');
    expect(JSON.stringify(board)).not.toContain(resident.userId);

    await resolveSubmission(f.deps, rep, view.id, { outcome: 'fixed' });
    const mine = await getMySubmission(f.deps, resident, view.id);
    expect(mine).toMatchObject({ status: 'resolved', canRate: true });
    expect(mine.timeline.map((t) => t.kind)).toEqual(['已提交', '已受理', '已交办', '已答复', '已办结']);
    expect(mine.timeline.every((t) => !t.text?.includes('上次也反映过'))).toBe(true); // internal notes stay internal
    expect(mine.timeline.slice(1).every((t) => t.by === '洛社镇党代表工作室')).toBe(true);

    // 不满意 reopens it once, with the reason; the second 不满意 is recorded and stays resolved.
    const reopened = await rateSubmission(f.deps, resident, view.id, { rating: 'dissatisfied', comment: '只修了一盏' });
    expect(reopened.status).toBe('reopened');
    // the resident's own steps are theirs: 您 to them, 居民 to the studio; the studio's steps carry its name
    expect(reopened.timeline.slice(-2).map((t) => `${t.kind} · ${t.by}`)).toEqual(['已评价 · 您', '重新办理 · 您']);
    const seenByStudio = await getStudioSubmission(f.deps, rep, f.seed.studioId, view.id);
    expect(seenByStudio.timeline.map((t) => `${t.kind} · ${t.by}`)).toEqual([
      '已提交 · 居民', '已受理 · 洛社镇党代表工作室', '已交办 · 洛社镇党代表工作室', '已答复 · 洛社镇党代表工作室', '已办结 · 洛社镇党代表工作室', '已评价 · 居民', '重新办理 · 居民',
    ]);
    await replyToSubmission(f.deps, rep, view.id, { text: '另外两盏已于今天修复，感谢监督。', public: true });
    await resolveSubmission(f.deps, rep, view.id, { outcome: 'fixed' });
    const final = await rateSubmission(f.deps, resident, view.id, { rating: 'dissatisfied' });
    expect(final).toMatchObject({ status: 'resolved', rating: 'dissatisfied', canRate: false });
    expect(await failureOf(rateSubmission(f.deps, resident, view.id, { rating: 'satisfied' }))).toMatchObject({ code: 'CONFLICT' });
    expect((await getBoard(f.deps, f.seed.studioId)).items[0]).toMatchObject({ status: 'resolved', reply: '另外两盏已于今天修复，感谢监督。' });

    await drainNotices(f);
    const notices = (await f.deps.outbox.listRecent()).filter((n) => n.userId === resident.userId).map((n) => n.kind);
    expect(notices).toEqual(expect.arrayContaining(['submission_status', 'submission_replied', 'rate_request']));
  }, 60_000);

  it('keeps text held by the content check off the board until a representative approves it', async () => {
    const f = await bookingFixture(new Date());
    const rep = f.principalOf('rep1');
    const [resident] = await f.newResidents(1);
    // '投诉书记' is on the local stage's review list (LOCAL_REVIEW_WORDS).
    const held = await submit(f.deps, resident, { requestId: ulid(), studioId: f.seed.studioId, category: '其他', text: '我要投诉书记，村里的账目不公开', public: true });
    await acceptSubmission(f.deps, rep, held.id, { triage: 'minor' });
    const replied = await replyToSubmission(f.deps, rep, held.id, { text: '村务公开栏本周起每月更新账目。', public: true });
    expect(replied.contentHeld).toBe(true);
    expect((await getBoard(f.deps, f.seed.studioId)).items).toEqual([]);
    const approved = await approveForBoard(f.deps, rep, held.id);
    expect(approved.contentHeld).toBe(false);
    expect((await getBoard(f.deps, f.seed.studioId)).items.map((i) => i.id)).toEqual([held.id]);
  }, 60_000);

  it('lets exactly one of two representatives accepting at once succeed', async () => {
    const { f, rep, view } = await submitted();
    const results = await Promise.allSettled([
      acceptSubmission(f.deps, rep, view.id, { triage: 'minor' }),
      acceptSubmission(f.deps, f.principalOf('rep2'), view.id, { triage: 'private' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  }, 60_000);

  it('tells a representative of another studio, staff and other residents nothing', async () => {
    const { f, view } = await submitted();
    const outsider = { userId: ulid(), role: 'representative' as const, studioId: ulid() };
    expect(await failureOf(acceptSubmission(f.deps, outsider, view.id, { triage: 'minor' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(getStudioSubmission(f.deps, outsider, outsider.studioId, view.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(getInbox(f.deps, outsider, f.seed.studioId, { group: 'new' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(getInbox(f.deps, f.principalOf('staff1'), f.seed.studioId, { group: 'new' }))).toMatchObject({ code: 'FORBIDDEN' });
    const [stranger] = await f.newResidents(1);
    expect(await failureOf(rateSubmission(f.deps, stranger, view.id, { rating: 'satisfied' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(getMySubmission(f.deps, stranger, view.id))).toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);
});
