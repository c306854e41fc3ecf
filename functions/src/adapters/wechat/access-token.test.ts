import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamUnavailableError } from '../../errors';
import { WechatAccessTokens, isTokenRejection } from './access-token';

// Against a real HTTP server on 127.0.0.1 playing WeChat's cgi-bin/stable_token.
describe('WechatAccessTokens', () => {
  let server: Server;
  let base = '';
  let requests: { method?: string; url: URL; body: unknown }[] = [];
  let issued = 0;
  let reply: (() => { status: number; body: unknown }) | undefined;
  let clock = 1_700_000_000_000;
  const logged: string[] = [];

  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation((line: string) => void logged.push(line));
    server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      let raw = '';
      for await (const chunk of req) raw += chunk;
      requests.push({ method: req.method, url, body: raw ? JSON.parse(raw) : undefined });
      issued += 1;
      const { status, body } = reply?.() ?? { status: 200, body: { access_token: `TOKEN-${issued}`, expires_in: 7200 } };
      // A little latency, so that concurrent callers really overlap.
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)), 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    requests = [];
    reply = undefined;
    logged.length = 0;
  });

  const tokens = () => new WechatAccessTokens({ appId: 'wxapp', appSecret: 'the-app-secret', apiBase: base, timeoutMs: 2000 }, fetch, () => clock);

  it('asks with the app credentials, and concurrent callers share the one request', async () => {
    const shared = tokens();
    const got = await Promise.all([shared.get(), shared.get(), shared.get()]);
    expect(requests).toHaveLength(1);
    // the stable token in its normal mode: every container gets the same token, nobody's is retired
    expect(requests[0].method).toBe('POST');
    expect(requests[0].url.pathname).toBe('/cgi-bin/stable_token');
    expect(requests[0].url.search).toBe('');
    expect(requests[0].body).toEqual({ grant_type: 'client_credential', appid: 'wxapp', secret: 'the-app-secret', force_refresh: false });
    expect(new Set(got).size).toBe(1);
    expect(await shared.get()).toBe(got[0]);
    expect(requests).toHaveLength(1);
  });

  it('keeps the token until a minute before WeChat says it expires', async () => {
    reply = () => ({ status: 200, body: { access_token: `TOKEN-${issued}`, expires_in: 3600 } });
    const shared = tokens();
    const first = await shared.get();
    clock += (3600 - 61) * 1000;
    expect(await shared.get()).toBe(first);
    clock += 2000;
    expect(await shared.get()).not.toBe(first);
    expect(requests).toHaveLength(2);
  });

  it('drops only the token it is told was refused', async () => {
    const shared = tokens();
    const first = await shared.get();
    shared.invalidate('TOKEN-something-older'); // a caller that held an older token: the current one stays
    expect(await shared.get()).toBe(first);
    shared.invalidate(first);
    const second = await shared.get();
    expect(second).not.toBe(first);
    shared.invalidate(first); // a late second caller with the same refused token does not drop the fresh one
    expect(await shared.get()).toBe(second);
    expect(requests).toHaveLength(2);
  });

  it('tells the administrator about wrong credentials, does not cache a failure, and logs no secret', async () => {
    reply = () => ({ status: 200, body: { errcode: 40125, errmsg: 'invalid appsecret' } });
    const shared = tokens();
    const failure = shared.get();
    await expect(failure).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(failure).rejects.toThrow('凭证配置有误');
    reply = () => ({ status: 200, body: { errcode: -1, errmsg: 'system busy' } });
    await expect(shared.get()).rejects.toThrow('暂时不可用');
    reply = undefined;
    await expect(shared.get()).resolves.toMatch(/^TOKEN-/);
    expect(requests).toHaveLength(3);
    expect(logged.some((line) => line.includes('40125'))).toBe(true);
    expect(logged.join('\n')).not.toContain('the-app-secret');
  });

  it('treats an HTTP failure or an unreachable server as unavailable', async () => {
    reply = () => ({ status: 502, body: {} });
    await expect(tokens().get()).rejects.toBeInstanceOf(UpstreamUnavailableError);
    const nowhere = new WechatAccessTokens({ appId: 'a', appSecret: 's', apiBase: 'http://127.0.0.1:9', timeoutMs: 1000 });
    await expect(nowhere.get()).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('knows which answers mean the token was refused', () => {
    expect([40001, 40014, 42001].every(isTokenRejection)).toBe(true);
    expect([undefined, 0, -1, 43101, 40125].some(isTokenRejection)).toBe(false);
  });
});
