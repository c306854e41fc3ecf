import { ulid } from 'ulid';
import { addDays, chinaDate, formatChinaDate } from '@shared/time';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { addMore, askForMore, postProgress, triageSubmission } from './handling.use-case';
import { acceptSubmission, getBoard, getInbox, replyToSubmission } from './submission-desk.use-case';
import { getMySubmission, submit } from './submissions.use-case';
import { getStudioStats } from './submission-reports.use-case';

// Handling after acceptance (DynamoDB Local): 重新分流 to another department or back to the representatives, and the
// progress of the work told to the resident; each refused where the loop says, changing nothing.
describe('re-sorting and progress (DynamoDB Local)', () => {
  it('hands a 大事 on again, takes it back as 小事, and posts progress the resident sees', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const rep = f.principalOf('rep1');
    const view = await submit(f.deps, resident!, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: '镇西路口的红绿灯坏了两天', public: false });
    const due = addDays(chinaDate(new Date()), 20);

    // not before it is accepted
    expect(await failureOf(triageSubmission(f.deps, rep, view.id, { triage: 'minor' }))).toEqual({ code: 'CONFLICT', message: '还没有受理，不能分流交办' });
    expect(await failureOf(postProgress(f.deps, rep, view.id, { text: '已到现场查看' }))).toEqual({ code: 'CONFLICT', message: '还没有受理，不能发布进展' });

    await acceptSubmission(f.deps, rep, view.id, { triage: 'major', department: '镇城管办', dueDate: due });
    const moved = await triageSubmission(f.deps, rep, view.id, { triage: 'major', department: '县交警大队', dueDate: addDays(due, 5) });
    expect(moved).toMatchObject({ status: 'handed_on', department: '县交警大队', departmentDueDate: addDays(due, 5) });
    const progressed = await postProgress(f.deps, rep, view.id, { text: '交警大队已派人检修信号灯' });
    expect(progressed.status).toBe('handed_on');

    const mine = await getMySubmission(f.deps, resident!, view.id);
    expect(mine.timeline.slice(-2)).toEqual([
      expect.objectContaining({ kind: '已交办', text: `改交县交警大队（原为镇城管办），办理期限 ${formatChinaDate(addDays(due, 5))}`, by: '洛社镇党代表工作室' }),
      expect.objectContaining({ kind: '办理进展', text: '交警大队已派人检修信号灯', by: '洛社镇党代表工作室' }),
    ]);
    const told = await f.deps.noticeQueue.get(`${view.id}.v${(await f.deps.submissions.get(view.id))!.version - 1}.submission_status`);
    expect(told).toMatchObject({ kind: 'submission_status', data: { status: '有新进展' } });

    // back to the representatives as 小事: the department and its date are gone
    const back = await triageSubmission(f.deps, rep, view.id, { triage: 'minor', note: '信号灯由村里联系维修' });
    expect(back).toMatchObject({ status: 'accepted', triage: 'minor' });
    expect(back.department).toBeUndefined();
    expect(back.departmentDueDate).toBeUndefined();

    // once answered: progress is a further reply's job, and re-sorting is refused
    await replyToSubmission(f.deps, rep, view.id, { text: '信号灯已修复。', public: false });
    expect(await failureOf(postProgress(f.deps, rep, view.id, { text: '再补充一句' }))).toEqual({ code: 'CONFLICT', message: '已经答复了，请用补充答复' });
    expect(await failureOf(triageSubmission(f.deps, rep, view.id, { triage: 'private' }))).toEqual({ code: 'CONFLICT', message: '已经答复过了，不能再分流交办' });
    expect(await failureOf(postProgress(f.deps, f.principalOf('staff1'), view.id, { text: '工作人员不能发' }))).toMatchObject({ code: 'FORBIDDEN' });

    // the figures per department: a 大事 still with 县交警大队 counts there
    const other = await submit(f.deps, resident!, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: '学校门口没有斑马线', public: false });
    await acceptSubmission(f.deps, rep, other.id, { triage: 'major', department: '县交警大队', dueDate: due });
    const stats = await getStudioStats(f.deps, rep, f.seed.studioId, { month: view.createdAt.slice(0, 7) });
    expect(stats.byDepartment).toEqual([{ department: '县交警大队', handedOn: 1, replied: 0, fixed: 0, overdue: 0, resolutionRate: 0 }]);
  }, 60_000);
});

