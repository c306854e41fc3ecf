import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WechatAccessTokens } from './wechat/access-token';
import { WechatContentCheck, WordListContentCheck } from './content-check';

describe('WordListContentCheck (local stage)', () => {
  const check = new WordListContentCheck({ risky: ['赌博'], review: ['书记'] });
  it('refuses risky words, holds review words, passes the rest, ignoring spaces', async () => {
    expect(await check.check('有人组织 赌 博')).toBe('risky');
    expect(await check.check('想找书记反映情况')).toBe('review');
    expect(await check.check('路灯坏了')).toBe('pass');
  });
});

// Against a real HTTP server on 127.0.0.1 playing WeChat's token and msg_sec_check endpoints.
describe('WechatContentCheck', () => {
  let server: Server;
  let base = '';
  let checks: { url: URL; body: Record<string, unknown> }[] = [];
  let answer: () => unknown = () => ({ errcode: 0, result: { suggest: 'pass' } });
  let token = 0;

  beforeAll(async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    server = createServer(async (req: IncomingMessage, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
        for await (const _ of req) void _;
        token += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: `T${token}`, expires_in: 7200 }));
        return;
      }
      let raw = '';
      for await (const chunk of req) raw += chunk;
      checks.push({ url, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer()));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    checks = [];
  });

  const adapter = () => new WechatContentCheck({ apiBase: base, timeoutMs: 2000 }, new WechatAccessTokens({ appId: 'wx', appSecret: 's', apiBase: base }));

  it('asks msgSecCheck v2 with the openid and maps its suggestion', async () => {
    for (const [suggest, verdict] of [['pass', 'pass'], ['review', 'review'], ['risky', 'risky']] as const) {
      answer = () => ({ errcode: 0, result: { suggest } });
      expect(await adapter().check('路灯坏了', { openid: 'o-1' })).toBe(verdict);
    }
    expect(checks[0].url.pathname).toBe('/wxa/msg_sec_check');
    expect(checks[0].body).toEqual({ content: '路灯坏了', version: 2, scene: 2, openid: 'o-1' });
  });

  it('holds the text for review, never refusing or publishing it, when WeChat cannot say', async () => {
    answer = () => ({ errcode: -1, errmsg: 'system busy' });
    expect(await adapter().check('路灯坏了', { openid: 'o-1' })).toBe('review');
    expect(await adapter().check('路灯坏了', {})).toBe('review'); // no openid: v2 cannot check
  });

  it('retries once with a fresh token when the token was rejected', async () => {
    let calls = 0;
    answer = () => (++calls === 1 ? { errcode: 40001, errmsg: 'invalid credential' } : { errcode: 0, result: { suggest: 'pass' } });
    expect(await adapter().check('路灯坏了', { openid: 'o-1' })).toBe('pass');
    expect(checks).toHaveLength(2);
  });
});
