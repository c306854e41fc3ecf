import { seededTable, testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';

// 成员与邀请: the admin sees the studio's people, changes a role or removes someone — at once (DynamoDB Local).
describe('members of a studio (DynamoDB Local)', () => {
  it('lists the members, changes a role and removes someone, each counting at once and audited', async () => {
    const { tableName, seed } = await seededTable();
    const api = loadHandlers(testEnv(tableName));
    const studioId = seed.studioId;
    const as = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
    const admin = await as('admin');

    const listed = await invoke(api.listMembers, 'listMembers', { token: admin, params: { studioId } });
    expect(listed.status).toBe(200);
    expect(listed.body.members.map((m: { displayName: string; role: string }) => `${m.displayName}:${m.role}`)).toEqual([
      '赵敏:admin',
      '李秀英:representative',
      // a representative of this studio and of 洛社镇's second one (demo-towns.ts)
      '钱文华:representative',
      '张建国:representative',
      '陈丽:staff',
      '王志强:staff',
      // 城管办's liaison (部门与联络员), after the studio's own roles
      '城管办联络员:liaison',
      '吴网格员:grid_head',
    ]);
    const byName = (name: string) => listed.body.members.find((m: { displayName: string }) => m.displayName === name).userId as string;

    // staff1 becomes a representative: the token they already hold opens the inbox now
    const staff1 = await as('staff1');
    expect((await invoke(api.getInbox, 'getInbox', { token: staff1, params: { studioId }, query: { group: 'new' } })).status).toBe(403);
    const changed = await invoke(api.changeMemberRole, 'changeMemberRole', { token: admin, params: { studioId, userId: byName('王志强') }, body: { role: 'representative' } });
    expect(changed.body).toMatchObject({ displayName: '王志强', role: 'representative' });
    expect((await invoke(api.getInbox, 'getInbox', { token: staff1, params: { studioId }, query: { group: 'new' } })).status).toBe(200);

    // staff2 is removed: a resident again, the stand desk closed to them at once
    const staff2 = await as('staff2');
    expect((await invoke(api.removeMember, 'removeMember', { token: admin, params: { studioId, userId: byName('陈丽') } })).body).toEqual({ removed: true });
    expect((await invoke(api.getMe, 'getMe', { token: staff2 })).body).toMatchObject({ role: 'resident' });
    expect((await invoke(api.getMe, 'getMe', { token: staff2 })).body.studioId).toBeUndefined();
    expect((await invoke(api.listStudioStands, 'listStudioStands', { token: staff2, params: { studioId } })).status).toBe(403);
    expect((await invoke(api.removeMember, 'removeMember', { token: admin, params: { studioId, userId: byName('陈丽') } })).status).toBe(404);

    // the admin cannot demote or remove themselves; nobody else may manage members
    expect((await invoke(api.changeMemberRole, 'changeMemberRole', { token: admin, params: { studioId, userId: byName('赵敏') }, body: { role: 'staff' } })).status).toBe(409);
    expect((await invoke(api.listMembers, 'listMembers', { token: await as('rep1'), params: { studioId } })).status).toBe(403);
    expect((await invoke(api.changeMemberRole, 'changeMemberRole', { token: admin, params: { studioId, userId: byName('张建国') }, body: { role: 'resident' } })).status).toBe(400);

    const audit = await invoke(api.getAuditLog, 'getAuditLog', { token: admin, params: { studioId }, query: { kind: 'role_changed' } });
    expect(audit.body.entries.map((e: { summary: string }) => e.summary)).toEqual(['陈丽：服务点工作人员 → 移出工作室', '王志强：服务点工作人员 → 党代表']);
  }, 60_000);
});
