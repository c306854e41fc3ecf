import { ulid } from 'ulid';
import { chinaDate } from '@shared/time';
import { getMySubmission, submit } from './submissions.use-case';
import { acceptSubmission, getInbox, rateSubmission, replyToSubmission, resolveSubmission } from './submission-desk.use-case';
import { exportSubmissionsCsv, getStudioStats, submitOnBehalf } from './submission-reports.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';

// 代填, the month's figures and the CSV export, against DynamoDB Local.
describe('on behalf, stats and export (DynamoDB Local)', () => {
  it('enters a paper form for a resident, counts the month and exports it for Excel', async () => {
    const f = await bookingFixture(new Date());
    const rep = f.principalOf('rep1');
    const [resident] = await f.newResidents(1);

    const paper = await submitOnBehalf(f.deps, f.principalOf('staff1'), f.seed.studioId, {
      requestId: ulid(), sourceNote: '纸质意见征询表', category: '民生服务', text: '希望菜场周边增加几张长椅，老人买菜累了可以歇脚', public: true, phone: '13912345678', phoneConsent: true,
    });
    expect(paper).toMatchObject({ source: 'on_behalf', status: 'submitted' });
    expect(paper.timeline[0]).toMatchObject({ kind: '已提交', by: '工作人员代填', text: '代填（纸质意见征询表）' });
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' })).items.map((i) => i.source)).toEqual(['on_behalf']);

    const own = await submit(f.deps, resident, { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text: '河边有人倒建筑垃圾，已经堆了一周', public: false });
    await acceptSubmission(f.deps, rep, own.id, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, own.id, { text: '已请村委会清运，并在河边立了提示牌。', public: false });
    await resolveSubmission(f.deps, rep, own.id, { outcome: 'fixed' });
    await rateSubmission(f.deps, resident, own.id, { rating: 'basically_satisfied' });

    const month = chinaDate(new Date()).slice(0, 7);
    const stats = await getStudioStats(f.deps, rep, f.seed.studioId, { month });
    expect(stats).toMatchObject({ month, received: 2, accepted: 1, replied: 1, resolved: 1, fixed: 1, rated: 1, resolutionRate: 0.5, satisfactionRate: 1, responseRate: 0.5, overdue: 0 });

    // closed without a fix: 办结 all the same, but not 解决率 — and the resident reads why
    const longTerm = await submit(f.deps, resident, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: '村里到镇上的路太窄，会车困难', public: false });
    await acceptSubmission(f.deps, rep, longTerm.id, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, longTerm.id, { text: '已向镇里反映，列入道路改造计划。', public: false });
    await resolveSubmission(f.deps, rep, longTerm.id, { outcome: 'long_term', note: '需要列入明年的道路改造计划' });
    const mine = await getMySubmission(f.deps, resident, longTerm.id);
    expect(mine.closure).toEqual({ outcome: 'long_term', label: '需长期解决', note: '需要列入明年的道路改造计划' });
    expect(mine.timeline.at(-1)).toMatchObject({ kind: '已办结', text: '需长期解决：需要列入明年的道路改造计划' });
    expect(await getStudioStats(f.deps, rep, f.seed.studioId, { month })).toMatchObject({ received: 3, resolved: 2, fixed: 1, resolutionRate: 1 / 3 });
    expect(stats.medianHoursToFirstReply).toBeGreaterThanOrEqual(0);
    expect((await getStudioStats(f.deps, rep, f.seed.studioId, { month, category: '环境卫生' })).received).toBe(1);

    const today = chinaDate(new Date());
    const file = await exportSubmissionsCsv(f.deps, rep, f.seed.studioId, { from: today, to: today });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for Chinese
    const csv = file.body.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF编号,提交时间,来源,服务点,类别,内容,地点,状态,分流,交办部门,受理期限,答复期限,评价,联系电话');
    expect(csv).toContain('139****5678');
    expect(csv).not.toContain('13912345678');
    expect(csv).toContain('代填（纸质意见征询表）');
    expect(csv).toContain('基本满意');
  }, 60_000);

  it('keeps figures and exports to the studio’s representatives', async () => {
    const f = await bookingFixture(new Date());
    const month = chinaDate(new Date()).slice(0, 7);
    for (const who of [f.principalOf('staff1'), f.principalOf('resident'), { userId: ulid(), role: 'representative' as const, studioId: ulid() }]) {
      expect(await failureOf(getStudioStats(f.deps, who, f.seed.studioId, { month }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await failureOf(submitOnBehalf(f.deps, f.principalOf('resident'), f.seed.studioId, { requestId: ulid(), sourceNote: '口述', category: '其他', text: '随便说说的一件事情', public: false }))).toMatchObject({ code: 'FORBIDDEN' });
  }, 60_000);
});
