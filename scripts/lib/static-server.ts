import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map']);
/** `app.8f3a9c1d.js`, `vendors.402454a7.js`, `287.17b8f095.css`: the name changes when the content does. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/;
/** The app's own address (`/`, `/index.html`, a path the browser router made up): answered with index.html. */
const APP_ROUTE = /(^|\/)[^./]*$|\/index\.html$/;

const brotli = promisify(brotliCompress);

interface Prepared {
  type: string;
  etag: string;
  cacheControl: string;
  identity: Buffer;
  gzip?: Buffer;
  /** Brotli at its best quality takes a second or two for the vendors chunk: made off the event loop, gzip until then. */
  br?: Buffer;
}

type Cache = Map<string, { stamp: string; prepared: Prepared }>;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * A file as served: its ETag, its cache rule, and its compressed forms, made once per file version (mtime + size).
 * Hashed assets are cached by the browser for a year without asking again; index.html is asked for every time and
 * answered 304 when unchanged — so a return visit at the market on a weak signal downloads almost nothing.
 */
function prepare(cache: Cache, file: string): Prepared {
  const stat = statSync(file);
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const cached = cache.get(file);
  if (cached && cached.stamp === stamp) return cached.prepared;
  const identity = readFileSync(file);
  const ext = extname(file);
  const compress = COMPRESSIBLE.has(ext) && identity.length > 512;
  const prepared: Prepared = {
    type: TYPES[ext] ?? 'application/octet-stream',
    etag: `"${createHash('sha1').update(identity).digest('base64url')}"`,
    cacheControl: HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    identity,
    ...(compress ? { gzip: gzipSync(identity, { level: 9 }) } : {}),
  };
  cache.set(file, { stamp, prepared });
  if (compress) {
    brotli(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } }).then(
      (br) => {
        prepared.br = br;
      },
      () => undefined, // gzip serves
    );
  }
  return prepared;
}

/** `If-None-Match: "a", W/"b"` (a list, weak or not) or `*`: does it name this version? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function send(req: IncomingMessage, res: ServerResponse, p: Prepared): void {
  const headers: Record<string, string> = { 'content-type': p.type, 'cache-control': p.cacheControl, etag: p.etag, vary: 'accept-encoding' };
  if (matches(req.headers['if-none-match'], p.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const [encoding, body] = p.br && /\bbr\b/.test(accepts) ? ['br', p.br] : p.gzip && /\bgzip\b/.test(accepts) ? ['gzip', p.gzip] : [undefined, p.identity];
  res.writeHead(200, { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Every file below `dir`. */
function* filesBelow(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Serves the H5 build from `root` on 127.0.0.1. The app's own addresses get index.html (the app routes itself); a
 * missing file (`/js/44.0a1b2c3d.js` from an older build, `/favicon.ico`) is 404, never index.html passed off as it.
 * Once listening, every file is prepared (ETag, gzip, brotli) in the background, so the first visitor does not wait.
 */
export function serveStatic(root: string, port: number): Promise<Server> {
  const cache: Cache = new Map();
  const server = createServer((req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) {
        res.writeHead(403).end();
        return;
      }
      if (!isFile(file)) {
        if (!APP_ROUTE.test(path)) {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end('没有这个文件');
          return;
        }
        file = join(root, 'index.html');
      }
      if (!isFile(file)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('还没有 H5 构建：请运行 npm run build:h5，或不带 --no-build 重新 npm start');
        return;
      }
      send(req, res, prepare(cache, file));
    } catch {
      // a malformed address (`%E0%A4%A`) or a file that vanished mid-request: never take the server down
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('请求的地址不正确');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      setImmediate(() => {
        try {
          for (const file of filesBelow(root)) prepare(cache, file);
        } catch {
          // no build yet, or a file gone: requests prepare what they need
        }
      });
      resolve(server);
    });
  });
}
