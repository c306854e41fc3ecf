import { ulid } from 'ulid';
import { addDays, chinaInstant, formatChinaDate } from '@shared/time';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { chaseMySubmission } from './chase.use-case';
import { acceptSubmission, replyToSubmission } from './submission-desk.use-case';
import { getStudioStats } from './submission-reports.use-case';
import { getMySubmission, submit } from './submissions.use-case';

// 催办 by the resident (DynamoDB Local): only after the due date, only while it waits, once per matter; the
// representative who accepted it is told in the same transaction; the month's figures count it.
describe('催办 (DynamoDB Local)', () => {
  it('is offered from the day after the due date, tells the one who holds it, and only once', async () => {
    const f = await bookingFixture();
    const [resident, neighbour] = await f.newResidents(2);
    const rep = f.principalOf('rep1');
    const studioId = f.seed.studioId;
    const view = await submit(f.deps, resident!, { requestId: ulid(), studioId, category: '道路交通', text: '村口路灯坏了三盏，晚上很黑', public: false });
    await acceptSubmission(f.deps, rep, view.id, { triage: 'minor' });
    const accepted = await getMySubmission(f.deps, resident!, view.id);
    expect(accepted).toMatchObject({ canChase: false, chaseFrom: addDays(accepted.replyDueDate, 1) });

    // on the due date itself: too early, and nothing changes
    const onDue = { ...f.deps, now: () => new Date(chinaInstant(accepted.replyDueDate, '18:00')) };
    expect(await failureOf(chaseMySubmission(onDue, resident!, view.id))).toEqual({ code: 'CONFLICT', message: `办理期限是${formatChinaDate(accepted.replyDueDate)}，过了期限还没有答复，才能催办` });
    expect((await f.deps.submissions.get(view.id))?.chasedAt).toBeUndefined();

    const late = { ...f.deps, now: () => new Date(chinaInstant(addDays(accepted.replyDueDate, 1), '09:00')) };
    expect(await getMySubmission(late, resident!, view.id)).toMatchObject({ canChase: true });
    expect(await failureOf(chaseMySubmission(late, neighbour!, view.id))).toMatchObject({ code: 'NOT_FOUND' }); // not theirs
    const chased = await chaseMySubmission(late, resident!, view.id);
    expect(chased).toMatchObject({ canChase: false, chasedAt: expect.any(String), status: 'accepted' });
    expect(chased.timeline.at(-1)).toMatchObject({ kind: '催办', by: '您', text: `已过办理期限（${formatChinaDate(accepted.replyDueDate)}），居民催办` });
    // the representative who accepted it is told (and nobody else)
    expect(await f.deps.noticeQueue.get(`${view.id}.chase.${rep.userId}`)).toMatchObject({ kind: 'submission_chased', userId: rep.userId, page: `packageRep/pages/submission/index?id=${view.id}` });
    expect(await f.deps.noticeQueue.get(`${view.id}.chase.${f.principalOf('admin').userId}`)).toBeUndefined();

    // once per matter
    expect(await failureOf(chaseMySubmission(late, resident!, view.id))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^您已在.+催办过了/) });
    // the month's figures count it
    expect(await getStudioStats(late, rep, studioId, { month: view.createdAt.slice(0, 7) })).toMatchObject({ chased: 1, escalated: 0 });
  }, 60_000);

  it('is refused once answered, and for a matter waiting to be accepted tells every representative', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const rep = f.principalOf('rep1');
    const studioId = f.seed.studioId;
    const waiting = await submit(f.deps, resident!, { requestId: ulid(), studioId, category: '环境卫生', text: '菜场东门的垃圾桶满了好几天没人清理', public: false });
    const stored = (await f.deps.submissions.get(waiting.id))!;
    const late = { ...f.deps, now: () => new Date(chinaInstant(addDays(stored.acceptDueDate, 1), '09:00')) };
    await chaseMySubmission(late, resident!, waiting.id);
    const reps = (await f.deps.studios.listMembersOfStudio(studioId)).filter((m) => m.role === 'representative' || m.role === 'admin');
    expect(reps.length).toBeGreaterThan(1);
    for (const m of reps) expect(await f.deps.noticeQueue.get(`${waiting.id}.chase.${m.userId}`)).toMatchObject({ kind: 'submission_chased' });

    const answered = await submit(f.deps, resident!, { requestId: ulid(), studioId, category: '环境卫生', text: '河边的路灯也不亮了', public: false });
    await acceptSubmission(f.deps, rep, answered.id, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, answered.id, { text: '已联系供电所，本周修好', public: false });
    const muchLater = { ...f.deps, now: () => new Date(chinaInstant(addDays(answered.replyDueDate, 30), '09:00')) };
    expect(await failureOf(chaseMySubmission(muchLater, resident!, answered.id))).toEqual({ code: 'CONFLICT', message: '已经答复过了，不需要催办' });
    expect(await getMySubmission(muchLater, resident!, answered.id)).toMatchObject({ canChase: false });
  }, 60_000);
});
