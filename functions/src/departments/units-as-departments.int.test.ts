import { ulid } from 'ulid';
import { addDays, chinaDate } from '@shared/time';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import type { Principal } from '../auth/session-tokens';
import { redeemInvite } from '../auth/invites.use-case';
import { acceptSubmission } from '../submissions/submission-desk.use-case';
import { getStudioStats } from '../submissions/submission-reports.use-case';
import { getMySubmission, submit } from '../submissions/submissions.use-case';
import { leaveMembership } from '../towns/memberships.use-case';
import { listDepartments } from './departments.use-case';
import { acknowledgeMatter, getDepartmentMatter, getDepartmentQueue, handMatterBack, postDepartmentProgress, postDepartmentResult } from './liaison.use-case';

// Member units answer as departments (DynamoDB Local): 洛社镇卫生院 in the rep's list (marked), a 大事 handed to it,
// 周丽萍 (its liaison) told and working it; another unit's liaison, a liaison of another town, a studio's liaison: 404.
async function setUp() {
  const f = await bookingFixture();
  const rep = f.principalOf('rep1');
  const town = (await f.deps.towns.findTownByName('洛社镇'))!;
  const units = await f.deps.units.listOfTown(town.id);
  const unit = (name: string) => units.find((u) => u.name === name)!;
  const persona = (await f.deps.personas.getPersona('unitliaison'))!;
  const zhou: Principal = { userId: persona.userId, role: 'unit_liaison', townId: town.id, departmentId: unit('洛社镇卫生院').id };
  const [resident] = await f.newResidents(1);
  const due = addDays(chinaDate(f.now), 10);
  const view = await submit(f.deps, resident!, { requestId: ulid(), studioId: f.seed.studioId, category: '民生服务', text: '小区老人多，希望卫生院上门量血压，电话13800138000', public: false });
  return { f, rep, town, unit, zhou, resident: resident!, due, view };
}

/** A unit liaison invited by the town and redeemed (the ordinary redeem route's use case). */
async function invitedLiaison(f: Awaited<ReturnType<typeof bookingFixture>>, townId: string, unitId: string): Promise<Principal> {
  const code = ulid().slice(-8);
  const at = f.now.toISOString();
  await f.deps.studios.createInvite({ code, townId, role: 'unit_liaison', departmentId: unitId, createdBy: 'town-admin', createdAt: at, expiresAt: addDays(chinaDate(f.now), 2) + 'T00:00:00.000Z' });
  const [person] = await f.newResidents(1);
  const session = await redeemInvite(f.deps, person!, { code });
  expect(session.user).toMatchObject({ role: 'unit_liaison', townId, departmentId: unitId });
  return { userId: person!.userId, role: 'unit_liaison', townId, departmentId: unitId };
}

