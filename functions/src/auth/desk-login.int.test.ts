import { decodeJwt } from 'jose';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from './session-tokens';
import { seededTable, testEnv } from '../../../test/support/tables';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { failureOf } from '../../../test/support/failure';
import { createDeskTicket, exchangeDeskTicket, settleDeskTicket } from './desk-login.use-case';

// 扫码登录电脑工作台 against DynamoDB Local: a desk browser's one-time ticket, confirmed on a phone, exchanged once by
// the browser holding its secret for a session of its own.
describe('desk sign-in by QR code (DynamoDB Local)', () => {
  describe('through the API', () => {
    let api: ReturnType<typeof loadHandlers>;
    let studioId: string;
    const as = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body as { token: string; user: { id: string } };
    const newTicket = async () => {
      const created = await invoke(api.createDeskTicket, 'createDeskTicket');
      expect(created.status).toBe(201);
      return created.body as { ticketId: string; secret: string; expiresAt: string; qrPayload: string };
    };
    const poll = (ticketId: string, secret: string) => invoke(api.exchangeDeskTicket, 'exchangeDeskTicket', { params: { ticketId }, body: { secret } });

    beforeAll(async () => {
      const { tableName, seed } = await seededTable();
      studioId = seed.studioId;
      api = loadHandlers(testEnv(tableName));
    });

    it('creates a ticket, the representative confirms on the phone, the browser gets its own session exactly once', async () => {
      const rep = await as('rep1');
      const ticket = await newTicket();
      expect(ticket.qrPayload).toBe(`lianxin-desk:${ticket.ticketId}`);
      expect(ticket.qrPayload).not.toContain(ticket.secret);
      expect(Date.parse(ticket.expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);

      expect((await poll(ticket.ticketId, ticket.secret)).body).toEqual({ status: 'pending', expiresAt: ticket.expiresAt });

      const seen = await invoke(api.getDeskTicket, 'getDeskTicket', { token: rep.token, params: { ticketId: ticket.ticketId } });
      expect(seen.body).toMatchObject({ ticketId: ticket.ticketId, status: 'pending', browser: '未知浏览器' });
      const confirmed = await invoke(api.confirmDeskTicket, 'confirmDeskTicket', { token: rep.token, params: { ticketId: ticket.ticketId } });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.status).toBe('confirmed');

      const signedIn = await poll(ticket.ticketId, ticket.secret);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.status).toBe('signed_in');
      const desk = signedIn.body.session;
      expect(desk.user).toMatchObject({ id: rep.user.id, role: 'representative', studioId });
      expect(desk.token).not.toBe(rep.token);
      expect(decodeJwt(desk.token).sub).toBe(rep.user.id);
      expect((await invoke(api.getInbox, 'getInbox', { token: desk.token, params: { studioId }, query: { group: 'new' } })).status).toBe(200);

      // replayed: the ticket is used up, for that browser and for anyone
      const again = await poll(ticket.ticketId, ticket.secret);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe('这个二维码已经用过了，请在电脑上刷新二维码');
      expect((await invoke(api.confirmDeskTicket, 'confirmDeskTicket', { token: rep.token, params: { ticketId: ticket.ticketId } })).status).toBe(409);
      expect((await invoke(api.getDeskTicket, 'getDeskTicket', { token: rep.token, params: { ticketId: ticket.ticketId } })).body.status).toBe('used');

      // the studio's admin sees the desk sign-in in the audit trail
      const admin = await as('admin');
      const audit = await invoke(api.getAuditLog, 'getAuditLog', { token: admin.token, params: { studioId }, query: { kind: 'desk_signed_in' } });
      expect(audit.body.entries[0]).toMatchObject({ actorName: '张建国', summary: '扫码登录电脑工作台（未知浏览器）' });
    });

    it('refuses a wrong secret (404, as for no ticket) and changes nothing', async () => {
      const rep = await as('rep1');
      const ticket = await newTicket();
      const wrong = await poll(ticket.ticketId, 'x'.repeat(43));
      expect(wrong.status).toBe(404);
      expect(wrong.body.error.message).toBe('没有找到这个登录二维码，请在电脑上刷新二维码');
      await invoke(api.confirmDeskTicket, 'confirmDeskTicket', { token: rep.token, params: { ticketId: ticket.ticketId } });
      expect((await poll(ticket.ticketId, 'y'.repeat(43))).status).toBe(404);
      // the right browser still gets its session
      expect((await poll(ticket.ticketId, ticket.secret)).body.status).toBe('signed_in');

      expect((await poll('01JAAAAAAAAAAAAAAAAAAAAAAA', ticket.secret)).status).toBe(404);
      const malformed = await poll(ticket.ticketId, 'short');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.fields).toEqual({ secret: '登录凭证格式不正确' });
    });

    it('lets only the studio\'s people confirm: a resident is refused and the ticket stays pending', async () => {
      const resident = await as('resident');
      const ticket = await newTicket();
      expect((await invoke(api.getDeskTicket, 'getDeskTicket', { token: resident.token, params: { ticketId: ticket.ticketId } })).status).toBe(403);
      expect((await invoke(api.confirmDeskTicket, 'confirmDeskTicket', { token: resident.token, params: { ticketId: ticket.ticketId } })).status).toBe(403);
      expect((await invoke(api.confirmDeskTicket, 'confirmDeskTicket', { params: { ticketId: ticket.ticketId } })).status).toBe(401);
      expect((await poll(ticket.ticketId, ticket.secret)).body.status).toBe('pending');
    });

    it('gives the session of whoever confirmed: staff confirming signs the browser in as that staff member', async () => {
      const staff = await as('staff1');
      const ticket = await newTicket();
      await invoke(api.confirmDeskTicket, 'confirmDeskTicket', { token: staff.token, params: { ticketId: ticket.ticketId } });
      const signedIn = await poll(ticket.ticketId, ticket.secret);
      expect(signedIn.body.session.user).toMatchObject({ id: staff.user.id, role: 'staff' });
    });

    it('a ticket cancelled on the phone cannot be confirmed or exchanged', async () => {
      const rep = await as('rep2');
      const ticket = await newTicket();
      expect((await invoke(api.cancelDeskTicket, 'cancelDeskTicket', { token: rep.token, params: { ticketId: ticket.ticketId } })).body.status).toBe('cancelled');
      const confirm = await invoke(api.confirmDeskTicket, 'confirmDeskTicket', { token: rep.token, params: { ticketId: ticket.ticketId } });
      expect(confirm.status).toBe(409);
      expect(confirm.body.error.message).toBe('已在手机上取消这次登录，请在电脑上刷新二维码');
      expect((await poll(ticket.ticketId, ticket.secret)).status).toBe(409);
    });

    it('one confirmation wins when two phones confirm at once', async () => {
      const [rep1, rep2] = [await as('rep1'), await as('rep2')];
      const ticket = await newTicket();
      const results = await Promise.all([rep1, rep2, rep1, rep2].map((p) => invoke(api.confirmDeskTicket, 'confirmDeskTicket', { token: p.token, params: { ticketId: ticket.ticketId } })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      const exchanges = await Promise.all([1, 2, 3].map(() => poll(ticket.ticketId, ticket.secret)));
      expect(exchanges.filter((r) => r.status === 200)).toHaveLength(1);
      expect(exchanges.filter((r) => r.status === 409)).toHaveLength(2);
    });
  });

  describe('with a frozen clock', () => {
    async function fixture() {
      let clock = new Date('2026-12-02T02:00:00.000Z');
      const { deps } = await seededTable({ now: () => clock });
      const personas = Object.fromEntries((await deps.personas.listPersonas()).map((p) => [p.key, p]));
      const principalOf = (key: string): Principal => ({ userId: personas[key]!.userId, role: personas[key]!.role, studioId: 'x' });
      return { deps, principalOf, advance: (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000)) };
    }

    it('expires a ticket 2 minutes after it was made: confirming or exchanging it then is refused', async () => {
      const f = await fixture();
      const late = await createDeskTicket(f.deps, { sourceIp: '10.0.0.1' });
      f.advance(119);
      const inTime = await createDeskTicket(f.deps, { sourceIp: '10.0.0.1' });
      await settleDeskTicket(f.deps, f.principalOf('rep1'), inTime.ticketId, 'confirmed');
      f.advance(1); // the first ticket is 120 s old
      const refused = await failureOf(settleDeskTicket(f.deps, f.principalOf('rep1'), late.ticketId, 'confirmed'));
      expect(refused).toMatchObject({ code: 'CONFLICT', message: '二维码已过期，请在电脑上点击刷新' });
      expect(await failureOf(exchangeDeskTicket(f.deps, late.ticketId, { secret: late.secret }))).toMatchObject({ code: 'CONFLICT', message: '二维码已过期，请在电脑上点击刷新' });

      // a confirmed ticket not taken before its expiry is refused too
      f.advance(119);
      expect(await failureOf(exchangeDeskTicket(f.deps, inTime.ticketId, { secret: inTime.secret }))).toMatchObject({ code: 'CONFLICT', message: '二维码已过期，请在电脑上点击刷新' });
    });

    it('keeps no one on a used ticket, and lets TTL delete every ticket soon after it expired', async () => {
      const f = await fixture();
      const created = await createDeskTicket(f.deps, { sourceIp: '10.0.0.4' });
      await settleDeskTicket(f.deps, f.principalOf('rep1'), created.ticketId, 'confirmed');
      expect((await f.deps.deskTickets.getTicket(created.ticketId))?.userId).toBe(f.principalOf('rep1').userId);
      await exchangeDeskTicket(f.deps, created.ticketId, { secret: created.secret });
      const used = await f.deps.deskTickets.getTicket(created.ticketId);
      expect(used).toMatchObject({ status: 'used' });
      expect(used?.userId).toBeUndefined();
      expect(JSON.stringify(used)).not.toContain(created.secret);
      const item = await f.deps.deskTickets['table'].client.send(new GetCommand({ TableName: f.deps.deskTickets['table'].tableName, Key: { PK: `DESKTICKET#${created.ticketId}`, SK: 'TICKET' } }));
      expect(item.Item?.ttl).toBe(Math.floor(Date.parse(created.expiresAt) / 1000) + 600);
    });

    it('limits new tickets per address (20 in 10 minutes), others unaffected', async () => {
      const f = await fixture();
      for (let i = 0; i < 20; i += 1) await createDeskTicket(f.deps, { sourceIp: '10.0.0.2' });
      expect(await failureOf(createDeskTicket(f.deps, { sourceIp: '10.0.0.2' }))).toMatchObject({ code: 'RATE_LIMITED', message: '获取二维码太频繁了，请稍后再试' });
      await expect(createDeskTicket(f.deps, { sourceIp: '10.0.0.3' })).resolves.toMatchObject({ qrPayload: expect.stringMatching(/^lianxin-desk:/) });
      f.advance(600);
      await expect(createDeskTicket(f.deps, { sourceIp: '10.0.0.2' })).resolves.toBeDefined();
    });

    it('describes the browser from its User-Agent for the phone', async () => {
      const f = await fixture();
      const chrome = await createDeskTicket(f.deps, { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' });
      const view = await settleDeskTicket(f.deps, f.principalOf('admin'), chrome.ticketId, 'cancelled');
      expect(view.browser).toBe('Chrome 浏览器 · Windows 电脑');
    });
  });
});
