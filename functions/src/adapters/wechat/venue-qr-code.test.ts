import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { venueScene } from '@shared/scene';
import { UpstreamUnavailableError } from '../../errors';
import { WechatAccessTokens } from './access-token';
import { LOCAL_QR_MARGIN, LocalVenueQrCodes, STAND_PAGE, WechatVenueQrCodes, isPng } from './venue-qr-code';

const VENUE_ID = '01JD5Z3Q8VKXW4H2N6R9T0B7CM';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A real HTTP server on 127.0.0.1 playing WeChat's access-token and getwxacodeunlimit endpoints. */
class FakeWechat {
  server!: Server;
  base = '';
  tokenRequests: unknown[] = [];
  codeRequests: { url: URL; body: Record<string, unknown> }[] = [];
  issued = 0;
  /** Tokens the fake treats as expired (42001) although it issued them. */
  expired = new Set<string>();
  /** Overrides the answer of getwxacodeunlimit. */
  codeReply?: () => { status: number; type: string; body: string | Buffer };
  tokenReply?: () => { status: number; body: unknown };

  async start() {
    this.server = createServer((req, res) => void this.handle(req).then(({ status, type, body }) => res.writeHead(status, { 'content-type': type }).end(body)));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }

  reset() {
    this.tokenRequests = [];
    this.codeRequests = [];
    this.expired.clear();
    this.codeReply = undefined;
    this.tokenReply = undefined;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; type: string; body: string | Buffer }> {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = (status: number, body: unknown) => ({ status, type: 'application/json; encoding=utf-8', body: JSON.stringify(body) });
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      this.tokenRequests.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (this.tokenReply) {
        const { status, body } = this.tokenReply();
        return json(status, body);
      }
      this.issued += 1;
      return json(200, { access_token: `TOKEN-${this.issued}`, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/wxa/getwxacodeunlimit') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      this.codeRequests.push({ url, body });
      if (this.codeReply) return this.codeReply();
      const token = url.searchParams.get('access_token') ?? '';
      if (!token.startsWith('TOKEN-')) return json(200, { errcode: 40001, errmsg: 'invalid credential' });
      if (this.expired.has(token)) return json(200, { errcode: 42001, errmsg: 'access_token expired' });
      // Any PNG will do: the signature, then the scene so the test can tell codes apart.
      return { status: 200, type: 'image/png', body: Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.from(String(body.scene))]) };
    }
    return json(404, {});
  }
}

