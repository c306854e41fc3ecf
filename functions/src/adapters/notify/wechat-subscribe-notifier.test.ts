import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WechatAccessTokens } from '../wechat/access-token';
import type { Notice, NoticeTemplates } from './notifier';
import { WechatSubscribeNotifier } from './wechat-subscribe-notifier';

const OPENID = 'oR3sIdEnT-openid-0001';
const PHONE = '13912345678';

/** A real HTTP server on 127.0.0.1 playing WeChat's access-token and subscribe/send endpoints. */
class FakeWechat {
  server!: Server;
  base = '';
  tokenRequests = 0;
  sends: { token: string; body: Record<string, unknown> }[] = [];
  issued = 0;
  /** Tokens the fake treats as expired (42001) although it issued them. */
  expired = new Set<string>();
  sendReply?: (token: string) => { status: number; body: unknown };
  tokenReply?: () => { status: number; body: unknown };

  async start() {
    this.server = createServer((req, res) => void this.handle(req).then(({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }

  reset() {
    this.tokenRequests = 0;
    this.sends = [];
    this.expired.clear();
    this.sendReply = undefined;
    this.tokenReply = undefined;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      this.tokenRequests += 1;
      if (this.tokenReply) return this.tokenReply();
      this.issued += 1;
      return { status: 200, body: { access_token: `TOKEN-${this.issued}`, expires_in: 7200 } };
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const token = url.searchParams.get('access_token') ?? '';
      this.sends.push({ token, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      if (this.sendReply) return this.sendReply(token);
      if (!token.startsWith('TOKEN-')) return { status: 200, body: { errcode: 40001, errmsg: 'invalid credential' } };
      if (this.expired.has(token)) return { status: 200, body: { errcode: 42001, errmsg: 'access_token expired' } };
      return { status: 200, body: { errcode: 0, errmsg: 'ok', msgid: 3_089_478_621_000 } };
    }
    return { status: 404, body: {} };
  }
}

const TEMPLATES: NoticeTemplates = {
  booking_reminder: { id: 'TPL-REMIND', fields: { service: 'thing1', time: 'time2', place: 'thing3', code: 'character_string4' } },
  stand_cancelled: { id: 'TPL-CANCEL', fields: { place: 'thing1', reason: 'thing2' } },
};

const reminder: Notice = {
  userId: 'U-resident',
  kind: 'booking_reminder',
  page: 'pages/ticket/index?id=01JD5Z3Q8VKXW4H2N6R9T0B7CM',
  data: { service: '量血压', time: '2025年03月06日 08:00', place: '东关集市', code: 'K7Q2' },
};

describe('WechatSubscribeNotifier', () => {
  const wechat = new FakeWechat();
  const logged: string[] = [];
  let openids: Record<string, string | undefined>;

  beforeAll(async () => {
    for (const level of ['log', 'info', 'warn', 'error'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    await wechat.start();
  });
  afterAll(() => wechat.stop());
  beforeEach(() => {
    wechat.reset();
    logged.length = 0;
    openids = { 'U-resident': OPENID };
  });
  // Whatever happened in a test, nothing that identifies the resident or opens WeChat reached the logs.
  afterEach(() => {
    const all = logged.join('\n');
    expect(all).not.toContain(OPENID);
    expect(all).not.toContain(PHONE);
    expect(all).not.toMatch(/TOKEN-\d/);
    expect(all).not.toContain('the-app-secret');
  });

  const tokensFor = (apiBase = wechat.base) => new WechatAccessTokens({ appId: 'wxapp', appSecret: 'the-app-secret', apiBase, timeoutMs: 1000 });
  const notifier = (settings: Partial<ConstructorParameters<typeof WechatSubscribeNotifier>[0]> = {}, tokens = tokensFor()) =>
    new WechatSubscribeNotifier({ apiBase: wechat.base, templates: TEMPLATES, timeoutMs: 1000, ...settings }, { tokens, openidOf: async (userId) => openids[userId] });

  it("sends the notice in the template's keys to the resident's openid, with the page to open", async () => {
    expect(await notifier().send(reminder)).toBe('sent');
    expect(wechat.sends).toHaveLength(1);
    expect(wechat.sends[0].token).toBe(`TOKEN-${wechat.issued}`);
    expect(wechat.sends[0].body).toEqual({
      touser: OPENID,
      template_id: 'TPL-REMIND',
      page: 'pages/ticket/index?id=01JD5Z3Q8VKXW4H2N6R9T0B7CM',
      data: {
        thing1: { value: '量血压' },
        time2: { value: '2025年03月06日 08:00' },
        thing3: { value: '东关集市' },
        character_string4: { value: 'K7Q2' },
      },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  });

  it('sends only the mapped fields, and opens the version of the mini-program it is told to', async () => {
    const notice: Notice = { ...reminder, data: { ...reminder.data, phone: PHONE, note: '不在模板里' } };
    expect(await notifier({ miniprogramState: 'trial' }).send(notice)).toBe('sent');
    const body = wechat.sends[0].body;
    expect(body.miniprogram_state).toBe('trial');
    expect(Object.keys(body.data as object).sort()).toEqual(['character_string4', 'thing1', 'thing3', 'time2']);
    expect(JSON.stringify(body)).not.toContain(PHONE);
  });

  it('cuts thing values to 20 characters (as WeChat counts them) and leaves other types alone', async () => {
    const long = '东关村党群服务中心门口的大槐树下面靠近小卖部'; // 22 characters
    const rare = '𠮷'.repeat(25); // outside the BMP: two UTF-16 units each, one character to WeChat
    const notice: Notice = { ...reminder, data: { ...reminder.data, service: long, place: rare, code: 'X'.repeat(25) } };
    expect(await notifier().send(notice)).toBe('sent');
    const data = wechat.sends[0].body.data as Record<string, { value: string }>;
    expect(data.thing1.value).toBe(`${Array.from(long).slice(0, 19).join('')}…`);
    expect(Array.from(data.thing1.value)).toHaveLength(20);
    expect(Array.from(data.thing3.value)).toHaveLength(20);
    expect(data.thing3.value.startsWith('𠮷'.repeat(19))).toBe(true);
    expect(data.character_string4.value).toBe('X'.repeat(25));
  });

  it('skips a kind without a template, and a resident without an openid, without calling WeChat', async () => {
    expect(await notifier().send({ ...reminder, kind: 'rate_request' })).toBe('skipped');
    openids = {};
    expect(await notifier().send(reminder)).toBe('skipped');
    expect(wechat.tokenRequests).toBe(0);
    expect(wechat.sends).toHaveLength(0);
  });

  it('skips a resident who has not subscribed, or used their one message (43101), and logs nothing', async () => {
    wechat.sendReply = () => ({ status: 200, body: { errcode: 43101, errmsg: 'user refuse to accept the msg rid: 64229bc2' } });
    expect(await notifier().send(reminder)).toBe('skipped');
    expect(wechat.sends).toHaveLength(1);
    expect(logged).toEqual([]);
  });

  it('drops a token WeChat calls expired (42001), retries once with a fresh one, and keeps that one', async () => {
    const tokens = tokensFor();
    const notices = notifier({}, tokens);
    expect(await notices.send(reminder)).toBe('sent');
    const first = wechat.sends[0].token;
    wechat.expired.add(first); // e.g. the app secret was reset, or a force refresh retired it

    expect(await notices.send(reminder)).toBe('sent');
    expect(wechat.sends.map((s) => s.token)).toEqual([first, first, expect.not.stringMatching(new RegExp(`^${first}$`))]);
    expect(await notices.send(reminder)).toBe('sent');
    expect(wechat.tokenRequests).toBe(2);
  });

  it('shares the token with the other WeChat adapters of the container', async () => {
    const tokens = tokensFor();
    const shared = await tokens.get();
    expect(await notifier({}, tokens).send(reminder)).toBe('sent');
    expect(wechat.sends[0].token).toBe(shared);
    expect(wechat.tokenRequests).toBe(1);
  });

  it('fails, after one retry, when WeChat keeps refusing fresh tokens (40001)', async () => {
    wechat.sendReply = () => ({ status: 200, body: { errcode: 40001, errmsg: 'invalid credential' } });
    expect(await notifier().send(reminder)).toBe('failed');
    expect(wechat.tokenRequests).toBe(2);
    expect(wechat.sends).toHaveLength(2);
    expect(logged.join('\n')).toContain('refused a fresh access token');
  });

  it.each([
    [40003, 'invalid openid', 'rejected'],
    [40037, 'invalid template_id', 'rejected'],
    [47003, 'argument invalid! data.thing1.value invalid', 'rejected'],
    [41030, 'invalid page', 'rejected'],
    [-1, 'system error', 'failed'],
    [45009, 'reach max api daily quota limit', 'failed'],
  ])('reports errcode %p as %p (for good, or to be retried) and logs it, without the openid even when WeChat echoes it', async (errcode, errmsg, outcome) => {
    wechat.sendReply = (token) => ({ status: 200, body: { errcode, errmsg: `${errmsg} ${OPENID} ${token} rid: 6f1e2a` } });
    expect(await notifier().send(reminder)).toBe(outcome);
    expect(wechat.sends).toHaveLength(1);
    const line = logged.find((l) => l.includes('subscribe/send refused'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 'ERROR', kind: 'booking_reminder', errno: errcode, errmsg: expect.stringContaining('rid: 6f1e2a') });
  });

  it('rejects, for good and without calling WeChat, a notice that lacks a field its template needs', async () => {
    const { time: _time, ...data } = reminder.data;
    expect(await notifier().send({ ...reminder, data: { ...data, place: '  ' } })).toBe('rejected');
    expect(wechat.sends).toHaveLength(0);
    expect(JSON.parse(logged.find((l) => l.includes('lacks template fields'))!)).toMatchObject({ missing: ['time', 'place'] });
  });

  it('never throws: HTTP errors, an unreachable WeChat, a refused token request and a failing lookup are all "failed"', async () => {
    wechat.sendReply = () => ({ status: 502, body: {} });
    await expect(notifier().send(reminder)).resolves.toBe('failed');
    wechat.sendReply = undefined;

    const nowhere = new WechatSubscribeNotifier({ apiBase: 'http://127.0.0.1:9', templates: TEMPLATES, timeoutMs: 500 }, { tokens: tokensFor('http://127.0.0.1:9'), openidOf: async () => OPENID });
    await expect(nowhere.send(reminder)).resolves.toBe('failed');

    wechat.tokenReply = () => ({ status: 200, body: { errcode: 40164, errmsg: 'invalid ip, not in whitelist' } });
    await expect(notifier().send(reminder)).resolves.toBe('failed');
    wechat.tokenReply = undefined;

    const broken = new WechatSubscribeNotifier(
      { apiBase: wechat.base, templates: TEMPLATES },
      {
        tokens: tokensFor(),
        openidOf: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
      },
    );
    await expect(broken.send(reminder)).resolves.toBe('failed');
    expect(wechat.sends).toHaveLength(1); // only the 502
    expect(logged.filter((l) => /"level": ?"ERROR"/.test(l)).length).toBeGreaterThanOrEqual(4);
  });
});
