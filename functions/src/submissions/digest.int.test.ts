import { ulid } from 'ulid';
import { addWorkingDays, CHINA_HOLIDAYS_2026 } from '@shared/submission/working-days';
import { addDays, chinaDate, chinaInstant } from '@shared/time';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { countOverdueSubmissions } from './overdue.use-case';
import { acceptSubmission, getStudioSubmission, rateSubmission, replyToSubmission, resolveSubmission } from './submission-desk.use-case';
import { getStudioStats } from './submission-reports.use-case';
import { submit } from './submissions.use-case';

// The daily 催办 job (DynamoDB Local, a frozen clock, working days with the 2026 calendar): each representative's
// digest of what is due by the next working day and what is overdue — theirs and the unaccepted; the admin's of the
// whole studio with the long overdue reported (超期上报, once, an internal step); a re-run the same day sends nothing more.
describe('催办 digests and escalation (DynamoDB Local)', () => {
  it('tells each representative of theirs and the unaccepted, and reports the long overdue to the admin once', async () => {
    const f = await bookingFixture();
    const studioId = f.seed.studioId;
    const members = await f.deps.studios.listMembersOfStudio(studioId);
    const reps = members.filter((m) => m.role === 'representative');
    const admin = members.find((m) => m.role === 'admin')!;
    expect(reps.length).toBeGreaterThanOrEqual(2);
    const [holder, other] = reps.map((m) => ({ userId: m.userId, role: 'representative' as const, studioId }));
    const [resident] = await f.newResidents(1);
    const ask = (text: string) => submit(f.deps, resident!, { requestId: ulid(), studioId, category: '道路交通', text, public: false });
    const mine = await ask('村口路灯坏了三盏，晚上很黑');
    const waiting = await ask('桥头的护栏松了，小孩子经过很危险');
    await acceptSubmission(f.deps, holder!, mine.id, { triage: 'minor' });
    const stored = (await f.deps.submissions.get(waiting.id))!;
    const at = (date: string) => ({ ...f.deps, now: () => new Date(chinaInstant(date, '08:00')) });
    const digestOf = async (date: string, userId: string) => (await f.deps.noticeQueue.get(`${studioId}.${date}.work_digest.${userId}`))?.data;

    // the day the unaccepted one is due: "due by the next working day" for everyone (the demo's three representatives —
    // 钱文华 serves 洛社镇's second studio too — and its admin); nothing is overdue yet
    const dueDay = stored.acceptDueDate;
    expect(await countOverdueSubmissions(at(dueDay))).toMatchObject({ overdue: 0, escalated: 0, digests: 4 });
    expect(await digestOf(dueDay, holder!.userId)).toEqual({ studio: '洛社镇党代表工作室', overdue: '0', soon: '1', escalated: '0' });
    expect(await digestOf(dueDay, admin.userId)).toEqual({ studio: '洛社镇党代表工作室', overdue: '0', soon: '1', escalated: '0' });

    // four working days after the accepted one's reply date: both long overdue (the studio reports after 3)
    const late = addWorkingDays(mine.replyDueDate, 4, CHINA_HOLIDAYS_2026);
    expect(await countOverdueSubmissions(at(late))).toMatchObject({ overdue: 2, escalated: 2, digests: 4 });
    expect(await digestOf(late, holder!.userId)).toMatchObject({ overdue: '2', escalated: '0' }); // theirs and the unaccepted
    expect(await digestOf(late, other!.userId)).toMatchObject({ overdue: '1' }); // the unaccepted only
    expect(await digestOf(late, admin.userId)).toMatchObject({ overdue: '2', escalated: '2' });
    const view = await getStudioSubmission(at(late), holder!, studioId, mine.id);
    expect(view.notes.at(-1)).toMatchObject({ text: '超期 3 个工作日以上，已报告工作室管理员' });
    expect(view.timeline.map((e) => e.kind)).not.toContain('超期上报'); // internal: the resident never sees it

    // the same day again: nothing new; the month's figures count them
    expect(await countOverdueSubmissions(at(late))).toMatchObject({ escalated: 0, digests: 0 });
    expect(await getStudioStats(at(late), holder!, studioId, { month: chinaDate(mine.createdAt).slice(0, 7) })).toMatchObject({ escalated: 2 });
  }, 60_000);
});

describe('解决了吗？ (DynamoDB Local)', () => {
  it('asks a resident who has not rated, three days after 办结, once; not one who rated', async () => {
    const f = await bookingFixture();
    const studioId = f.seed.studioId;
    const rep = f.principalOf('rep1');
    const [quiet, rater] = await f.newResidents(2);
    const close = async (resident: typeof quiet, text: string) => {
      const view = await submit(f.deps, resident!, { requestId: ulid(), studioId, category: '环境卫生', text, public: false });
      await acceptSubmission(f.deps, rep, view.id, { triage: 'minor' });
      await replyToSubmission(f.deps, rep, view.id, { text: '已清理。', public: false });
      await resolveSubmission(f.deps, rep, view.id, { outcome: 'fixed' });
      return (await f.deps.submissions.get(view.id))!;
    };
    const unrated = await close(quiet, '河边有人倒建筑垃圾，已经堆了一周');
    const rated = await close(rater, '菜场门口的垃圾桶满了');
    await rateSubmission(f.deps, rater!, rated.id, { rating: 'satisfied' });
    const on = (days: number) => ({ ...f.deps, now: () => new Date(chinaInstant(addDays(chinaDate(unrated.resolvedAt!), days), '08:00')) });

    expect(await countOverdueSubmissions(on(2))).toMatchObject({ askedSolved: 0 }); // not yet
    expect(await countOverdueSubmissions(on(3))).toMatchObject({ askedSolved: 1 });
    expect(await f.deps.noticeQueue.get(`${unrated.id}.${unrated.resolvedAt}.solved_ask`)).toMatchObject({ kind: 'rate_request', userId: quiet!.userId, data: { status: '解决了吗？' } });
    expect(await f.deps.noticeQueue.get(`${rated.id}.${rated.resolvedAt}.solved_ask`)).toBeUndefined();
    expect(await countOverdueSubmissions(on(4))).toMatchObject({ askedSolved: 0 }); // once
  }, 60_000);
});
