import { deflateSync } from 'node:zlib';
import QRCode, { type BitMatrix } from 'qrcode';
import { SCENE_MAX_LENGTH } from '@shared/scene';
import { UpstreamUnavailableError } from '../../errors';
import { log } from '../../log';
import { isTokenRejection, type WechatAccessTokens } from './access-token';

/** The page a venue's QR code opens; the venue travels in the scene (`venueScene(venueId)`). */
export const STAND_PAGE = 'pages/stand/index';

/** Each venue has one permanent code; this draws it for a scene. */
export interface VenueQrCodes {
  pngFor(scene: string): Promise<Buffer>;
}

/** WeChat accepts at most 32 visible characters from this set in a scene (no `%`, no Chinese). */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

function assertScene(scene: string): void {
  if (!scene || scene.length > SCENE_MAX_LENGTH || !SCENE_CHARS.test(scene)) {
    // A programming error (scenes come from venueScene), not something a person typed.
    throw new Error('invalid QR scene: at most 32 characters of [0-9A-Za-z!#$&\'()*+,/:;=?@-._~]');
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

export function isPng(bytes: Buffer): boolean {
  return bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

function isJpeg(bytes: Buffer): boolean {
  return bytes.length > JPEG_SIGNATURE.length && bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE);
}

interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

const UNAVAILABLE = '微信小程序码服务暂时不可用，请稍后再试';

function messageFor(errcode: number): string {
  switch (errcode) {
    case 41030:
      return '生成小程序码失败：页面不存在或小程序尚未发布';
    case 45009:
      return '生成小程序码太频繁了，请稍后再试';
    case 40129:
      return '生成小程序码失败：场景值不合法';
    default:
      return UNAVAILABLE;
  }
}

class TokenRejected extends Error {}

export interface WechatVenueQrCodesSettings {
  apiBase: string;
  page?: string;
  envVersion?: 'release' | 'trial' | 'develop';
  /** Pixels, 280–1280 (WeChat's range). 430 is WeChat's default. */
  width?: number;
  timeoutMs?: number;
}

/**
 * Production: a mini-program code (小程序码) from WeChat's getUnlimitedQRCode, which is permanent and has no
 * quota on the number of codes.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 *
 * The access token comes from the container's shared `WechatAccessTokens`; one WeChat refuses is dropped and
 * the call made once more with a fresh one.
 *
 * WeChat answers with a JPEG unless `is_hyaline` is set; it is set, so the answer is a PNG (transparent
 * background: print it on white).
 */
export class WechatVenueQrCodes implements VenueQrCodes {
  constructor(
    private readonly settings: WechatVenueQrCodesSettings,
    private readonly tokens: WechatAccessTokens,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async pngFor(scene: string): Promise<Buffer> {
    assertScene(scene);
    for (let attempt = 1; ; attempt += 1) {
      const token = await this.tokens.get();
      try {
        return await this.request(scene, token);
      } catch (error) {
        if (!(error instanceof TokenRejected)) throw error;
        // Revoked or expired early (e.g. another server fetched a new one): drop it and try once more, fresh.
        this.tokens.invalidate(token);
        if (attempt >= 2) {
          log.error('getwxacodeunlimit refused a fresh access token');
          throw new UpstreamUnavailableError(UNAVAILABLE);
        }
      }
    }
  }

  private async request(scene: string, accessToken: string): Promise<Buffer> {
    const url = new URL('/wxa/getwxacodeunlimit', this.settings.apiBase);
    url.search = new URLSearchParams({ access_token: accessToken }).toString();
    let bytes: Buffer;
    let contentType: string;
    try {
      const response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scene,
          page: this.settings.page ?? STAND_PAGE,
          check_path: false,
          env_version: this.settings.envVersion ?? 'release',
          width: this.settings.width ?? 430,
          is_hyaline: true,
        }),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      contentType = response.headers.get('content-type') ?? '';
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      log.error('getwxacodeunlimit unreachable', { reason: (error as Error).message });
      throw new UpstreamUnavailableError(UNAVAILABLE);
    }
    // Success is the image itself; failure is JSON, sometimes labelled text/plain. Trust the bytes.
    if (isPng(bytes) || isJpeg(bytes)) return bytes;
    let body: WechatErrorBody = {};
    try {
      body = JSON.parse(bytes.toString('utf8')) as WechatErrorBody;
    } catch {
      log.error('getwxacodeunlimit answered neither an image nor JSON', { contentType, bytes: bytes.length });
      throw new UpstreamUnavailableError(UNAVAILABLE);
    }
    if (isTokenRejection(body.errcode)) throw new TokenRejected();
    log.error('getwxacodeunlimit refused', { errno: body.errcode, errmsg: body.errmsg });
    throw new UpstreamUnavailableError(messageFor(body.errcode ?? 0));
  }
}

/**
 * Local stage: no WeChat. A plain QR code (error correction M, 2-module quiet zone, about 600 px) of the H5
 * build's stand page with the same scene, so a phone on the same network, or the browser tests, can follow it.
 *
 * The `qrcode` package computes the matrix; the PNG is written here, 8-bit greyscale with a whole number of
 * pixels per module: crisper than qrcode's own PNG (fractional module widths, RGBA), which pdfkit would have
 * to split into colour and alpha, and about 20 times faster (qrcode's pngjs encoder takes ~3 s under jest).
 */
export class LocalVenueQrCodes implements VenueQrCodes {
  constructor(private readonly settings: { h5Base: string; page?: string; width?: number }) {}

  urlFor(scene: string): string {
    assertScene(scene);
    const base = this.settings.h5Base.replace(/\/+$/, '');
    return `${base}/#/${this.settings.page ?? STAND_PAGE}?scene=${encodeURIComponent(scene)}`;
  }

  async pngFor(scene: string): Promise<Buffer> {
    const { modules } = QRCode.create(this.urlFor(scene), { errorCorrectionLevel: 'M' });
    return qrPng(modules, { margin: LOCAL_QR_MARGIN, width: this.settings.width ?? 600 });
  }
}

export const LOCAL_QR_MARGIN = 2;

/** A QR matrix as an 8-bit greyscale PNG, `margin` light modules around it, at most `width` pixels wide. */
function qrPng(modules: BitMatrix, { margin, width }: { margin: number; width: number }): Buffer {
  const count = modules.size + 2 * margin;
  const scale = Math.max(1, Math.floor(width / count));
  const side = count * scale;
  const rowBytes = side + 1; // each scanline starts with its filter type (0: none)
  const raw = Buffer.alloc(side * rowBytes, 0xff);
  for (let y = 0; y < side; y += 1) {
    raw[y * rowBytes] = 0;
    const row = Math.floor(y / scale) - margin;
    if (row < 0 || row >= modules.size) continue;
    for (let col = 0; col < modules.size; col += 1) {
      if (!modules.get(row, col)) continue;
      const start = y * rowBytes + 1 + (col + margin) * scale;
      raw.fill(0, start, start + scale);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, no filter method, no interlace
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
