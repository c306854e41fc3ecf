import { ulid } from 'ulid';
import { addDays, chinaDate } from '@shared/time';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import type { Principal } from '../auth/session-tokens';
import { triageSubmission } from '../submissions/handling.use-case';
import { acceptSubmission, getStudioSubmission, replyToSubmission } from '../submissions/submission-desk.use-case';
import { getStudioStats } from '../submissions/submission-reports.use-case';
import { getMySubmission, submit } from '../submissions/submissions.use-case';
import { createInvite, redeemInvite } from '../auth/invites.use-case';
import { addDepartment, listDepartments, updateDepartment } from './departments.use-case';
import { acknowledgeMatter, getDepartmentMatter, getDepartmentQueue, handMatterBack, postDepartmentProgress, postDepartmentResult } from './liaison.use-case';

// Departments that answer (DynamoDB Local): the demo's 城管办 and its liaison persona, a hand-on with its own due date,
// every step of the liaison and each refusal (409, nothing changed), another department's liaison learning nothing.
async function setUp() {
  const f = await bookingFixture();
  const rep = f.principalOf('rep1');
  const admin = f.principalOf('admin');
  const departments = (await listDepartments(f.deps, rep, f.seed.studioId)).departments;
  const dept = (name: string) => departments.find((d) => d.name === name)!;
  const persona = (await f.deps.personas.getPersona('liaison'))!;
  const liaison: Principal = { userId: persona.userId, role: 'liaison', studioId: f.seed.studioId, departmentId: dept('城管办').id };
  const [resident] = await f.newResidents(1);
  const due = addDays(chinaDate(f.now), 10);
  const view = await submit(f.deps, resident!, { requestId: ulid(), studioId: f.seed.studioId, category: '环境卫生', text: '菜场门口占道摆摊，电话13800138000', public: false });
  return { f, rep, admin, dept, liaison, resident: resident!, due, view };
}

