import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpWechatLogin, LocalWechatLogin } from './code2session';
import { RateLimitedError, UnauthenticatedError, UpstreamUnavailableError } from '../../errors';

// The production adapter against a real HTTP server on 127.0.0.1 that plays WeChat's code2Session.
describe('HttpWechatLogin', () => {
  let server: Server;
  let base: string;
  let lastRequest: URL | undefined;
  let reply: (req: IncomingMessage) => { status: number; body: unknown };

  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // the adapter logs refusals; not wanted in test output
    server = createServer((req, res) => {
      lastRequest = new URL(req.url ?? '/', 'http://x');
      const { status, body } = reply(req);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const adapter = () => new HttpWechatLogin({ appId: 'wxapp', appSecret: 'shh', apiBase: base, timeoutMs: 1000 });

  it('sends appid, secret and code, and keeps session_key to itself', async () => {
    reply = () => ({ status: 200, body: { openid: 'o-123', session_key: 'SECRET-KEY', unionid: 'u-1' } });
    const identity = await adapter().code2Session('the-code');
    expect(identity).toEqual({ openid: 'o-123', unionid: 'u-1' });
    expect(lastRequest?.pathname).toBe('/sns/jscode2session');
    expect(Object.fromEntries(lastRequest!.searchParams)).toEqual({ appid: 'wxapp', secret: 'shh', js_code: 'the-code', grant_type: 'authorization_code' });
  });

  it.each([
    [40029, UnauthenticatedError],
    [40163, UnauthenticatedError],
    [45011, RateLimitedError],
    [-1, UpstreamUnavailableError],
  ])('maps errcode %p to a domain error', async (errcode, ErrorClass) => {
    reply = () => ({ status: 200, body: { errcode, errmsg: 'x' } });
    await expect(adapter().code2Session('c')).rejects.toBeInstanceOf(ErrorClass);
  });

  it('treats an HTTP failure as the service being unavailable', async () => {
    reply = () => ({ status: 502, body: {} });
    await expect(adapter().code2Session('c')).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});

describe('LocalWechatLogin', () => {
  it('gives a stable fake openid per code', async () => {
    const local = new LocalWechatLogin();
    const a = await local.code2Session('demo');
    expect(a.openid).toMatch(/^local-[0-9a-f]{24}$/);
    expect(await local.code2Session('demo')).toEqual(a);
    expect((await local.code2Session('other')).openid).not.toBe(a.openid);
  });
});
