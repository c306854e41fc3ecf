import { decodeJwt } from 'jose';
import { ulid } from 'ulid';
import { seededTable, testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { runTownCommand } from '../../../scripts/town';
import { createTown, grantTownAdmin } from './town-operator.use-case';

// 镇街 (#14): towns made by the operator's command, town admins scoped to their town, studios and their first admin,
// memberships in several studios and switching between them, figures side by side and their CSV (DynamoDB Local).
describe('towns (DynamoDB Local)', () => {
  let api: ReturnType<typeof loadHandlers>;
  let deps: Awaited<ReturnType<typeof seededTable>>['deps'];
  let studioId: string;
  let townId: string;
  const as = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
  const wechatUser = async (code: string) => (await invoke(api.signInWithWechat, 'signInWithWechat', { body: { code } })).body;

  beforeAll(async () => {
    const seeded = await seededTable();
    deps = seeded.deps;
    studioId = seeded.seed.studioId;
    api = loadHandlers(testEnv(seeded.tableName));
    townId = (await deps.towns.findTownByName('洛社镇'))!.id;
  });

  it('makes a town and its first town admin by the operator’s command (once; by user id or by an invite code)', async () => {
    const lines: string[] = [];
    await runTownCommand(['create', '前洲街道', '惠山区'], deps, (l) => lines.push(l));
    await runTownCommand(['create', '前洲街道', '惠山区'], deps, (l) => lines.push(l));
    expect(lines[0]).toMatch(/^已创建：前洲街道（惠山区）/);
    expect(lines[1]).toMatch(/^已存在：前洲街道/);
    const town = (await deps.towns.findTownByName('前洲街道'))!;
    expect((await createTown(deps, '前洲街道', '惠山区')).created).toBe(false);

    const person = await wechatUser('wx-town-first');
    await runTownCommand(['grant-admin', '前洲街道', person.user.id], deps, (l) => lines.push(l));
    const me = await invoke(api.getMe, 'getMe', { token: person.token });
    expect(me.body).toMatchObject({ role: 'town_admin', townId: town.id });
    expect((await invoke(api.listTownStudios, 'listTownStudios', { token: person.token, params: { townId: town.id } })).body).toMatchObject({ town: { name: '前洲街道' }, studios: [] });

    await runTownCommand(['grant-admin', '前洲街道', 'invite'], deps, (l) => lines.push(l));
    const code = /邀请码：([A-Z0-9]{8})/.exec(lines.at(-1)!)![1];
    const other = await wechatUser('wx-town-second');
    const redeemed = await invoke(api.redeemInvite, 'redeemInvite', { token: other.token, body: { code } });
    expect(redeemed.status).toBe(200);
    expect(decodeJwt(redeemed.body.token)).toMatchObject({ role: 'town_admin', townId: town.id });
    await expect(grantTownAdmin(deps, '没有这个镇', person.user.id)).rejects.toThrow('没有镇街「没有这个镇」');
    await expect(runTownCommand(['grant-admin'], deps, () => undefined)).rejects.toThrow('用法');
  });

  it('lets a town admin create a studio whose first admin redeems the invite; a rep of two studios switches between them', async () => {
    const townAdmin = await as('townadmin');
    const bad = await invoke(api.createTownStudio, 'createTownStudio', { token: townAdmin, params: { townId }, body: { name: '', address: '村委会' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.name).toBe('工作室名称至少 2 个字');
    const created = await invoke(api.createTownStudio, 'createTownStudio', { token: townAdmin, params: { townId }, body: { name: '石塘湾村党代表工作室', address: '石塘湾村村委会' } });
    expect(created.status).toBe(201);
    const newStudioId = created.body.studio.id as string;
    const same = await invoke(api.createTownStudio, 'createTownStudio', { token: townAdmin, params: { townId }, body: { name: '石塘湾村党代表工作室', address: '别处' } });
    expect(same.status).toBe(400);

    const list = await invoke(api.listTownStudios, 'listTownStudios', { token: townAdmin, params: { townId } });
    expect(list.body.studios.map((s: { name: string }) => s.name).sort()).toEqual(['新开河村党代表工作室', '洛社镇党代表工作室', '石塘湾村党代表工作室'].sort());

    // the rep of the demo studio redeems the new studio's admin invite: two memberships, the new one active
    const rep = await as('rep1');
    const redeemed = await invoke(api.redeemInvite, 'redeemInvite', { token: rep, body: { code: created.body.adminInvite.code } });
    expect(redeemed.status).toBe(200);
    const adminToken = redeemed.body.token as string;
    expect(redeemed.body.user).toMatchObject({ role: 'admin', studioId: newStudioId, studioName: '石塘湾村党代表工作室' });
    const memberships = (await invoke(api.listMyMemberships, 'listMyMemberships', { token: adminToken })).body.memberships;
    expect(memberships).toEqual(
      expect.arrayContaining([
        { role: 'admin', studioId: newStudioId, studioName: '石塘湾村党代表工作室', active: true },
        { role: 'representative', studioId, studioName: '洛社镇党代表工作室', active: false },
      ]),
    );
    expect(memberships).toHaveLength(2);
    // acting for the new studio only
    expect((await invoke(api.listMembers, 'listMembers', { token: adminToken, params: { studioId: newStudioId } })).status).toBe(200);
    expect((await invoke(api.getInbox, 'getInbox', { token: adminToken, params: { studioId }, query: { group: 'new' } })).status).toBe(403);

    // switch back: a new token for the first studio, which acts there and not in the new one
    const back = await invoke(api.switchMembership, 'switchMembership', { token: adminToken, body: { role: 'representative', studioId } });
    expect(back.status).toBe(200);
    expect(decodeJwt(back.body.token)).toMatchObject({ role: 'representative', studioId });
    expect((await invoke(api.getInbox, 'getInbox', { token: back.body.token, params: { studioId }, query: { group: 'new' } })).status).toBe(200);
    expect((await invoke(api.listMembers, 'listMembers', { token: back.body.token, params: { studioId: newStudioId } })).status).toBe(403);
    // a role not held is refused and changes nothing
    const notHeld = await invoke(api.switchMembership, 'switchMembership', { token: back.body.token, body: { role: 'admin', studioId } });
    expect(notHeld.status).toBe(404);
    const noScope = await invoke(api.switchMembership, 'switchMembership', { token: back.body.token, body: { role: 'admin' } });
    expect(noScope.status).toBe(400);
    expect((await invoke(api.getMe, 'getMe', { token: back.body.token })).body.role).toBe('representative');

    // the persona who is a representative of both studios sees both
    const reptwo = await as('reptwo');
    const both = (await invoke(api.listMyMemberships, 'listMyMemberships', { token: reptwo })).body.memberships;
    expect(both.map((m: { studioName: string }) => m.studioName).sort()).toEqual(['新开河村党代表工作室', '洛社镇党代表工作室'].sort());
    // leaving the second studio (not the active one) leaves the first as it was
    const secondId = both.find((m: { studioName: string }) => m.studioName === '新开河村党代表工作室').studioId;
    const left = await invoke(api.leaveMembership, 'leaveMembership', { token: reptwo, body: { role: 'representative', studioId: secondId } });
    expect(left.status).toBe(200);
    expect(left.body.user).toMatchObject({ role: 'representative', studioId });
    expect((await invoke(api.listMyMemberships, 'listMyMemberships', { token: reptwo })).body.memberships).toEqual([{ role: 'representative', studioId, studioName: '洛社镇党代表工作室', active: true }]);
    expect((await invoke(api.listMembers, 'listMembers', { token: await as('admin'), params: { studioId } })).body.members.some((m: { displayName: string }) => m.displayName === '钱文华')).toBe(true);
    // signed out: none of the person's routes
    expect((await invoke(api.listMyMemberships, 'listMyMemberships', {})).status).toBe(401);
    expect((await invoke(api.switchMembership, 'switchMembership', { body: { role: 'representative', studioId } })).status).toBe(401);
  });

  it('removes one membership only, by the admin or by leaving', async () => {
    const townAdmin = await as('townadmin');
    const created = await invoke(api.createTownStudio, 'createTownStudio', { token: townAdmin, params: { townId }, body: { name: '东庄村党代表工作室', address: '东庄村' } });
    const person = await wechatUser('wx-two-studios');
    const admin = await invoke(api.redeemInvite, 'redeemInvite', { token: person.token, body: { code: created.body.adminInvite.code } });
    const invite = await invoke(api.createInvite, 'createInvite', { token: await as('admin'), params: { studioId }, body: { role: 'staff' } });
    const staff = await invoke(api.redeemInvite, 'redeemInvite', { token: admin.body.token, body: { code: invite.body.code } });
    expect(staff.body.user).toMatchObject({ role: 'staff', studioId });
    // the demo admin removes them from the demo studio: their admin role elsewhere stays
    expect((await invoke(api.removeMember, 'removeMember', { token: await as('admin'), params: { studioId, userId: person.user.id } })).status).toBe(200);
    const left = (await invoke(api.listMyMemberships, 'listMyMemberships', { token: person.token })).body.memberships;
    expect(left).toEqual([{ role: 'admin', studioId: created.body.studio.id, studioName: '东庄村党代表工作室', active: false }]);
    expect((await invoke(api.getMe, 'getMe', { token: person.token })).body.role).toBe('resident');
    // the only admin of a studio cannot leave it
    const leave = await invoke(api.leaveMembership, 'leaveMembership', { token: person.token, body: { role: 'admin', studioId: created.body.studio.id } });
    expect(leave.status).toBe(409);
  });

  it('refuses a town admin of another town, a studio admin and residents, and learns them nothing', async () => {
    const other = (await createTown(deps, '钱桥街道', '惠山区')).town;
    const stranger = await wechatUser('wx-other-town-admin');
    await grantTownAdmin(deps, other.id, stranger.user.id);
    const calls = [
      () => invoke(api.listTownStudios, 'listTownStudios', { token: stranger.token, params: { townId } }),
      () => invoke(api.createTownStudio, 'createTownStudio', { token: stranger.token, params: { townId }, body: { name: '冒名工作室', address: '某处' } }),
      () => invoke(api.getTownFigures, 'getTownFigures', { token: stranger.token, params: { townId }, query: { month: '2026-11' } }),
      () => invoke(api.exportTownFigures, 'exportTownFigures', { token: stranger.token, params: { townId }, query: { month: '2026-11' } }),
      () => invoke(api.listTownStudios, 'listTownStudios', { token: stranger.token, params: { townId: ulid() } }),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('洛社');
    }
    for (const persona of ['admin', 'rep1', 'resident']) {
      const token = await as(persona);
      expect((await invoke(api.createTownStudio, 'createTownStudio', { token, params: { townId }, body: { name: '冒名工作室', address: '某处' } })).status).toBe(403);
      expect((await invoke(api.getTownFigures, 'getTownFigures', { token, params: { townId }, query: { month: '2026-11' } })).status).toBe(403);
    }
    expect((await invoke(api.listTownStudios, 'listTownStudios', { params: { townId } })).status).toBe(401);
  });

  it('shows every studio’s figures side by side, and the same as a CSV', async () => {
    const token = await as('townadmin');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const figures = await invoke(api.getTownFigures, 'getTownFigures', { token, params: { townId }, query: { month } });
    expect(figures.status).toBe(200);
    const names = figures.body.studios.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['洛社镇党代表工作室', '新开河村党代表工作室']));
    const demo = figures.body.studios.find((s: { studioId: string }) => s.studioId === studioId);
    expect(demo).toMatchObject({ received: expect.any(Number), overdue: expect.any(Number), bookings: expect.any(Number), served: expect.any(Number), noShows: expect.any(Number) });
    const csv = await invoke(api.exportTownFigures, 'exportTownFigures', { token, params: { townId }, query: { month } });
    expect(csv.status).toBe(200);
    const text = Buffer.from(csv.body as string, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF"工作室","收到意见","响应率","解决率","满意率","超期","预约","已服务","爽约"')).toBe(true);
    expect(text).toContain(`"洛社镇党代表工作室","${demo.received}"`);
    expect((await invoke(api.getTownFigures, 'getTownFigures', { token, params: { townId }, query: { month: '2026-13' } })).status).toBe(400);
  });

  it('lists the towns and a town’s studios with their venues and next market days for residents, and a studio’s town', async () => {
    const towns = await invoke(api.listTowns, 'listTowns', {});
    expect(towns.body.towns.map((t: { name: string }) => t.name)).toContain('洛社镇');
    const directory = await invoke(api.getTownDirectory, 'getTownDirectory', { params: { townId } });
    expect(directory.status).toBe(200);
    const second = directory.body.studios.find((s: { name: string }) => s.name === '新开河村党代表工作室');
    expect(second.venues[0]).toMatchObject({ name: '新开河村文化礼堂' });
    expect(second.venues[0].nextMarketDays[0]).toMatch(/（(初五|十五|廿五|[^）]*(初五|十五|廿五))）$/);
    expect((await invoke(api.getStudioTown, 'getStudioTown', { params: { studioId } })).body).toMatchObject({ studioName: '洛社镇党代表工作室', town: { id: townId, name: '洛社镇' } });
    expect((await invoke(api.getTownDirectory, 'getTownDirectory', { params: { townId: ulid() } })).status).toBe(404);
    expect((await invoke(api.getStudioTown, 'getStudioTown', { params: { studioId: ulid() } })).status).toBe(404);
  });

  it('puts the memberships in the person’s data, and keeps an account holding one from being deleted', async () => {
    const townAdmin = await as('townadmin');
    const created = await invoke(api.createTownStudio, 'createTownStudio', { token: townAdmin, params: { townId }, body: { name: '西庄村党代表工作室', address: '西庄村' } });
    const person = await wechatUser('wx-privacy-member');
    const invite = await invoke(api.createInvite, 'createInvite', { token: await as('admin'), params: { studioId }, body: { role: 'staff' } });
    await invoke(api.redeemInvite, 'redeemInvite', { token: person.token, body: { code: created.body.adminInvite.code } });
    await invoke(api.redeemInvite, 'redeemInvite', { token: person.token, body: { code: invite.body.code } });
    const file = await invoke(api.exportMyData, 'exportMyData', { token: person.token });
    const data = JSON.parse(Buffer.from(file.body as string, 'base64').toString('utf8'));
    expect(data.memberships.map((m: { role: string; place: string }) => `${m.role}@${m.place}`).sort()).toEqual(['工作室管理员@西庄村党代表工作室', '服务点工作人员@洛社镇党代表工作室'].sort());
    // removed from the active studio they are a resident again, but still hold the other role: no deletion yet
    await invoke(api.removeMember, 'removeMember', { token: await as('admin'), params: { studioId, userId: person.user.id } });
    const refused = await invoke(api.deleteMyAccount, 'deleteMyAccount', { token: person.token, body: { confirm: '注销' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('切换身份');
    expect((await invoke(api.getMe, 'getMe', { token: person.token })).status).toBe(200);
  });
});
