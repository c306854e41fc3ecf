import { decodeJwt } from 'jose';
import { ulid } from 'ulid';
import { seededTable, testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';

// Studio roles are granted by the studio's admin through one-time, expiring invite codes (DynamoDB Local).
describe('invites (DynamoDB Local)', () => {
  let api: ReturnType<typeof loadHandlers>;
  let studioId: string;
  let deps: Awaited<ReturnType<typeof seededTable>>['deps'];
  const as = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token as string;
  const wechatUser = async (code: string) => (await invoke(api.signInWithWechat, 'signInWithWechat', { body: { code } })).body;

  beforeAll(async () => {
    const seeded = await seededTable();
    studioId = seeded.seed.studioId;
    deps = seeded.deps;
    api = loadHandlers(testEnv(seeded.tableName));
  });

  it('makes a role change count at once: the earlier token no longer opens the old role’s routes', async () => {
    const admin = await as('admin');
    const repInvite = await invoke(api.createInvite, 'createInvite', { token: admin, params: { studioId }, body: { role: 'representative', validHours: 24 } });
    const staffInvite = await invoke(api.createInvite, 'createInvite', { token: admin, params: { studioId }, body: { role: 'staff', validHours: 24 } });
    const person = await wechatUser('wx-role-change');
    const asRep = await invoke(api.redeemInvite, 'redeemInvite', { token: person.token, body: { code: repInvite.body.code } });
    const repToken = asRep.body.token as string;
    expect((await invoke(api.getInbox, 'getInbox', { token: repToken, params: { studioId }, query: { group: 'new' } })).status).toBe(200);
    // the same person becomes staff; the representative token they still hold must not open the inbox any more
    expect((await invoke(api.redeemInvite, 'redeemInvite', { token: repToken, body: { code: staffInvite.body.code } })).status).toBe(200);
    expect((await invoke(api.getInbox, 'getInbox', { token: repToken, params: { studioId }, query: { group: 'new' } })).status).toBe(403);
    expect((await invoke(api.getMe, 'getMe', { token: repToken })).body.role).toBe('staff');
  });

  it('lets the admin invite a volunteer, who then holds the staff role of that studio', async () => {
    const admin = await as('admin');
    const invite = await invoke(api.createInvite, 'createInvite', { token: admin, params: { studioId }, body: { role: 'staff', validHours: 24 } });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ role: 'staff', studioId });
    expect(invite.body.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);

    const volunteer = await wechatUser('wx-volunteer');
    const typed = `${invite.body.code.slice(0, 4).toLowerCase()} ${invite.body.code.slice(4)}`; // as a person might type it
    const redeemed = await invoke(api.redeemInvite, 'redeemInvite', { token: volunteer.token, body: { code: typed } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.user).toMatchObject({ id: volunteer.user.id, role: 'staff', studioId, studioName: '洛社镇党代表工作室' });
    expect(decodeJwt(redeemed.body.token)).toMatchObject({ role: 'staff', studioId });

    const me = await invoke(api.getMe, 'getMe', { token: redeemed.body.token });
    expect(me.body.role).toBe('staff');

    const second = await wechatUser('wx-someone-else');
    const reuse = await invoke(api.redeemInvite, 'redeemInvite', { token: second.token, body: { code: invite.body.code } });
    expect(reuse.status).toBe(409);
    expect(reuse.body.error.message).toBe('这个邀请码已经被使用过了');
    expect((await invoke(api.getMe, 'getMe', { token: second.token })).body.role).toBe('resident');
  });

  it('lets exactly one of two people racing for one code take it', async () => {
    const admin = await as('admin');
    const { body } = await invoke(api.createInvite, 'createInvite', { token: admin, params: { studioId }, body: { role: 'representative' } });
    const racers = await Promise.all(['wx-race-a', 'wx-race-b', 'wx-race-c'].map(wechatUser));
    const results = await Promise.all(racers.map((r) => invoke(api.redeemInvite, 'redeemInvite', { token: r.token, body: { code: body.code } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('refuses an expired code', async () => {
    const seeded = await seededTable();
    const localApi = loadHandlers(testEnv(seeded.tableName));
    const now = Date.now();
    await seeded.deps.studios.createInvite({
      code: 'EXPARED3',
      studioId: seeded.seed.studioId,
      role: 'staff',
      createdBy: 'admin',
      createdAt: new Date(now - 2 * 3600_000).toISOString(),
      expiresAt: new Date(now - 60_000).toISOString(),
    });
    const resident = (await invoke(localApi.signInWithWechat, 'signInWithWechat', { body: { code: 'wx-late' } })).body;
    const late = await invoke(localApi.redeemInvite, 'redeemInvite', { token: resident.token, body: { code: 'EXPARED3' } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('这个邀请码已过期，请联系管理员重新发放');
    expect((await invoke(localApi.getMe, 'getMe', { token: resident.token })).body.role).toBe('resident');
  });

  it('forbids anyone but the admin of that studio to invite', async () => {
    for (const persona of ['resident', 'rep1', 'staff1']) {
      const res = await invoke(api.createInvite, 'createInvite', { token: await as(persona), params: { studioId }, body: { role: 'staff' } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    // The admin of another studio (a valid token, same secret) cannot invite into this one.
    const otherAdmin = { id: ulid(), displayName: '别的工作室管理员', role: 'admin' as const, studioId: ulid(), createdAt: new Date().toISOString() };
    await deps.users.createUserForOpenid(otherAdmin, `test-${otherAdmin.id}`);
    const { token } = await deps.tokens.issue({ userId: otherAdmin.id, role: 'admin', studioId: otherAdmin.studioId }, new Date());
    const res = await invoke(api.createInvite, 'createInvite', { token, params: { studioId }, body: { role: 'admin' } });
    expect(res.status).toBe(403);
    // A token of a user this deployment does not know is no session at all.
    const stranger = (await deps.tokens.issue({ userId: ulid(), role: 'admin', studioId }, new Date())).token;
    expect((await invoke(api.createInvite, 'createInvite', { token: stranger, params: { studioId }, body: { role: 'admin' } })).status).toBe(401);
  });

  it('rejects a malformed code, and refuses guessing after ten tries with 429', async () => {
    const guesser = await wechatUser('wx-guesser');
    const malformed = await invoke(api.redeemInvite, 'redeemInvite', { token: guesser.token, body: { code: '0000' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.code).toBe('邀请码里不会有「0」，请核对：邀请码由字母（不含 B、I、L、O、S、Z）或数字 3、4、6、7、9组成');

    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await invoke(api.redeemInvite, 'redeemInvite', { token: guesser.token, body: { code: 'ACDEFGH3' } })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    const limited = await invoke(api.redeemInvite, 'redeemInvite', { token: guesser.token, body: { code: 'ACDEFGH3' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
