import { seededTable, testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { createTown, grantTownAdmin } from '../towns/town-operator.use-case';

// 成员单位与三张清单 (#14 item 4): the town admin runs the units and their liaisons' invites; liaisons keep their unit's
// 资源清单; studios file 需求清单; a need matched with a unit becomes a project (项目清单) that both sides sign (DynamoDB Local).
describe('the alliance of member units and its three lists (DynamoDB Local)', () => {
  let api: ReturnType<typeof loadHandlers>;
  let deps: Awaited<ReturnType<typeof seededTable>>['deps'];
  let townId: string;
  let studioId: string;
  let hospitalId: string;
  let schoolId: string;
  const token: Record<string, string> = {};
  const as = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
  const wechatUser = async (code: string) => (await invoke(api.signInWithWechat, 'signInWithWechat', { body: { code } })).body;

  beforeAll(async () => {
    const seeded = await seededTable();
    deps = seeded.deps;
    studioId = seeded.seed.studioId;
    api = loadHandlers(testEnv(seeded.tableName));
    townId = (await deps.towns.findTownByName('洛社镇'))!.id;
    for (const persona of ['townadmin', 'unitliaison', 'admin', 'rep1', 'resident']) token[persona] = await as(persona);
    const units = (await invoke(api.listUnits, 'listUnits', { token: token.townadmin, params: { townId } })).body.units as { id: string; name: string }[];
    hospitalId = units.find((u) => u.name === '洛社镇卫生院')!.id;
    schoolId = units.find((u) => u.name === '洛社中心小学')!.id;

    // outsiders: another town's admin and the admin of its studio; the liaison of the school (another unit)
    const otherTown = (await createTown(deps, '前洲街道', '惠山区')).town;
    const otherAdmin = await wechatUser('wx-alliance-other-town');
    await grantTownAdmin(deps, '前洲街道', otherAdmin.user.id);
    token.otherTownAdmin = otherAdmin.token;
    const otherStudio = await invoke(api.createTownStudio, 'createTownStudio', { token: otherAdmin.token, params: { townId: otherTown.id }, body: { name: '前洲村党代表工作室', address: '前洲村村委会' } });
    const outsider = await wechatUser('wx-alliance-other-studio');
    token.otherStudioAdmin = (await invoke(api.redeemInvite, 'redeemInvite', { token: outsider.token, body: { code: otherStudio.body.adminInvite.code } })).body.token;
    const invite = await invoke(api.createUnitInvite, 'createUnitInvite', { token: token.townadmin, params: { townId, unitId: schoolId }, body: { validHours: 24 } });
    const teacher = await wechatUser('wx-alliance-school');
    token.schoolLiaison = (await invoke(api.redeemInvite, 'redeemInvite', { token: teacher.token, body: { code: invite.body.code } })).body.token;
  });

  it('lets the town admin add a unit (its fields checked, in Chinese, nothing added), edit it with its liaison, retire it', async () => {
    const bad = await invoke(api.createUnit, 'createUnit', { token: token.townadmin, params: { townId }, body: { name: '派', kind: 'bakery', contactPhone: '12345' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ name: '单位名称至少 2 个字', kind: '请选择单位类型', contactPhone: '联系电话应为 11 位手机号或带区号的座机号' });
    const taken = await invoke(api.createUnit, 'createUnit', { token: token.townadmin, params: { townId }, body: { name: '洛社镇卫生院', kind: 'hospital' } });
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields.name).toBe('本镇街已有成员单位「洛社镇卫生院」');
    expect((await invoke(api.listUnits, 'listUnits', { token: token.townadmin, params: { townId } })).body.units).toHaveLength(3);

    const made = await invoke(api.createUnit, 'createUnit', { token: token.townadmin, params: { townId }, body: { name: '洛社派出所', kind: 'police', intro: '警务室进社区', contactName: '顾警官', contactPhone: '0510-83310110' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '洛社派出所', kindLabel: '派出所', active: true, version: 1 });
    const unitId = made.body.id as string;

    // the public list: names, kinds and intros of the units in the alliance, no contacts
    const open = await invoke(api.listAllianceUnits, 'listAllianceUnits', { params: { townId } });
    expect(open.body.units.map((u: { name: string }) => u.name)).toContain('洛社派出所');
    expect(JSON.stringify(open.body)).not.toContain('0510-83310110');

    // the hospital's liaison edits their own unit, not another; an edit made on a stale read is refused
    const hospital = (await invoke(api.getUnit, 'getUnit', { token: token.unitliaison, params: { townId, unitId: hospitalId } })).body;
    const edited = await invoke(api.updateUnit, 'updateUnit', { token: token.unitliaison, params: { townId, unitId: hospitalId }, body: { name: hospital.name, kind: 'hospital', intro: '每月两次义诊', version: hospital.version } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ intro: '每月两次义诊', version: hospital.version + 1 });
    const stale = await invoke(api.updateUnit, 'updateUnit', { token: token.townadmin, params: { townId, unitId: hospitalId }, body: { name: hospital.name, kind: 'hospital', intro: '旧的', version: hospital.version } });
    expect(stale.status).toBe(409);
    const notTheirs = await invoke(api.updateUnit, 'updateUnit', { token: token.unitliaison, params: { townId, unitId }, body: { name: '改名', kind: 'police', version: 1 } });
    expect(notTheirs.status).toBe(403);
    expect((await invoke(api.getUnit, 'getUnit', { token: token.townadmin, params: { townId, unitId } })).body.name).toBe('洛社派出所');

    const retired = await invoke(api.retireUnit, 'retireUnit', { token: token.townadmin, params: { townId, unitId } });
    expect(retired.body).toMatchObject({ active: false });
    expect((await invoke(api.retireUnit, 'retireUnit', { token: token.townadmin, params: { townId, unitId } })).status).toBe(409);
    expect((await invoke(api.listUnits, 'listUnits', { token: token.unitliaison, params: { townId } })).body.units.find((u: { id: string }) => u.id === unitId)).toMatchObject({ active: false });
    expect((await invoke(api.listAllianceUnits, 'listAllianceUnits', { params: { townId } })).body.units.map((u: { id: string }) => u.id)).not.toContain(unitId);
    expect((await invoke(api.createUnitInvite, 'createUnitInvite', { token: token.townadmin, params: { townId, unitId }, body: {} })).status).toBe(409);
    expect((await invoke(api.addResource, 'addResource', { token: token.townadmin, params: { townId, unitId }, body: { title: '法律讲座', kind: 'service' } })).status).toBe(409);
  });

  it('makes a liaison of a unit by invite code: 切换身份 names the unit', async () => {
    const invite = await invoke(api.createUnitInvite, 'createUnitInvite', { token: token.townadmin, params: { townId, unitId: hospitalId }, body: { validHours: 48 } });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ code: expect.stringMatching(/^[A-Z0-9]{8}$/), unitName: '洛社镇卫生院' });
    expect(Math.abs(Date.parse(invite.body.expiresAt) - deps.now().getTime() - 48 * 3_600_000)).toBeLessThan(60_000);
    const nurse = await wechatUser('wx-alliance-nurse');
    const redeemed = await invoke(api.redeemInvite, 'redeemInvite', { token: nurse.token, body: { code: invite.body.code } });
    expect(redeemed.status).toBe(200);
    const memberships = (await invoke(api.listMyMemberships, 'listMyMemberships', { token: redeemed.body.token })).body.memberships;
    expect(memberships).toEqual([{ role: 'unit_liaison', townId, townName: '洛社镇', unitId: hospitalId, unitName: '洛社镇卫生院', active: true }]);
    expect((await invoke(api.createUnitInvite, 'createUnitInvite', { token: token.townadmin, params: { townId, unitId: hospitalId }, body: { validHours: 0 } })).body.error.fields).toEqual({ validHours: '有效时长至少 1 小时' });
  });

  it('keeps each unit’s 资源清单 by its liaison (their own unit only); the town’s list holds every unit’s', async () => {
    const bad = await invoke(api.addResource, 'addResource', { token: token.unitliaison, params: { townId, unitId: hospitalId }, body: { title: '', kind: 'money' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ title: '请填写资源名称', kind: '请选择类别' });
    const added = await invoke(api.addResource, 'addResource', { token: token.unitliaison, params: { townId, unitId: hospitalId }, body: { title: '家庭医生签约', kind: 'service', description: '上门为老人建立健康档案', amount: '每周一次' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ unitName: '洛社镇卫生院', kindLabel: '服务', active: true });
    expect((await invoke(api.addResource, 'addResource', { token: token.unitliaison, params: { townId, unitId: schoolId }, body: { title: '冒名资源', kind: 'service' } })).status).toBe(403);

    const withdrawn = await invoke(api.updateResource, 'updateResource', { token: token.unitliaison, params: { townId, unitId: hospitalId, resourceId: added.body.id }, body: { title: '家庭医生签约', kind: 'service', active: false, version: 1 } });
    expect(withdrawn.body).toMatchObject({ active: false, version: 2 });
    expect((await invoke(api.updateResource, 'updateResource', { token: token.unitliaison, params: { townId, unitId: hospitalId, resourceId: added.body.id }, body: { title: '家庭医生签约', kind: 'service', active: true, version: 1 } })).status).toBe(409);
    expect((await invoke(api.updateResource, 'updateResource', { token: token.schoolLiaison, params: { townId, unitId: hospitalId, resourceId: added.body.id }, body: { title: '改名资源', kind: 'service', active: true, version: 2 } })).status).toBe(403);

    const town = (await invoke(api.listTownResources, 'listTownResources', { token: token.schoolLiaison, params: { townId } })).body.resources;
    expect(new Set(town.map((r: { unitName: string }) => r.unitName))).toEqual(new Set(['洛社镇卫生院', '洛社中心小学', '天奇自动化工程股份有限公司']));
    const ours = (await invoke(api.listUnitResources, 'listUnitResources', { token: token.unitliaison, params: { townId, unitId: hospitalId } })).body.resources;
    expect(ours.map((r: { title: string }) => r.title)).toEqual(expect.arrayContaining(['义诊', '家庭医生签约']));
    expect(ours.every((r: { unitId: string }) => r.unitId === hospitalId)).toBe(true);
  });

  it('lets a studio file its needs; the town sees them, matched with the resources that fit (same kind first)', async () => {
    const bad = await invoke(api.fileNeed, 'fileNeed', { token: token.rep1, params: { studioId }, body: { title: '修', kind: 'service', wantedBy: '明天' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ title: '需求名称至少 2 个字', wantedBy: '希望完成日期格式应为 年-月-日' });
    expect((await invoke(api.fileNeed, 'fileNeed', { token: token.rep1, params: { studioId }, body: { title: '老人量血压', kind: 'service', wantedBy: '2000-01-01' } })).body.error.fields).toEqual({ wantedBy: '希望完成日期不能早于今天' });
    const filed = await invoke(api.fileNeed, 'fileNeed', { token: token.rep1, params: { studioId }, body: { title: '独居老人量血压', kind: 'service', description: '每月上门健康检查' } });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'open', statusLabel: '待对接', createdBy: '党代表 张建国', studioName: '洛社镇党代表工作室' });

    const mine = (await invoke(api.listStudioNeeds, 'listStudioNeeds', { token: token.admin, params: { studioId } })).body.needs;
    expect(mine[0].id).toBe(filed.body.id);
    expect(mine.map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining(['老人健康检查', '暑期孩子看护']));
    const town = (await invoke(api.listTownNeeds, 'listTownNeeds', { token: token.unitliaison, params: { townId } })).body.needs;
    expect(town[0].id).toBe(filed.body.id);

    const matches = (await invoke(api.getNeedMatches, 'getNeedMatches', { token: token.townadmin, params: { townId, needId: filed.body.id } })).body;
    expect(matches.matches[0]).toMatchObject({ resource: { title: '义诊', unitName: '洛社镇卫生院' }, sameKind: true });
    expect(matches.matches.every((m: { resource: { active: boolean } }) => m.resource.active)).toBe(true);
    expect(matches.matches.map((m: { resource: { title: string } }) => m.resource.title)).not.toContain('家庭医生签约');

    const withdrawn = await invoke(api.withdrawNeed, 'withdrawNeed', { token: token.admin, params: { studioId, needId: filed.body.id } });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expect((await invoke(api.withdrawNeed, 'withdrawNeed', { token: token.admin, params: { studioId, needId: filed.body.id } })).status).toBe(409);
    const late = await invoke(api.createProject, 'createProject', { token: token.townadmin, params: { townId }, body: { needId: filed.body.id, unitId: hospitalId, owner: '周丽萍', startDate: '2030-01-01', endDate: '2030-02-01' } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('这条需求已经撤回了');
  });

  it('makes a project from a need (the need 已对接 in the same transaction), signed by both sides before it starts', async () => {
    const need = (await invoke(api.fileNeed, 'fileNeed', { token: token.admin, params: { studioId }, body: { title: '议事会场地', kind: 'venue' } })).body;
    const resources = (await invoke(api.listUnitResources, 'listUnitResources', { token: token.schoolLiaison, params: { townId, unitId: schoolId } })).body.resources;
    const playground = resources.find((r: { title: string }) => r.title === '操场和图书室');
    const body = { needId: need.id, unitId: schoolId, resourceId: playground.id, owner: '陆建英', startDate: '2030-03-01', endDate: '2030-06-30' };

    expect((await invoke(api.createProject, 'createProject', { token: token.unitliaison, params: { townId }, body })).status).toBe(403);
    const backwards = await invoke(api.createProject, 'createProject', { token: token.schoolLiaison, params: { townId }, body: { ...body, endDate: '2030-01-01' } });
    expect(backwards.body.error.fields).toEqual({ endDate: '结束日期不能早于开始日期' });
    const foreign = await invoke(api.createProject, 'createProject', { token: token.townadmin, params: { townId }, body: { ...body, unitId: hospitalId } });
    expect(foreign.body.error.fields).toEqual({ resourceId: '这项资源不在本单位的资源清单上' });

    // two made from one need at once: one project, the other told the need is taken
    const both = await Promise.all([invoke(api.createProject, 'createProject', { token: token.schoolLiaison, params: { townId }, body }), invoke(api.createProject, 'createProject', { token: token.townadmin, params: { townId }, body })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const project = both.find((r) => r.status === 201)!.body;
    expect(project).toMatchObject({ status: 'pending', statusLabel: '待签约', unitName: '洛社中心小学', resourceTitle: '操场和图书室', studioName: '洛社镇党代表工作室' });
    expect((await invoke(api.listTownProjects, 'listTownProjects', { token: token.townadmin, params: { townId } })).body.projects.filter((p: { needId: string }) => p.needId === need.id)).toHaveLength(1);
    expect((await deps.alliance.getNeed(townId, need.id))).toMatchObject({ status: 'matched', projectId: project.id });

    // not started before both signed; a signature of the wrong side, or a second tap, changes nothing
    const early = await invoke(api.moveProject, 'moveProject', { token: token.townadmin, params: { townId, projectId: project.id }, body: { status: 'in_progress' } });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('双方签字后才能开始项目');
    expect((await invoke(api.signProjectForUnit, 'signProjectForUnit', { token: token.townadmin, params: { townId, projectId: project.id } })).status).toBe(403);
    const wrongUnit = await invoke(api.signProjectForUnit, 'signProjectForUnit', { token: token.unitliaison, params: { townId, projectId: project.id } });
    expect(wrongUnit.status).toBe(403);
    expect(wrongUnit.body.error.message).toBe('只有承接项目的单位的联络员可以代表单位签字');
    const unitSigned = await invoke(api.signProjectForUnit, 'signProjectForUnit', { token: token.schoolLiaison, params: { townId, projectId: project.id } });
    expect(unitSigned.body).toMatchObject({ status: 'pending', unitSignature: { at: expect.any(String) } });
    expect(unitSigned.body.studioSignature).toBeUndefined();
    const again = await invoke(api.signProjectForUnit, 'signProjectForUnit', { token: token.schoolLiaison, params: { townId, projectId: project.id } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('您这一方已经签过字了');
    const studioSigned = await invoke(api.signProjectForStudio, 'signProjectForStudio', { token: token.rep1, params: { studioId, projectId: project.id } });
    expect(studioSigned.body).toMatchObject({ status: 'signed', statusLabel: '已签约', studioSignature: { name: '张建国' } });
    expect((await invoke(api.signProjectForStudio, 'signProjectForStudio', { token: token.admin, params: { studioId, projectId: project.id } })).status).toBe(409);

    const started = await invoke(api.moveProject, 'moveProject', { token: token.schoolLiaison, params: { townId, projectId: project.id }, body: { status: 'in_progress' } });
    expect(started.body).toMatchObject({ status: 'in_progress', statusLabel: '进行中' });
    expect((await invoke(api.moveProject, 'moveProject', { token: token.unitliaison, params: { townId, projectId: project.id }, body: { status: 'done' } })).status).toBe(403);
    expect((await invoke(api.moveProject, 'moveProject', { token: token.townadmin, params: { townId, projectId: project.id }, body: { status: 'done' } })).body.statusLabel).toBe('已完成');
    expect((await invoke(api.moveProject, 'moveProject', { token: token.townadmin, params: { townId, projectId: project.id }, body: { status: 'cancelled' } })).status).toBe(409);

    expect((await invoke(api.listUnitProjects, 'listUnitProjects', { token: token.schoolLiaison, params: { townId, unitId: schoolId } })).body.projects.map((p: { id: string }) => p.id)).toContain(project.id);
    expect((await invoke(api.listUnitProjects, 'listUnitProjects', { token: token.unitliaison, params: { townId, unitId: hospitalId } })).body.projects.map((p: { id: string }) => p.id)).not.toContain(project.id);
    expect((await invoke(api.listStudioProjects, 'listStudioProjects', { token: token.rep1, params: { studioId } })).body.projects.map((p: { id: string }) => p.id)).toContain(project.id);
  });

  it('puts the need back to 待对接 when its project is cancelled, so another unit can take it', async () => {
    const need = (await invoke(api.fileNeed, 'fileNeed', { token: token.admin, params: { studioId }, body: { title: '青年志愿者陪老人', kind: 'volunteers' } })).body;
    const project = (await invoke(api.createProject, 'createProject', { token: token.townadmin, params: { townId }, body: { needId: need.id, unitId: hospitalId, owner: '周丽萍', startDate: '2030-01-01', endDate: '2030-01-31' } })).body;
    const cancelled = await invoke(api.moveProject, 'moveProject', { token: token.unitliaison, params: { townId, projectId: project.id }, body: { status: 'cancelled' } });
    expect(cancelled.body.statusLabel).toBe('已取消');
    expect((await invoke(api.signProjectForStudio, 'signProjectForStudio', { token: token.admin, params: { studioId, projectId: project.id } })).body.error.message).toBe('这个项目不在待签约状态，不能签字');
    const again = (await invoke(api.listStudioNeeds, 'listStudioNeeds', { token: token.admin, params: { studioId } })).body.needs.find((n: { id: string }) => n.id === need.id);
    expect(again).toMatchObject({ status: 'open', statusLabel: '待对接' });
    expect(again.projectId).toBeUndefined();
  });

  it('shows the demo: 老人健康检查 signed by both with the 卫生院, 暑期孩子看护 待签约 with the 中心小学', async () => {
    const projects = (await invoke(api.listStudioProjects, 'listStudioProjects', { token: token.admin, params: { studioId } })).body.projects;
    expect(projects.find((p: { needTitle: string }) => p.needTitle === '老人健康检查')).toMatchObject({ status: 'signed', unitName: '洛社镇卫生院', unitSignature: { name: '周丽萍' }, studioSignature: { name: '赵敏' } });
    expect(projects.find((p: { needTitle: string }) => p.needTitle === '暑期孩子看护')).toMatchObject({ status: 'pending', unitName: '洛社中心小学' });
  });

  it('refuses outsiders on every route — another town’s admin, another unit’s liaison, a studio outside the town, a resident — who learn nothing', async () => {
    const need = (await invoke(api.fileNeed, 'fileNeed', { token: token.admin, params: { studioId }, body: { title: '法律咨询', kind: 'service' } })).body;
    const project = (await invoke(api.createProject, 'createProject', { token: token.townadmin, params: { townId }, body: { needId: need.id, unitId: hospitalId, owner: '周丽萍', startDate: '2030-01-01', endDate: '2030-01-31' } })).body;
    const resourceId = (await invoke(api.listUnitResources, 'listUnitResources', { token: token.unitliaison, params: { townId, unitId: hospitalId } })).body.resources[0].id;
    const unit = { townId, unitId: hospitalId };
    type Call = [keyof typeof api, Record<string, string>, unknown?];
    const townCalls: Call[] = [
      ['listUnits', { townId }],
      ['createUnit', { townId }, { name: '外来单位', kind: 'other' }],
      ['getUnit', unit],
      ['updateUnit', unit, { name: '外来单位', kind: 'other', version: 5 }],
      ['retireUnit', unit],
      ['createUnitInvite', unit, {}],
      ['listTownResources', { townId }],
      ['listUnitResources', unit],
      ['addResource', unit, { title: '外来资源', kind: 'other' }],
      ['updateResource', { ...unit, resourceId }, { title: '外来资源', kind: 'other', active: false, version: 1 }],
      ['listTownNeeds', { townId }],
      ['getNeedMatches', { townId, needId: need.id }],
      ['createProject', { townId }, { needId: need.id, unitId: hospitalId, owner: '外人', startDate: '2030-01-01', endDate: '2030-01-31' }],
      ['listTownProjects', { townId }],
      ['listUnitProjects', unit],
      ['signProjectForUnit', { townId, projectId: project.id }],
      ['moveProject', { townId, projectId: project.id }, { status: 'cancelled' }],
    ];
    const studioCalls: Call[] = [
      ['fileNeed', { studioId }, { title: '外来需求', kind: 'other' }],
      ['listStudioNeeds', { studioId }],
      ['withdrawNeed', { studioId, needId: need.id }],
      ['listStudioProjects', { studioId }],
      ['signProjectForStudio', { studioId, projectId: project.id }],
    ];
    const call = ([route, params, body]: Call, who: string) => invoke(api[route], route, { token: token[who], params, ...(body ? { body } : {}) });
    const secrets = [need.title, '洛社镇卫生院', '周丽萍'];
    for (const who of ['otherTownAdmin', 'otherStudioAdmin', 'resident']) {
      for (const c of [...townCalls, ...studioCalls]) {
        const answer = await call(c, who);
        expect({ who, route: c[0], status: [403, 404].includes(answer.status) }).toEqual({ who, route: c[0], status: true });
        for (const secret of secrets) expect(JSON.stringify(answer.body)).not.toContain(secret);
      }
    }
    // another unit's liaison: the town's shared lists are theirs to read, this unit's changes and the studio's are not
    const unitOnly: Call[] = townCalls.filter(([route]) => ['createUnit', 'updateUnit', 'retireUnit', 'createUnitInvite', 'addResource', 'updateResource', 'listUnitProjects', 'signProjectForUnit', 'moveProject', 'createProject'].includes(route));
    for (const c of [...unitOnly, ...studioCalls]) expect({ route: c[0], status: (await call(c, 'schoolLiaison')).status }).toEqual({ route: c[0], status: 403 });
    // nothing changed
    expect((await deps.alliance.getProject(townId, project.id))).toMatchObject({ status: 'pending', version: 1 });
    expect((await deps.alliance.getNeed(townId, need.id))).toMatchObject({ status: 'matched' });
    expect((await invoke(api.listUnits, 'listUnits', { token: token.townadmin, params: { townId } })).body.units.map((u: { name: string }) => u.name)).not.toContain('外来单位');
  });
});
