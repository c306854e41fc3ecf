/**
 * `npm run bench:cold` — cold starts of the deployed functions, measured on the real artefact.
 *
 * Packages the stack as for production (`serverless package --stage prod`, osls + serverless-esbuild), takes each
 * function's bundle out of its zip, and bundles a floor with the same esbuild settings: a module that only creates the
 * DynamoDB document client. Then, round after round, interleaved, a fresh Node process per measurement loads the floor
 * or a function's bundle and (for a context's router) answers one signed-in request without a token — the context wires
 * its dependencies on that first request and answers 401. Outside the local stage that first request also reads the
 * function's parameters from SSM Parameter Store: here a stand-in on 127.0.0.1 answers GetParameters (AWS_ENDPOINT_URL_SSM),
 * so the figures include loading the SSM client and Powertools and one loopback round trip, not SSM's own latency
 * (typically 10–30 ms in the region, once per container). Prints per function the median time from the process's first
 * line to that answer, its overhead over the floor measured in the same run, the bundle's size and the resident memory.
 * Prints figures; asserts nothing.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { contexts, routeKeyOf } from '../shared/src/contract';
import { lambdas } from '../functions/src/deployment';
import { PARAMETER_KEYS, parameterEnvName, parameterName, type ParameterKey } from '../functions/src/parameters';

const ROOT = join(__dirname, '..');
const ROUNDS = Math.max(21, Number(process.env.BENCH_ROUNDS ?? 21));
const RUNNER = join(__dirname, 'bench', 'cold-runner.cjs');
const PARAMETER_VALUES: Record<ParameterKey, string> = {
  sessionSecret: 'bench-session-secret-that-is-long-enough-0123456789',
  wechatAppId: 'wx-bench',
  wechatAppSecret: 'bench',
  wechatNoticeTemplates: '{}',
  wechatMiniprogramState: 'formal',
  wechatQrEnvVersion: 'release',
};
const STORED = Object.fromEntries(PARAMETER_KEYS.map((key) => [parameterName('prod', key), PARAMETER_VALUES[key]]));
const ENV = {
  PATH: process.env.PATH,
  STAGE: 'prod',
  TABLE_NAME: 'lianxin-bench',
  AWS_REGION: 'cn-northwest-1',
  PHOTO_BUCKET: 'lianxin-bench-photos',
  WECHAT_ADAPTER: 'http',
  // the SDK signs its requests to the stand-in
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
};

/** SSM's GetParameters (JSON 1.1), answered from STORED on 127.0.0.1. */
async function parameterStoreStandIn(): Promise<{ endpoint: string; close: () => void }> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk));
    req.on('end', () => {
      const names: string[] = JSON.parse(raw || '{}').Names ?? [];
      const body = { Parameters: names.filter((n) => n in STORED).map((n) => ({ Name: n, Value: STORED[n], Type: 'String', Version: 1 })), InvalidParameters: names.filter((n) => !(n in STORED)) };
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

interface Sample {
  ms: number;
  rss: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** A function's environment as deployed: the names of its parameters, and the stand-in as SSM. */
function envOf(parameters: ParameterKey[], ssmEndpoint: string): Record<string, string | undefined> {
  return { ...ENV, AWS_ENDPOINT_URL_SSM: ssmEndpoint, ...Object.fromEntries(parameters.map((key) => [parameterEnvName(key), parameterName('prod', key)])) };
}

async function coldStart(bundle: string, env: Record<string, string | undefined>, routeKey?: string): Promise<Sample> {
  const { stdout } = await promisify(execFile)(process.execPath, [RUNNER, bundle, ...(routeKey ? [routeKey] : [])], { env, encoding: 'utf8' });
  return JSON.parse(stdout) as Sample;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'lianxin-bench-cold-'));
  const ssm = await parameterStoreStandIn();
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
    const functions: { name: string; file: string; zipBytes: number; jsBytes: number; routeKey?: string; env: Record<string, string | undefined> }[] = [];
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
      functions.push({ name, file, zipBytes: statSync(join(packaged, zipName)).size, jsBytes: js.length, routeKey: signedIn ? routeKeyOf(signedIn) : undefined, env: envOf(spec.parameters, ssm.endpoint) });
    }

    // The floor, bundled as serverless-esbuild bundles the functions (serverless.yml custom.esbuild).
    const floor = join(work, 'bundles', 'floor.js');
    const floorWithRequest = join(work, 'bundles', 'floor-request.js');
    const bundleFloor = (entry: string, outfile: string) => build({ entryPoints: [join(__dirname, 'bench', entry)], outfile, bundle: true, minify: true, platform: 'node', target: 'node24', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'silent' });
    await bundleFloor('cold-floor.ts', floor);
    await bundleFloor('cold-floor-request.ts', floorWithRequest);
    // the second floor's GetItem goes to the stand-in, which answers any JSON request
    const floorRequestEnv = { ...ENV, AWS_ENDPOINT_URL_DYNAMODB: ssm.endpoint };

    const samples = new Map<string, Sample[]>([['floor', []], ['floor-request', []], ...functions.map((f) => [f.name, []] as [string, Sample[]])]);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const fn of functions) {
        samples.get('floor')!.push(await coldStart(floor, ENV));
        if (fn.routeKey) samples.get('floor-request')!.push(await coldStart(floorWithRequest, floorRequestEnv, 'ANY /'));
        samples.get(fn.name)!.push(await coldStart(fn.file, fn.env, fn.routeKey));
      }
      process.stderr.write(`\r第 ${round + 1}/${ROUNDS} 轮`);
    }
    process.stderr.write('\n');

    const floorMs = median(samples.get('floor')!.map((s) => s.ms));
    const floorRss = median(samples.get('floor')!.map((s) => s.rss));
    const requestMs = median(samples.get('floor-request')!.map((s) => s.ms));
    const requestRss = median(samples.get('floor-request')!.map((s) => s.rss));
    console.log(`\nNode ${process.version} · ${ROUNDS} fresh processes per function, interleaved with the floor (${samples.get('floor')!.length} floor runs)`);
    console.log(`serverless package --stage prod: ${packagingSeconds.toFixed(1)} s · ${functions.length} functions · ${resources} CloudFormation resources\n`);
    const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${ms.toFixed(1)} ms`;
    console.log('| function | zip | bundle JS | init median | over floor | ratio | over floor + first request | RSS |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    console.log(`| floor (DocumentClient only) | – | ${(statSync(floor).size / 1024).toFixed(0)} KB | ${floorMs.toFixed(1)} ms | – | 1.00 | – | ${(floorRss / 1048576).toFixed(0)} MB |`);
    console.log(`| floor + first request (one GetItem) | – | ${(statSync(floorWithRequest).size / 1024).toFixed(0)} KB | ${requestMs.toFixed(1)} ms | ${signed(requestMs - floorMs)} | ${(requestMs / floorMs).toFixed(2)} | – | ${(requestRss / 1048576).toFixed(0)} MB |`);
    for (const fn of functions) {
      const ms = median(samples.get(fn.name)!.map((s) => s.ms));
      const rss = median(samples.get(fn.name)!.map((s) => s.rss));
      // a job is only loaded (its first run's request is its own); an HTTP function's init includes the SSM request
      const overRequest = fn.routeKey ? signed(ms - requestMs) : '–';
      console.log(
        `| ${fn.name} | ${(fn.zipBytes / 1024).toFixed(0)} KB | ${(fn.jsBytes / 1024).toFixed(0)} KB | ${ms.toFixed(1)} ms | ${signed(ms - floorMs)} | ${(ms / floorMs).toFixed(2)} | ${overRequest} | ${(rss / 1048576).toFixed(0)} MB |`,
      );
    }
    console.log('\ninit = from the first line of a fresh Node process to the first answer (module load + reading its parameters from the SSM stand-in + the context wiring its dependencies); a job is only loaded.');
    console.log('floor + first request = the document client and one GetItem to the stand-in: the SDK\'s first-request cost (credentials, signing, HTTP agent) that any function pays once, here on its SSM read.');
  } finally {
    ssm.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
