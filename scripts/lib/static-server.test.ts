import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from './static-server';

// The local H5 server: what a phone on a weak market signal gets (compression, caching, validators).
describe('the H5 static server', () => {
  let root: string;
  let server: Server;
  let base: string;
  const script = 'console.log("连心");\n'.repeat(200);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'lianxin-static-'));
    mkdirSync(join(root, 'js'));
    writeFileSync(join(root, 'index.html'), `<!doctype html><title>连心</title>${'<!-- -->'.repeat(100)}<script src="/js/app.8f3a9c1d.js"></script>`);
    writeFileSync(join(root, 'js', 'app.8f3a9c1d.js'), script);
    server = await serveStatic(root, 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });

  it('caches hashed assets for a year and sends them compressed as the browser asks', async () => {
    const br = await get('/js/app.8f3a9c1d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-encoding')).toBe('br');
    // fetch decodes the body itself; the bytes on the wire are the content-length
    expect(Number(br.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(await br.text()).toBe(script);
    const gz = await get('/js/app.8f3a9c1d.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gz.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(await gz.text()).toBe(script);
    const plain = await get('/js/app.8f3a9c1d.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('asks again for index.html each time, answering 304 when it has not changed', async () => {
    const first = await get('/');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    await first.text();
    const again = await get('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    // the app routes itself: an unknown path is the app too
    expect((await get('/pages/stand/index')).headers.get('etag')).toBe(etag);
  });

  it('survives a malformed address and refuses to leave its folder', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(403);
    expect((await get('/js/app.8f3a9c1d.js')).status).toBe(200);
  });
});