describe('departments that answer (DynamoDB Local)', () => {
  it('hands a 大事 to 城管办: its liaison is told, acknowledges, posts progress and a result; every step signed 城管办', async () => {
    const { f, rep, dept, liaison, resident, due, view } = await setUp();
    const accepted = await acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: dept('城管办').id, dueDate: due });
    expect(accepted).toMatchObject({ status: 'handed_on', department: '城管办', departmentId: dept('城管办').id, departmentDueDate: due, handOn: { state: 'handed', stateLabel: '待签收', dueDate: due } });
    const handOnId = accepted.handOn!.id;
    expect(await f.deps.noticeQueue.get(`${handOnId}.department_task.${liaison.userId}`)).toMatchObject({ kind: 'department_task', userId: liaison.userId, data: { department: '城管办', category: '环境卫生' } });

    const queue = await getDepartmentQueue(f.deps, liaison, dept('城管办').id, {});
    expect(queue.department.name).toBe('城管办');
    expect(queue.items).toEqual([expect.objectContaining({ submissionId: view.id, state: 'handed', dueDate: due, summary: '菜场门口占道摆摊，电话138****8000', overdue: false })]);

    // illegal before 签收: 409, nothing changed
    const before = await f.deps.submissions.get(view.id);
    expect(await failureOf(postDepartmentProgress(f.deps, liaison, dept('城管办').id, view.id, { text: '已到现场查看' }))).toEqual({ code: 'CONFLICT', message: '请先签收，再发布进展' });
    expect(await failureOf(postDepartmentResult(f.deps, liaison, dept('城管办').id, view.id, { text: '摊位已清理' }))).toEqual({ code: 'CONFLICT', message: '请先签收，再反馈办理结果' });
    expect(await f.deps.submissions.get(view.id)).toEqual(before);

    const acked = await acknowledgeMatter(f.deps, liaison, dept('城管办').id, view.id);
    expect(acked).toMatchObject({ state: 'acknowledged', allowedSteps: ['progress', 'result', 'hand_back'] });
    expect(await failureOf(acknowledgeMatter(f.deps, liaison, dept('城管办').id, view.id))).toEqual({ code: 'CONFLICT', message: '已经签收过了' });
    await postDepartmentProgress(f.deps, liaison, dept('城管办').id, view.id, { text: '已到现场劝离摊贩' });
    const done = await postDepartmentResult(f.deps, liaison, dept('城管办').id, view.id, { text: '摊位已清理，设置了提示牌' });
    expect(done).toMatchObject({ state: 'answered', status: 'handed_on', allowedSteps: [] });
    expect(await f.deps.noticeQueue.get(`${handOnId}.v4.department_task`)).toMatchObject({ userId: rep.userId, data: { status: '已反馈办理结果' } });
    const after = await f.deps.submissions.get(view.id);
    expect(await failureOf(handMatterBack(f.deps, liaison, dept('城管办').id, view.id, { reason: '不归我们管' }))).toEqual({ code: 'CONFLICT', message: '已经反馈了办理结果，不能再退回' });
    expect(await f.deps.submissions.get(view.id)).toEqual(after);

    const mine = await getMySubmission(f.deps, resident, view.id);
    const steps = mine.timeline.filter((e) => e.by === '城管办').map((e) => e.text);
    expect(steps).toEqual(['城管办：已签收', '城管办：已到现场劝离摊贩', '城管办：摊位已清理，设置了提示牌']);
    expect(JSON.stringify(mine.timeline)).not.toContain('城管办联络员');

    // the queue lists it as done; the stats count the department's response
    expect((await getDepartmentQueue(f.deps, liaison, dept('城管办').id, {})).items[0]).toMatchObject({ state: 'answered', stateLabel: '已反馈结果' });
    const stats = await getStudioStats(f.deps, rep, f.seed.studioId, { month: view.createdAt.slice(0, 7) });
    expect(stats.byDepartment).toEqual([expect.objectContaining({ department: '城管办', departmentId: dept('城管办').id, handedOn: 1, acknowledged: 1, acknowledgedInTime: 1, responseRate: 1 })]);
  }, 60_000);

  it('keeps another department’s liaison, and people without the role, out: they learn nothing', async () => {
    const { f, rep, admin, dept, liaison, view, due } = await setUp();
    await acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: dept('城管办').id, dueDate: due });
    // a liaison of 环卫所, invited and redeemed
    const invite = await createInvite(f.deps, admin, f.seed.studioId, { role: 'liaison', validHours: 24, departmentId: dept('环卫所').id });
    expect(invite.departmentId).toBe(dept('环卫所').id);
    const [person] = await f.newResidents(1);
    const session = await redeemInvite(f.deps, person!, { code: invite.code });
    expect(session.user).toMatchObject({ role: 'liaison', departmentId: dept('环卫所').id });
    const other: Principal = { userId: person!.userId, role: 'liaison', studioId: f.seed.studioId, departmentId: dept('环卫所').id };

    const before = await f.deps.submissions.get(view.id);
    for (const work of [
      getDepartmentMatter(f.deps, other, dept('环卫所').id, view.id),
      acknowledgeMatter(f.deps, other, dept('环卫所').id, view.id),
      acknowledgeMatter(f.deps, other, dept('城管办').id, view.id),
      getDepartmentQueue(f.deps, other, dept('城管办').id, {}),
      acknowledgeMatter(f.deps, rep, dept('城管办').id, view.id),
    ]) expect(await failureOf(work)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await f.deps.submissions.get(view.id)).toEqual(before);
    expect((await getDepartmentQueue(f.deps, other, dept('环卫所').id, {})).items).toEqual([]);
    // and the liaison is not a representative: the studio's inbox view is refused
    expect(await failureOf(getStudioSubmission(f.deps, liaison, f.seed.studioId, view.id))).toMatchObject({ code: 'FORBIDDEN' });
    // an invite for a liaison names its department; other roles have none
    expect(await failureOf(createInvite(f.deps, admin, f.seed.studioId, { role: 'liaison', validHours: 24, departmentId: ulid() }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { departmentId: '没有找到这个部门' } });
  }, 60_000);

  it('hands back with a reason (back to 已受理), re-hands on with a new due date, withdraws on re-sort, refuses a retired department', async () => {
    const { f, rep, admin, dept, liaison, view, due } = await setUp();
    await acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: dept('城管办').id, dueDate: due });
    const back = await handMatterBack(f.deps, liaison, dept('城管办').id, view.id, { reason: '属于市场监管所职责' });
    expect(back).toMatchObject({ state: 'returned', status: 'accepted' });
    const studio = await getStudioSubmission(f.deps, rep, f.seed.studioId, view.id);
    expect(studio).toMatchObject({ status: 'accepted', handOn: { state: 'returned', returnReason: '属于市场监管所职责' } });
    expect(studio.department).toBeUndefined();
    expect(await failureOf(acknowledgeMatter(f.deps, liaison, dept('城管办').id, view.id))).toEqual({ code: 'CONFLICT', message: '已经退回工作室了，不能再签收' });

    // handed on again, to the same department with a new due date: a new hand-on
    const again = await triageSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: dept('城管办').id, dueDate: addDays(due, 5) });
    expect(again.handOn).toMatchObject({ state: 'handed', dueDate: addDays(due, 5) });
    expect(again.handOn!.id).not.toBe(back.handOnId);
    // re-sorted to 环卫所: 城管办's hand-on is withdrawn and leaves its liaison's reach
    const moved = await triageSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: dept('环卫所').id, dueDate: due });
    expect(moved).toMatchObject({ department: '环卫所', handOn: { state: 'handed' } });
    const queue = (await getDepartmentQueue(f.deps, liaison, dept('城管办').id, {})).items;
    expect(queue.map((h) => h.state).sort()).toEqual(['returned', 'withdrawn']);
    expect(await failureOf(getDepartmentMatter(f.deps, liaison, dept('城管办').id, view.id))).toMatchObject({ code: 'NOT_FOUND' });
    // taken back as 小事: no hand-on is current
    const minor = await triageSubmission(f.deps, rep, view.id, { triage: 'minor' });
    expect(minor.handOn).toBeUndefined();

    // a retired department is refused by name; the free-text path still works
    await updateDepartment(f.deps, admin, f.seed.studioId, dept('派出所').id, { active: false });
    expect(await failureOf(triageSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: dept('派出所').id, dueDate: due }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { departmentId: '「派出所」已停用，请选择其他部门' } });
    expect(await triageSubmission(f.deps, rep, view.id, { triage: 'major', department: '县交警大队', dueDate: due })).toMatchObject({ department: '县交警大队' });

    // answered by the studio: the liaison's steps are refused
    await triageSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: dept('城管办').id, dueDate: due });
    const replied = await replyToSubmission(f.deps, rep, view.id, { text: '已联系相关部门处理。', public: false });
    expect(replied.handOn).toMatchObject({ state: 'withdrawn', stateLabel: '已收回' });
    expect(await failureOf(acknowledgeMatter(f.deps, liaison, dept('城管办').id, view.id))).toEqual({ code: 'CONFLICT', message: '工作室已经收回或改交其他部门了，不能再签收' });
    // nothing is left open in 城管办's queue once the studio has answered
    expect((await getDepartmentQueue(f.deps, liaison, dept('城管办').id, {})).items.filter((h) => h.state === 'handed' || h.state === 'acknowledged')).toEqual([]);
  }, 60_000);

  it('lets one of two 签收 at once through; the other is a 409 and writes nothing', async () => {
    const { f, rep, dept, liaison, view, due } = await setUp();
    await acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: dept('城管办').id, dueDate: due });
    const before = (await f.deps.submissions.listEvents(view.id)).length;
    const outcomes = await Promise.allSettled([acknowledgeMatter(f.deps, liaison, dept('城管办').id, view.id), acknowledgeMatter(f.deps, liaison, dept('城管办').id, view.id)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT']);
    expect((await f.deps.submissions.listEvents(view.id)).length).toBe(before + 1);
  }, 60_000);

  it('lets admins add, rename and retire departments; representatives only list them', async () => {
    const { f, rep, admin, dept } = await setUp();
    const added = await addDepartment(f.deps, admin, f.seed.studioId, { name: '市场监管所' });
    expect(added).toMatchObject({ name: '市场监管所', active: true });
    expect(await failureOf(addDepartment(f.deps, admin, f.seed.studioId, { name: '城管办' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { name: '已经有「城管办」了' } });
    expect(await failureOf(addDepartment(f.deps, rep, f.seed.studioId, { name: '水利站' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await updateDepartment(f.deps, admin, f.seed.studioId, dept('卫生院').id, { name: '镇卫生院' })).toMatchObject({ name: '镇卫生院' });
    await updateDepartment(f.deps, admin, f.seed.studioId, added.id, { active: false });
    // the studio's own first (the town's member units follow them, see units-as-departments.int.test.ts)
    const names = (await listDepartments(f.deps, rep, f.seed.studioId)).departments.filter((d) => !d.memberUnit).map((d) => `${d.name}${d.active ? '' : '（停用）'}`);
    expect(names.at(-1)).toBe('市场监管所（停用）');
    expect(names).toContain('镇卫生院');
  }, 60_000);
});
