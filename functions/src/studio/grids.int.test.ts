import { ulid } from 'ulid';
import { seededTable, testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';

// 网格 / 院落: an admin divides the studio's area, a grid head (invited for one grid) sees the matters raised there;
// residents choose a grid when they submit and see the heads who agreed to be listed (DynamoDB Local).
describe('grids (DynamoDB Local)', () => {
  let api: ReturnType<typeof loadHandlers>;
  let studioId: string;
  const as = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
  const wechatUser = async (code: string) => (await invoke(api.signInWithWechat, 'signInWithWechat', { body: { code } })).body;
  const submission = (gridId?: string) => ({ studioId, requestId: ulid(), category: '环境卫生', text: '新村 5 幢门口的下水道堵了，一下雨就积水', public: true, ...(gridId ? { gridId } : {}) });

  beforeAll(async () => {
    const seeded = await seededTable();
    studioId = seeded.seed.studioId;
    api = loadHandlers(testEnv(seeded.tableName));
  });

  it('lists the demo grids to anyone, with the grid head who agreed to be listed', async () => {
    const grids = await invoke(api.listGrids, 'listGrids', { params: { studioId } });
    expect(grids.status).toBe(200);
    expect(grids.body.grids.map((g: { name: string }) => g.name).sort()).toEqual(['人民路网格', '新村院落', '杨墅自然村'].sort());
    const road = grids.body.grids.find((g: { name: string }) => g.name === '人民路网格');
    expect(road.heads.map((h: { displayName: string }) => h.displayName)).toEqual(['吴网格员']);
    expect((await invoke(api.listGrids, 'listGrids', { params: { studioId: ulid() } })).status).toBe(404);
  });

  it('lets only the admin add and rename grids, names unique, and names the field of bad input', async () => {
    const admin = await as('admin');
    const made = await invoke(api.createGrid, 'createGrid', { token: admin, params: { studioId }, body: { name: '东街网格', area: '东街一带' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '东街网格', kind: '网格', area: '东街一带', heads: [] });
    expect((await invoke(api.createGrid, 'createGrid', { token: admin, params: { studioId }, body: { name: '东街网格' } })).status).toBe(409);
    const bad = await invoke(api.createGrid, 'createGrid', { token: admin, params: { studioId }, body: { name: '东', kind: '片区' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['kind', 'name']);
    expect((await invoke(api.createGrid, 'createGrid', { token: await as('rep1'), params: { studioId }, body: { name: '西街网格' } })).status).toBe(403);
    const renamed = await invoke(api.updateGrid, 'updateGrid', { token: admin, params: { studioId, gridId: made.body.id }, body: { name: '东街院落', kind: '院落' } });
    expect(renamed.body).toMatchObject({ id: made.body.id, name: '东街院落', kind: '院落' });
    expect((await invoke(api.updateGrid, 'updateGrid', { token: admin, params: { studioId, gridId: ulid() }, body: { name: '不存在' } })).status).toBe(404);
  });

  it('makes a grid head by an invite for one grid; they see that grid’s matters only, and may be listed by consent', async () => {
    const admin = await as('admin');
    const grids = (await invoke(api.listGrids, 'listGrids', { params: { studioId } })).body.grids as { id: string; name: string }[];
    const village = grids.find((g) => g.name === '新村院落')!;
    const road = grids.find((g) => g.name === '人民路网格')!;
    // an invite for a grid head names the grid; other roles name none
    expect((await invoke(api.createInvite, 'createInvite', { token: admin, params: { studioId }, body: { role: 'grid_head' } })).body.error.fields).toEqual({ gridId: '请选择网格员负责的网格' });
    expect((await invoke(api.createInvite, 'createInvite', { token: admin, params: { studioId }, body: { role: 'staff', gridId: village.id } })).status).toBe(400);
    expect((await invoke(api.createInvite, 'createInvite', { token: admin, params: { studioId }, body: { role: 'grid_head', gridId: ulid() } })).body.error.fields).toEqual({ gridId: '没有找到这个网格，请刷新后重选' });
    const invite = await invoke(api.createInvite, 'createInvite', { token: admin, params: { studioId }, body: { role: 'grid_head', gridId: village.id } });
    expect(invite.body).toMatchObject({ role: 'grid_head', gridId: village.id });
    const person = await wechatUser('wx-grid-head');
    const redeemed = await invoke(api.redeemInvite, 'redeemInvite', { token: person.token, body: { code: invite.body.code } });
    expect(redeemed.body.user).toMatchObject({ role: 'grid_head', studioId, gridId: village.id });
    const head = redeemed.body.token as string;

    // a resident raises one matter in the village, one in the road grid, one in none; a made-up grid is refused
    const resident = await as('resident');
    const inVillage = await invoke(api.submit, 'submit', { token: resident, body: submission(village.id) });
    expect(inVillage.status).toBe(201);
    expect(inVillage.body.gridName).toBe('新村院落');
    await invoke(api.submit, 'submit', { token: resident, body: submission(road.id) });
    await invoke(api.submit, 'submit', { token: resident, body: submission() });
    const madeUp = await invoke(api.submit, 'submit', { token: resident, body: submission(ulid()) });
    expect(madeUp.status).toBe(400);
    expect(madeUp.body.error.fields).toEqual({ gridId: '请从列表中选择网格' });

    const mine = await invoke(api.listGridMatters, 'listGridMatters', { token: head, params: { studioId, gridId: village.id } });
    expect(mine.status).toBe(200);
    expect(mine.body.grid).toMatchObject({ id: village.id, name: '新村院落' });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([inVillage.body.id]);
    expect(mine.body.items[0]).toMatchObject({ status: 'submitted', overdue: false });
    // another grid: not found, and nothing learnt; a resident: not allowed; a representative reads every grid
    expect((await invoke(api.listGridMatters, 'listGridMatters', { token: head, params: { studioId, gridId: road.id } })).status).toBe(404);
    expect((await invoke(api.listGridMatters, 'listGridMatters', { token: resident, params: { studioId, gridId: village.id } })).status).toBe(403);
    expect((await invoke(api.listGridMatters, 'listGridMatters', { token: await as('rep1'), params: { studioId, gridId: road.id } })).body.items).toHaveLength(1);
    // the grid head is not a representative: the studio's inbox stays closed to them
    expect((await invoke(api.getInbox, 'getInbox', { token: head, params: { studioId }, query: { group: 'new' } })).status).toBe(403);

    // listed by name only once they agree; only for their own grid
    const heads = async () => (await invoke(api.listGrids, 'listGrids', { params: { studioId } })).body.grids.find((g: { id: string }) => g.id === village.id).heads;
    expect(await heads()).toEqual([]);
    expect((await invoke(api.setGridListing, 'setGridListing', { token: head, params: { gridId: road.id }, body: { listed: true } })).status).toBe(403);
    expect((await invoke(api.setGridListing, 'setGridListing', { token: head, params: { gridId: village.id }, body: { listed: true } })).body).toEqual({ gridId: village.id, listed: true });
    expect(await heads()).toEqual([{ userId: person.user.id, displayName: person.user.displayName }]);

    // nobody is made a grid head without an invite for a grid
    const rep2 = (await invoke(api.listMembers, 'listMembers', { token: admin, params: { studioId } })).body.members.find((m: { role: string }) => m.role === 'staff');
    expect((await invoke(api.changeMemberRole, 'changeMemberRole', { token: admin, params: { studioId, userId: rep2.userId }, body: { role: 'grid_head' } })).body.error.fields).toEqual({ role: '网格员请用网格员邀请码加入（生成邀请码时选好网格）' });
    // made staff by the admin: the grid goes with the role, and the grid's matters are closed to them
    expect((await invoke(api.changeMemberRole, 'changeMemberRole', { token: admin, params: { studioId, userId: person.user.id }, body: { role: 'staff' } })).status).toBe(200);
    expect((await invoke(api.getMe, 'getMe', { token: head })).body).not.toHaveProperty('gridId');
    expect(await heads()).toEqual([]);
  });
});

// A grid head handles the 小事 of their own grid: 受理 as 小事, 进展, 答复, 办结; a 大事 or 私事 stays with the
// representatives (403), a matter of another grid is not found (DynamoDB Local).
describe('a grid head handles their grid’s 小事 (DynamoDB Local)', () => {
  it('accepts, progresses, answers and closes a 小事 of their grid, and nothing else', async () => {
    const seeded = await seededTable();
    const studioId = seeded.seed.studioId;
    const api = loadHandlers(testEnv(seeded.tableName));
    const as = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
    const grids = (await invoke(api.listGrids, 'listGrids', { params: { studioId } })).body.grids as { id: string; name: string }[];
    const road = grids.find((g) => g.name === '人民路网格')!; // the demo 网格员's
    const village = grids.find((g) => g.name === '新村院落')!;
    const resident = await as('resident');
    const raise = async (gridId: string, text: string) => (await invoke(api.submit, 'submit', { token: resident, body: { studioId, requestId: ulid(), category: '环境卫生', text, public: true, gridId } })).body.id as string;
    const mine = await raise(road.id, '人民路 12 号门口的井盖松了，踩上去会响');
    const big = await raise(road.id, '人民路整条路的下水管网老化，一下雨就倒灌');
    const theirs = await raise(village.id, '新村 3 幢楼道灯不亮');
    const head = await as('gridhead');

    expect((await invoke(api.getStudioSubmission, 'getStudioSubmission', { token: head, params: { studioId, submissionId: mine } })).status).toBe(200);
    expect((await invoke(api.getStudioSubmission, 'getStudioSubmission', { token: head, params: { studioId, submissionId: theirs } })).status).toBe(404);
    expect((await invoke(api.acceptSubmission, 'acceptSubmission', { token: head, params: { submissionId: theirs }, body: { triage: 'minor' } })).status).toBe(404);
    // a 大事 is the representatives' to hand on: refused, nothing changed
    const asMajor = await invoke(api.acceptSubmission, 'acceptSubmission', { token: head, params: { submissionId: big }, body: { triage: 'major', department: '城管办', dueDate: '2099-12-31' } });
    expect(asMajor.status).toBe(403);
    expect((await invoke(api.getStudioSubmission, 'getStudioSubmission', { token: head, params: { studioId, submissionId: big } })).body.status).toBe('submitted');

    const accepted = await invoke(api.acceptSubmission, 'acceptSubmission', { token: head, params: { submissionId: mine }, body: { triage: 'minor' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', triage: 'minor' });
    expect((await invoke(api.postProgress, 'postProgress', { token: head, params: { submissionId: mine }, body: { text: '已联系市政，明早来换井盖' } })).status).toBe(200);
    expect((await invoke(api.replyToSubmission, 'replyToSubmission', { token: head, params: { submissionId: mine }, body: { text: '井盖已更换。', public: true } })).body.status).toBe('replied');
    expect((await invoke(api.resolveSubmission, 'resolveSubmission', { token: head, params: { submissionId: mine }, body: { outcome: 'fixed' } })).body.status).toBe('resolved');
    // the resident sees the studio's steps, signed as the studio
    const seen = (await invoke(api.getMySubmission, 'getMySubmission', { token: resident, params: { submissionId: mine } })).body;
    expect(seen.timeline.map((e: { by: string }) => e.by)).not.toContain('吴网格员');

    // once a representative hands the other one on as 大事, the grid head cannot answer it
    await invoke(api.acceptSubmission, 'acceptSubmission', { token: await as('rep1'), params: { submissionId: big }, body: { triage: 'major', department: '城管办', dueDate: '2099-12-31' } });
    expect((await invoke(api.replyToSubmission, 'replyToSubmission', { token: head, params: { submissionId: big }, body: { text: '已经联系城管办处理，谢谢反映。', public: false } })).status).toBe(403);
    // and the inbox stays the representatives'
    expect((await invoke(api.getInbox, 'getInbox', { token: head, params: { studioId }, query: { group: 'new' } })).status).toBe(403);
  });
});