describe('member units answer as departments (DynamoDB Local)', () => {
  it('lists the town’s active units after the studio’s departments; a 大事 handed to 卫生院 is worked by 周丽萍, signed with the unit’s name', async () => {
    const { f, rep, unit, zhou, resident, due, view } = await setUp();
    const hospital = unit('洛社镇卫生院');
    const listed = (await listDepartments(f.deps, rep, f.seed.studioId)).departments;
    expect(listed.filter((d) => d.memberUnit).map((d) => d.name)).toEqual(['洛社镇卫生院', '洛社中心小学', '天奇自动化工程股份有限公司']);
    expect(listed.findIndex((d) => d.memberUnit)).toBe(listed.filter((d) => !d.memberUnit).length);
    expect(listed.find((d) => d.id === hospital.id)).toEqual({ id: hospital.id, name: '洛社镇卫生院', active: true, memberUnit: true });
    expect((await f.deps.unitLiaisons.listLiaisons(hospital.townId, hospital.id)).map((l) => l.userId)).toEqual([zhou.userId]);

    const accepted = await acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: hospital.id, dueDate: due });
    expect(accepted).toMatchObject({ status: 'handed_on', department: '洛社镇卫生院', departmentId: hospital.id, handOn: { state: 'handed', dueDate: due } });
    const handOnId = accepted.handOn!.id;
    expect(await f.deps.noticeQueue.get(`${handOnId}.department_task.${zhou.userId}`)).toMatchObject({ kind: 'department_task', userId: zhou.userId, data: { department: '洛社镇卫生院', category: '民生服务' } });
    const queue = await getDepartmentQueue(f.deps, zhou, hospital.id, {});
    expect(queue.department).toEqual({ id: hospital.id, name: '洛社镇卫生院', active: true, memberUnit: true });
    expect(queue.items.find((i) => i.submissionId === view.id)).toMatchObject({ state: 'handed', dueDate: due, studioName: accepted.studioName, summary: expect.stringContaining('138****8000') });

    await acknowledgeMatter(f.deps, zhou, hospital.id, view.id);
    await postDepartmentProgress(f.deps, zhou, hospital.id, view.id, { text: '已排好上门时间' });
    const done = await postDepartmentResult(f.deps, zhou, hospital.id, view.id, { text: '医生已上门为 12 位老人量血压' });
    expect(done).toMatchObject({ state: 'answered', status: 'handed_on', allowedSteps: [] });
    const mine = await getMySubmission(f.deps, resident, view.id);
    expect(mine.timeline.filter((e) => e.by === '洛社镇卫生院').map((e) => e.text)).toEqual(['洛社镇卫生院：已签收', '洛社镇卫生院：已排好上门时间', '洛社镇卫生院：医生已上门为 12 位老人量血压']);
    expect(JSON.stringify(mine.timeline)).not.toContain('周丽萍');
    const stats = await getStudioStats(f.deps, rep, f.seed.studioId, { month: view.createdAt.slice(0, 7) });
    expect(stats.byDepartment.find((d) => d.departmentId === hospital.id)).toMatchObject({ department: '洛社镇卫生院', handedOn: 1, acknowledged: 1, responseRate: 1 });
  }, 60_000);

  it('keeps another unit’s liaison, a liaison of another town and a studio’s liaison out: they learn nothing', async () => {
    const { f, rep, town, unit, zhou, due, view } = await setUp();
    const hospital = unit('洛社镇卫生院');
    await acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: hospital.id, dueDate: due });
    const school = await invitedLiaison(f, town.id, unit('洛社中心小学').id);
    // another town, with a unit of its own (the same unit id named in a principal of that town finds nothing)
    const otherTownId = ulid();
    await f.deps.towns.createTown({ id: otherTownId, name: `钱桥街道${otherTownId.slice(-4)}`, district: '惠山区', createdAt: f.now.toISOString() });
    const otherUnitId = ulid();
    await f.deps.units.save({ id: otherUnitId, townId: otherTownId, name: '钱桥卫生院', kind: 'hospital', active: true, createdAt: f.now.toISOString(), version: 1 });
    const elsewhere = await invitedLiaison(f, otherTownId, otherUnitId);
    const posing: Principal = { ...elsewhere, departmentId: hospital.id };
    const studioLiaison: Principal = { userId: zhou.userId, role: 'liaison', studioId: f.seed.studioId, departmentId: hospital.id };
    const before = await f.deps.submissions.get(view.id);
    for (const work of [
      getDepartmentMatter(f.deps, school, school.departmentId!, view.id),
      acknowledgeMatter(f.deps, school, hospital.id, view.id),
      getDepartmentQueue(f.deps, school, hospital.id, {}),
      getDepartmentMatter(f.deps, elsewhere, otherUnitId, view.id),
      getDepartmentQueue(f.deps, posing, hospital.id, {}),
      acknowledgeMatter(f.deps, posing, hospital.id, view.id),
      acknowledgeMatter(f.deps, studioLiaison, hospital.id, view.id),
      handMatterBack(f.deps, rep, hospital.id, view.id, { reason: '不归卫生院管' }),
    ]) expect(await failureOf(work)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await f.deps.submissions.get(view.id)).toEqual(before);
    expect((await getDepartmentQueue(f.deps, school, school.departmentId!, {})).items).toEqual([]);
    // and this studio cannot hand on to the other town's unit
    expect(await failureOf(acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: otherUnitId, dueDate: due }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { departmentId: '没有找到这个部门，请重新选择' } });
    // the unit's own liaison may hand it back (退回), as a department's liaison does: back to the studio
    expect(await handMatterBack(f.deps, zhou, hospital.id, view.id, { reason: '需要先由社区摸排名单' })).toMatchObject({ state: 'returned', status: 'accepted' });
    expect(await f.deps.noticeQueue.get(`${before!.handOn!.id}.v${before!.version}.department_task`)).toMatchObject({ userId: rep.userId, data: { status: '已退回：需要先由社区摸排名单' } });
    // the other town's liaison is listed under their own unit only
    expect(await f.deps.unitLiaisons.listLiaisons(otherTownId, otherUnitId)).toEqual([expect.objectContaining({ userId: elsewhere.userId, name: '居民1' })]);
  }, 60_000);

  it('refuses an unknown unit or a retired one; a liaison who leaves is no longer told', async () => {
    const { f, rep, town, unit, due, view } = await setUp();
    const school = unit('洛社中心小学');
    const liaison = await invitedLiaison(f, town.id, school.id);
    expect((await f.deps.unitLiaisons.listLiaisons(town.id, school.id)).map((l) => l.userId)).toContain(liaison.userId);
    await leaveMembership(f.deps, liaison, { role: 'unit_liaison', townId: town.id });
    expect((await f.deps.unitLiaisons.listLiaisons(town.id, school.id)).map((l) => l.userId)).not.toContain(liaison.userId);

    const before = await f.deps.submissions.get(view.id);
    expect(await failureOf(acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: ulid(), dueDate: due }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { departmentId: '没有找到这个部门，请重新选择' } });
    await f.deps.units.save({ ...school, active: false }, school.version);
    expect(await failureOf(acceptSubmission(f.deps, rep, view.id, { triage: 'major', departmentId: school.id, dueDate: due }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { departmentId: '「洛社中心小学」已停用，请选择其他部门' } });
    expect(await f.deps.submissions.get(view.id)).toEqual(before);
    expect((await listDepartments(f.deps, rep, f.seed.studioId)).departments.map((d) => d.name)).not.toContain('洛社中心小学');
  }, 60_000);
});
