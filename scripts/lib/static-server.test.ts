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
    mkdirSync(join(root, 'css'));
    writeFileSync(join(root, 'css', 'app.e91680e9.css'), '.page { color: #333; }\n'.repeat(100));
    writeFileSync(join(root, 'logo.png'), Buffer.alloc(64));
    server = await serveStatic(root, 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });
  /** Brotli at its best quality is made in the background after the server starts (gzip is sent until then). */
  async function whenBrotli(path: string): Promise<Response> {
    for (let tries = 0; ; tries += 1) {
      const res = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
      if (res.headers.get('content-encoding') === 'br' || tries === 50) return res;
      expect(res.headers.get('content-encoding')).toBe('gzip');
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('caches hashed assets for a year and sends them compressed as the browser asks', async () => {
    const br = await whenBrotli('/js/app.8f3a9c1d.js');
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

    expect((await get('/css/app.e91680e9.css')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // a file whose name does not change with its content is asked for again each time
    const logo = await get('/logo.png');
    expect(logo.headers.get('cache-control')).toBe('no-cache');
    expect(logo.headers.get('content-encoding')).toBeNull();
  });

  it('asks again for index.html each time, answering 304 when it has not changed', async () => {
    const first = await get('/');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    await first.text();
    const again = await get('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await get('/', { 'if-none-match': `W/"stale", ${etag}` })).status).toBe(304); // a list, as caches send
    const changed = await get('/', { 'if-none-match': '"an-older-version"' });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('<title>连心</title>');
    // the app routes itself: an unknown path is the app too
    expect((await get('/pages/stand/index')).headers.get('etag')).toBe(etag);
    expect((await get('/index.html')).headers.get('etag')).toBe(etag);
  });

  it('answers a missing file 404, not with the app (a chunk of an older build, a favicon)', async () => {
    const gone = await get('/js/44.0a1b2c3d.js');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).not.toContain('html');
    expect((await get('/favicon.ico')).status).toBe(404);
  });

  it('survives a malformed address and refuses to leave its folder', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(403);
    expect((await get('/js/app.8f3a9c1d.js')).status).toBe(200);
  });
});