describe('the public text, reviewed (DynamoDB Local)', () => {
  it('puts the representative’s rewrite of the resident’s words on the board, masked; the resident’s own stay', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const rep = f.principalOf('rep1');
    const words = '我是3号楼的王秀英，楼道灯坏了两个月';
    const view = await submit(f.deps, resident!, { requestId: ulid(), studioId: f.seed.studioId, category: '民生服务', text: words, public: true });
    await acceptSubmission(f.deps, rep, view.id, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, view.id, { text: '楼道灯已经换新。', public: true, boardText: '3号楼的住户反映楼道灯坏了两个月，电话13800138000' });
    const board = await getBoard(f.deps, f.seed.studioId);
    expect(board.items[0]).toMatchObject({ text: '3号楼的住户反映楼道灯坏了两个月，电话138****8000', reply: '楼道灯已经换新。' });
    expect((await getMySubmission(f.deps, resident!, view.id)).text).toBe(words);
  }, 60_000);
});

describe('需补充 (DynamoDB Local)', () => {
  it('asks the resident for more, once at a time; the answer goes on the timeline and the matter stops waiting', async () => {
    const f = await bookingFixture();
    const [resident, neighbour] = await f.newResidents(2);
    const rep = f.principalOf('rep1');
    const view = await submit(f.deps, resident!, { requestId: ulid(), studioId: f.seed.studioId, category: '道路交通', text: '路上有个大坑', public: false });
    expect(await failureOf(addMore(f.deps, resident!, view.id, { text: '在村口' }))).toEqual({ code: 'CONFLICT', message: '工作室没有请您补充，不需要补充' });

    const asked = await askForMore(f.deps, rep, view.id, { question: '请说一下大坑在哪条路、哪一段' });
    expect(asked.moreAsked).toMatchObject({ question: '请说一下大坑在哪条路、哪一段' });
    expect(await failureOf(askForMore(f.deps, rep, view.id, { question: '再问一次' }))).toEqual({ code: 'CONFLICT', message: '已经请居民补充了，请等居民回复' });
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' })).items.find((i) => i.id === view.id)).toMatchObject({ waitingForMore: true });
    expect(await failureOf(addMore(f.deps, neighbour!, view.id, { text: '不是我的' }))).toMatchObject({ code: 'NOT_FOUND' });

    const answered = await addMore(f.deps, resident!, view.id, { text: '在洛社村口往东 200 米，靠近桥头' });
    expect(answered.moreAsked).toBeUndefined();
    expect(answered.status).toBe('submitted');
    expect(answered.timeline.slice(-2)).toEqual([
      expect.objectContaining({ kind: '需补充', by: '洛社镇党代表工作室', text: '请说一下大坑在哪条路、哪一段' }),
      expect.objectContaining({ kind: '居民补充', by: '您', text: '在洛社村口往东 200 米，靠近桥头' }),
    ]);
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' })).items.find((i) => i.id === view.id)?.waitingForMore).toBeUndefined();
  }, 60_000);
});

describe('紧急 (DynamoDB Local)', () => {
  it('holds an urgent matter to 2 hours to accept and 24 to answer: the inbox flags it, the resident may chase', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const rep = f.principalOf('rep1');
    const view = await submit(f.deps, resident!, { requestId: ulid(), studioId: f.seed.studioId, category: '治安安全', text: '桥头的护栏断了，晚上有人会掉下去', public: false, urgent: true });
    const created = Date.parse(view.createdAt);
    expect(view.urgent).toEqual({ acceptBy: new Date(created + 2 * 3_600_000).toISOString(), actBy: new Date(created + 24 * 3_600_000).toISOString() });
    const at = (hours: number) => ({ ...f.deps, now: () => new Date(created + hours * 3_600_000) });
    const item = async (hours: number) => (await getInbox(at(hours), rep, f.seed.studioId, { group: 'new' })).items.find((i) => i.id === view.id)!;
    expect(await item(1)).toMatchObject({ overdue: false, urgentBy: view.urgent!.acceptBy });
    expect(await item(3)).toMatchObject({ overdue: true });
    expect(await getMySubmission(at(3), resident!, view.id)).toMatchObject({ canChase: true });
  }, 60_000);
});