describe('WechatVenueQrCodes', () => {
  const wechat = new FakeWechat();
  let clock = 1_700_000_000_000;

  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // refusals are logged; not wanted in test output
    await wechat.start();
  });
  afterAll(() => wechat.stop());
  beforeEach(() => wechat.reset());

  const tokens = () => new WechatAccessTokens({ appId: 'wxapp', appSecret: 'shh', apiBase: wechat.base, timeoutMs: 2000 }, fetch, () => clock);
  const adapter = (extra: Partial<ConstructorParameters<typeof WechatVenueQrCodes>[0]> = {}) =>
    new WechatVenueQrCodes({ apiBase: wechat.base, timeoutMs: 2000, ...extra }, tokens());

  it('fetches one access token for several codes and asks for the stand page with the scene', async () => {
    const codes = adapter();
    const scene = venueScene(VENUE_ID);
    // Two at once (sharing the one token request in flight), then one more from the cache.
    const [a, b] = await Promise.all([codes.pngFor(scene), codes.pngFor('v=01JD5Z3Q8VKXW4H2N6R9T0B7CN')]);
    const c = await codes.pngFor(scene);

    expect(wechat.tokenRequests).toHaveLength(1);
    expect(wechat.tokenRequests[0]).toEqual({ grant_type: 'client_credential', appid: 'wxapp', secret: 'shh', force_refresh: false });
    expect(wechat.codeRequests).toHaveLength(3);
    expect(new Set(wechat.codeRequests.map((r) => r.url.searchParams.get('access_token'))).size).toBe(1);
    expect(wechat.codeRequests[0].body).toEqual({
      scene,
      page: STAND_PAGE,
      check_path: false,
      env_version: 'release',
      width: 430,
      is_hyaline: true,
    });
    expect(isPng(a) && isPng(b) && isPng(c)).toBe(true);
    expect(a.subarray(8).toString()).toBe(scene);
    expect(b.subarray(8).toString()).toBe('v=01JD5Z3Q8VKXW4H2N6R9T0B7CN');
  });

  it('takes the page and the version from its settings', async () => {
    await adapter({ page: 'pages/other/index', envVersion: 'trial' }).pngFor('v=1');
    expect(wechat.codeRequests[0].body).toMatchObject({ page: 'pages/other/index', env_version: 'trial' });
  });

  it('keeps the token until a minute before it expires', async () => {
    const codes = adapter();
    await codes.pngFor('v=1');
    clock += (7200 - 61) * 1000;
    await codes.pngFor('v=1');
    expect(wechat.tokenRequests).toHaveLength(1);
    clock += 2000; // now inside the last minute
    await codes.pngFor('v=1');
    expect(wechat.tokenRequests).toHaveLength(2);
    const tokens = wechat.codeRequests.map((r) => r.url.searchParams.get('access_token'));
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).not.toBe(tokens[1]);
  });

  it('drops a token WeChat calls expired (42001) and retries once with a fresh one', async () => {
    const codes = adapter();
    await codes.pngFor('v=1');
    const first = wechat.codeRequests[0].url.searchParams.get('access_token')!;
    wechat.expired.add(first); // e.g. the app secret was reset, or a force refresh retired it

    const png = await codes.pngFor('v=2');
    expect(png.subarray(8).toString()).toBe('v=2');
    expect(wechat.tokenRequests).toHaveLength(2);
    const used = wechat.codeRequests.map((r) => r.url.searchParams.get('access_token'));
    expect(used).toEqual([first, first, expect.not.stringMatching(new RegExp(`^${first}$`))]);

    await codes.pngFor('v=3'); // the fresh token is cached in turn
    expect(wechat.tokenRequests).toHaveLength(2);
  });

  it('retries only once when WeChat keeps refusing the token (40001)', async () => {
    wechat.codeReply = () => ({ status: 200, type: 'application/json', body: JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }) });
    await expect(adapter().pngFor('v=1')).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(wechat.tokenRequests).toHaveLength(2);
    expect(wechat.codeRequests).toHaveLength(2);
  });

  it.each([
    [41030, '页面不存在'],
    [45009, '太频繁'],
    [-1, '暂时不可用'],
  ])('maps errcode %p to UpstreamUnavailableError with a Chinese message', async (errcode, words) => {
    // WeChat has been seen to label its JSON errors text/plain: the adapter reads the bytes, not the label.
    wechat.codeReply = () => ({ status: 200, type: 'text/plain', body: JSON.stringify({ errcode, errmsg: 'x' }) });
    const failure = adapter().pngFor('v=1');
    await expect(failure).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(failure).rejects.toThrow(words);
    expect(wechat.codeRequests).toHaveLength(1);
  });

  it('treats an HTTP failure, or an answer that is neither image nor JSON, as unavailable', async () => {
    wechat.codeReply = () => ({ status: 502, type: 'text/html', body: '<html>bad gateway</html>' });
    await expect(adapter().pngFor('v=1')).rejects.toBeInstanceOf(UpstreamUnavailableError);
    wechat.codeReply = () => ({ status: 200, type: 'image/png', body: 'not an image' });
    await expect(adapter().pngFor('v=1')).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('reports a refused token request with a message for the administrator, and does not cache the failure', async () => {
    wechat.tokenReply = () => ({ status: 200, body: { errcode: 40125, errmsg: 'invalid appsecret' } });
    const codes = adapter();
    await expect(codes.pngFor('v=1')).rejects.toThrow('凭证配置有误');
    expect(wechat.codeRequests).toHaveLength(0);
    wechat.tokenReply = undefined;
    await expect(codes.pngFor('v=1')).resolves.toBeInstanceOf(Buffer);
    expect(wechat.tokenRequests).toHaveLength(2);
  });

  it('treats an unreachable WeChat as unavailable', async () => {
    const nowhere = { apiBase: 'http://127.0.0.1:9', timeoutMs: 1000 };
    const codes = new WechatVenueQrCodes(nowhere, new WechatAccessTokens({ appId: 'a', appSecret: 's', ...nowhere }));
    await expect(codes.pngFor('v=1')).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('refuses a scene WeChat would refuse, before calling it', async () => {
    const codes = adapter();
    await expect(codes.pngFor('v=' + 'A'.repeat(31))).rejects.toThrow('invalid QR scene');
    await expect(codes.pngFor('v=%41')).rejects.toThrow('invalid QR scene');
    await expect(codes.pngFor('')).rejects.toThrow('invalid QR scene');
    expect(wechat.tokenRequests).toHaveLength(0);
  });
});

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** Just enough of a PNG decoder for 8-bit greyscale/RGB/RGBA images without interlacing. */
function decodePng(png: Buffer): { width: number; height: number; channels: number; pixels: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8); // bit depth
      expect(data[12]).toBe(0); // not interlaced
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]];
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

describe('LocalVenueQrCodes', () => {
  const local = new LocalVenueQrCodes({ h5Base: 'http://127.0.0.1:10086/' });
  const scene = venueScene(VENUE_ID);

  it('points at the H5 stand page with the scene in the query', () => {
    expect(local.urlFor(scene)).toBe(`http://127.0.0.1:10086/#/pages/stand/index?scene=v%3D${VENUE_ID}`);
  });

  it('draws a PNG of about 600 px whose modules are exactly the QR code of that URL (level M, 2-module quiet zone)', async () => {
    const png = await local.pngFor(scene);
    const { width, height, channels, pixels } = decodePng(png);
    const expected = QRCode.create(local.urlFor(scene), { errorCorrectionLevel: 'M' });
    const size = expected.modules.size;
    expect(size).toBe(4 * expected.version + 17);
    const count = size + 2 * LOCAL_QR_MARGIN;
    const scale = width / count;
    expect(height).toBe(width);
    expect(Number.isInteger(scale)).toBe(true); // whole pixels per module: crisp when printed
    expect(width).toBeLessThanOrEqual(600);
    expect(width).toBeGreaterThan(600 - count);

    let mismatches = 0;
    for (let y = 0; y < width; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const row = Math.floor(y / scale) - LOCAL_QR_MARGIN;
        const col = Math.floor(x / scale) - LOCAL_QR_MARGIN;
        const want = row >= 0 && col >= 0 && row < size && col < size && expected.modules.get(row, col) === 1;
        const value = pixels[(y * width + x) * channels];
        if (value !== (want ? 0 : 255)) mismatches += 1;
      }
    }
    expect(mismatches).toBe(0);
  });

  it('gives different codes for different venues', async () => {
    const a = await local.pngFor(scene);
    const b = await local.pngFor('v=01JD5Z3Q8VKXW4H2N6R9T0B7CN');
    expect(a.equals(b)).toBe(false);
  });
});
