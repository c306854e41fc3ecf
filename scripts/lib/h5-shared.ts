import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { ROOT } from './table';

/**
 * One H5 build shared by every browser journey (and every test run of this machine while miniprogram/ is unchanged).
 *
 * The H5 app has its API's address built in (TARO_APP_API_BASE), and every journey's API listens on a port of its
 * own, so each journey used to run its own Taro build (35 s on an idle 2-core machine, more under load). Now the app
 * is built once with a placeholder address that occurs nowhere else (`.invalid` never resolves, so a missed
 * occurrence fails a journey instead of reaching a stranger), kept in a folder named after a hash of everything the
 * build reads, and each stack serves a copy of it with the placeholder replaced by its own API's address — the same
 * text Taro would have written for that address (compared with a build for that address: the same 112 files and bytes,
 * one minifier-chosen variable name in app.js aside;
 * scripts/lib/h5-shared.test.ts checks the copy, the journeys the app against the real API).
 */
export const H5_PLACEHOLDER_API_BASE = 'http://lianxin-api-base.invalid';

const CACHE_ROOT = join(tmpdir(), 'lianxin-h5-builds');
/** Text files of the build (where the address can be); everything else is copied as it is. */
const TEXT = new Set(['.html', '.js', '.css', '.json', '.map', '.svg', '.txt']);
/** What the H5 build reads besides node_modules (covered by the lockfile). */
const INPUTS = ['miniprogram/src', 'miniprogram/config', 'miniprogram/types', 'miniprogram/babel.config.js', 'miniprogram/project.config.json', 'miniprogram/tsconfig.json', 'miniprogram/.env.production', 'shared/src', 'package.json', 'package-lock.json'];

function filesUnder(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) filesUnder(join(path, name), out);
  } else out.push(path);
}

/** A hash of the build's inputs (paths and contents) and of the environment variables Taro's config reads. */
export function h5InputsHash(root = ROOT): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const input of INPUTS) filesUnder(join(root, input), files);
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  for (const [name, value] of Object.entries(process.env).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.startsWith('TARO_APP_') && name !== 'TARO_APP_API_BASE') hash.update(`${name}=${value}\0`);
  }
  return hash.digest('hex').slice(0, 20);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` while holding a lock folder (one build at a time in miniprogram/dist/h5); a dead holder's lock is taken over. */
async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const pid = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : NaN);
      // a lock without a pid for more than a few seconds, or whose process is gone, is stale
      const stale = Number.isInteger(pid) ? !alive(pid) : Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 10_000;
      if (stale) rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The folder of the shared H5 build for the current sources, built with `build` (which must leave the app in
 * `builtDir`, built for H5_PLACEHOLDER_API_BASE) when there is none yet. `reused` says whether it was already there.
 */
export async function sharedH5Build(build: (apiBase: string) => Promise<void>, builtDir: string): Promise<{ dir: string; reused: boolean }> {
  mkdirSync(CACHE_ROOT, { recursive: true });
  const dir = join(CACHE_ROOT, h5InputsHash());
  const ready = () => existsSync(join(dir, 'index.html'));
  if (ready()) {
    const now = new Date();
    utimesSync(dir, now, now);
    return { dir, reused: true };
  }
  return withLock(join(CACHE_ROOT, 'build.lock'), async () => {
    if (ready()) return { dir, reused: true }; // built by another journey while this one waited
    await build(H5_PLACEHOLDER_API_BASE);
    if (!hasPlaceholder(builtDir)) {
      throw new Error(`the H5 build in ${builtDir} does not contain the placeholder API base ${H5_PLACEHOLDER_API_BASE}`);
    }
    const partial = `${dir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(builtDir, partial, { recursive: true });
    renameSync(partial, dir);
    pruneOldBuilds(dir);
    return { dir, reused: false };
  });
}

function hasPlaceholder(dir: string): boolean {
  const files: string[] = [];
  filesUnder(dir, files);
  return files.some((f) => TEXT.has(extname(f)) && readFileSync(f, 'utf8').includes(H5_PLACEHOLDER_API_BASE));
}

/** Builds of other sources not used for a day (their journeys have long copied them). */
function pruneOldBuilds(keep: string): void {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of readdirSync(CACHE_ROOT)) {
    const path = join(CACHE_ROOT, name);
    if (path === keep || name === 'build.lock') continue;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
  }
}

/** A temporary copy of a shared build for one API: the placeholder replaced by `apiBase` in every text file. Returns its folder. */
export function h5CopyFor(sharedDir: string, apiBase: string): string {
  const target = mkdtempSync(join(tmpdir(), 'lianxin-h5-'));
  const base = apiBase.replace(/\/+$/, '');
  const files: string[] = [];
  filesUnder(sharedDir, files);
  for (const file of files) {
    const to = join(target, relative(sharedDir, file));
    mkdirSync(join(to, '..'), { recursive: true });
    if (TEXT.has(extname(file))) writeFileSync(to, readFileSync(file, 'utf8').replaceAll(H5_PLACEHOLDER_API_BASE, base));
    else cpSync(file, to);
  }
  return target;
}
