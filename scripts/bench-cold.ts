/**
 * `npm run bench:cold` — cold starts of the deployed functions, measured on the real artefact.
 *
 * Packages the stack as for production (`serverless package --stage prod`, osls + serverless-esbuild), takes each
 * function's bundle out of its zip, and bundles a floor with the same esbuild settings: a module that only creates the
 * DynamoDB document client. Then, round after round, interleaved, a fresh Node process per measurement loads the floor
 * or a function's bundle and (for a context's router) answers one signed-in request without a token — the context wires
 * its dependencies on that first request and answers 401 without any network. Prints per function the median time from
 * the process's first line to that answer, its overhead over the floor measured in the same run, the bundle's size and
 * the resident memory. Prints figures; asserts nothing.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { contexts, routeKeyOf } from '../shared/src/contract';
import { lambdas } from '../functions/src/deployment';

const ROOT = join(__dirname, '..');
const ROUNDS = Math.max(21, Number(process.env.BENCH_ROUNDS ?? 21));
const RUNNER = join(__dirname, 'bench', 'cold-runner.cjs');
const ENV = {
  PATH: process.env.PATH,
  STAGE: 'prod',
  TABLE_NAME: 'lianxin-bench',
  AWS_REGION: 'cn-northwest-1',
  PHOTO_BUCKET: 'lianxin-bench-photos',
  SESSION_SECRET: 'bench-session-secret-that-is-long-enough-0123456789',
  WECHAT_ADAPTER: 'http',
  WECHAT_APP_ID: 'wx-bench',
  WECHAT_APP_SECRET: 'bench',
};

interface Sample {
  ms: number;
  rss: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function coldStart(bundle: string, routeKey?: string): Sample {
  const out = execFileSync(process.execPath, [RUNNER, bundle, ...(routeKey ? [routeKey] : [])], { env: ENV, encoding: 'utf8' });
  return JSON.parse(out) as Sample;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'lianxin-bench-cold-'));
  try {
    const packaged = join(work, 'package');
    const began = Date.now();
    await promisify(execFile)(process.execPath, [require.resolve('serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', packaged], {
      cwd: ROOT,
      env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
      maxBuffer: 1 << 26,
    });
    const packagingSeconds = (Date.now() - began) / 1000;
    const template = JSON.parse(readFileSync(join(packaged, 'cloudformation-template-update-stack.json'), 'utf8'));
    const resources = Object.keys(template.Resources).length;

    // Every function's bundle, out of its zip.
    const functions: { name: string; file: string; zipBytes: number; jsBytes: number; routeKey?: string }[] = [];
    for (const zipName of readdirSync(packaged).filter((f) => f.endsWith('.zip')).sort()) {
      const name = zipName.replace(/\.zip$/, '');
      const spec = lambdas[name]!;
      const zip = await JSZip.loadAsync(readFileSync(join(packaged, zipName)));
      const js = await zip.file(`functions/src/${spec.handler}.js`)!.async('nodebuffer');
      const dir = join(work, 'bundles', name);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'index.js');
      writeFileSync(file, js);
      const signedIn = spec.context ? Object.values(contexts[spec.context]).find((r) => r.roles !== 'public') : undefined;
      functions.push({ name, file, zipBytes: statSync(join(packaged, zipName)).size, jsBytes: js.length, routeKey: signedIn ? routeKeyOf(signedIn) : undefined });
    }

    // The floor, bundled as serverless-esbuild bundles the functions (serverless.yml custom.esbuild).
    const floor = join(work, 'bundles', 'floor.js');
    await build({ entryPoints: [join(__dirname, 'bench', 'cold-floor.ts')], outfile: floor, bundle: true, minify: true, platform: 'node', target: 'node24', format: 'cjs', logLevel: 'silent' });

    const samples = new Map<string, Sample[]>([['floor', []], ...functions.map((f) => [f.name, []] as [string, Sample[]])]);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const fn of functions) {
        samples.get('floor')!.push(coldStart(floor));
        samples.get(fn.name)!.push(coldStart(fn.file, fn.routeKey));
      }
      process.stderr.write(`\r第 ${round + 1}/${ROUNDS} 轮`);
    }
    process.stderr.write('\n');

    const floorMs = median(samples.get('floor')!.map((s) => s.ms));
    const floorRss = median(samples.get('floor')!.map((s) => s.rss));
    console.log(`\nNode ${process.version} · ${ROUNDS} fresh processes per function, interleaved with the floor (${samples.get('floor')!.length} floor runs)`);
    console.log(`serverless package --stage prod: ${packagingSeconds.toFixed(1)} s · ${functions.length} functions · ${resources} CloudFormation resources\n`);
    console.log('| function | zip | bundle JS | init median | overhead over floor | ratio | RSS |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    console.log(`| floor (DocumentClient only) | – | ${(statSync(floor).size / 1024).toFixed(0)} KB | ${floorMs.toFixed(1)} ms | – | 1.00 | ${(floorRss / 1048576).toFixed(0)} MB |`);
    for (const fn of functions) {
      const ms = median(samples.get(fn.name)!.map((s) => s.ms));
      const rss = median(samples.get(fn.name)!.map((s) => s.rss));
      console.log(
        `| ${fn.name} | ${(fn.zipBytes / 1024).toFixed(0)} KB | ${(fn.jsBytes / 1024).toFixed(0)} KB | ${ms.toFixed(1)} ms | ${ms - floorMs >= 0 ? '+' : ''}${(ms - floorMs).toFixed(1)} ms | ${(ms / floorMs).toFixed(2)} | ${(rss / 1048576).toFixed(0)} MB |`,
      );
    }
    console.log('\ninit = from the first line of a fresh Node process to the first answer (module load + the context wiring its dependencies).');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
