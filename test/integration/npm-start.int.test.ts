import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isPortFree } from '../../scripts/lib/ports';
import { H5_DIST, sharedH5For, TEST_API_SCRIPT_ENV } from '../../scripts/lib/stack';

const ROOT = join(__dirname, '..', '..');
const TSX = require.resolve('tsx/cli');

interface Run {
  child: ChildProcess;
  /** Everything it printed (stdout and stderr), without colours. */
  output(): string;
  exited: Promise<number | null>;
}
const runs: Run[] = [];

function runStart(env: Record<string, string>, args: string[] = []): Run {
  const child = spawn(process.execPath, [TSX, join(ROOT, 'scripts', 'start.ts'), '--in-memory', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run = { child, output: () => output.replace(/\x1b\[[0-9;]*m/g, ''), exited };
  runs.push(run);
  return run;
}

// A run that a failed expectation left going is stopped as a person would: Ctrl-C (it stops its own children).
afterEach(async () => {
  for (const run of runs.splice(0)) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) continue;
    run.child.kill('SIGINT');
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 15_000);
    await run.exited;
    clearTimeout(timer);
  }
});

async function ports() {
  return { LIANXIN_API_PORT: String(await freePort()), LIANXIN_H5_PORT: String(await freePort()), LIANXIN_DYNAMODB_PORT: String(await freePort()), LIANXIN_LAMBDA_PORT: String(await freePort()), LIANXIN_S3_PORT: String(await freePort()) };
}

/** Command lines of processes still running that contain `text` (other than this check itself). */
function processesWith(text: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text));
}

// `npm start` as a newcomer meets it: clear failures in Chinese, and Ctrl-C leaves nothing behind.
describe('npm start', () => {
  let scripts: string;
  beforeAll(async () => {
    scripts = mkdtempSync(join(tmpdir(), 'lianxin-npm-start-'));
    // `--no-build` serves the last H5 build in miniprogram/dist/h5. On a clean clone no other file may have made one yet
    // (test files run side by side): the shared build makes it, or, when that build was already in the temp folder, a
    // copy of it is put there (these checks read the start-up's output, not the app).
    if (!existsSync(join(H5_DIST, 'index.html'))) {
      const { dir } = await sharedH5For('http://127.0.0.1:3000');
      try {
        if (!existsSync(join(H5_DIST, 'index.html'))) cpSync(dir, H5_DIST, { recursive: true });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 300_000);
  afterAll(() => rmSync(scripts, { recursive: true, force: true }));

  /** A stand-in for serverless-offline (see TEST_API_SCRIPT_ENV in scripts/lib/stack.ts). */
  function fakeApi(name: string, source: string): string {
    const path = join(scripts, name);
    writeFileSync(path, source);
    return path;
  }

  it('documents its flags, the wait and the ports in --help', async () => {
    const run = runStart({}, ['--help']);
    expect(await run.exited).toBe(0);
    for (const text of ['--no-build', '--in-memory', '--timeout=<秒>', 'LIANXIN_START_TIMEOUT_SECONDS', 'LIANXIN_API_PORT=3000', 'LIANXIN_H5_PORT=10086', 'LIANXIN_DYNAMODB_PORT=8000', 'LIANXIN_LAMBDA_PORT=3002', 'LIANXIN_S3_PORT=4569']) {
      expect(run.output()).toContain(text);
    }
  }, 30_000);

  it('names a busy port and how to change it, and exits non-zero', async () => {
    const env = await ports();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(Number(env.LIANXIN_API_PORT), '127.0.0.1', r));
    try {
      const run = runStart(env);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`✗ 端口 ${env.LIANXIN_API_PORT} 已被占用（API）。请关闭占用它的程序，或换一个端口：LIANXIN_API_PORT=<端口> npm start`);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('says how to install Java when there is none', async () => {
    const run = runStart({ ...(await ports()), PATH: '/nonexistent' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('✗ 没有找到 Java：DynamoDB Local 需要 Java 17。请先安装：sudo apt-get install -y openjdk-17-jre-headless');
  }, 60_000);

  it('names a part that dies while starting, why, and its own last lines, then stops the rest and exits non-zero', async () => {
    const env = await ports();
    const script = fakeApi(
      'dies.js',
      `for (let i = 1; i <= 40; i++) console.log('启动日志 ' + i + ' 行');\nconsole.error('Error: 模拟的打包错误');\nprocess.exit(3);\n`,
    );
    const run = runStart({ ...env, [TEST_API_SCRIPT_ENV]: script }, ['--no-build']);
    expect(await run.exited).toBe(1);
    const output = run.output();
    expect(output).toContain('✗ API (serverless-offline) 启动失败：进程已退出，退出码 3。');
    expect(output).toContain('API (serverless-offline) 最后的 30 行输出：');
    // the last 30 of its 41 lines, and not the ones before
    expect(output).toContain('│ 启动日志 12 行');
    expect(output).toContain('│ 启动日志 40 行');
    expect(output).toContain('│ Error: 模拟的打包错误');
    expect(output).not.toContain('│ 启动日志 11 行');
    expect(output).toMatch(/处理办法：.+npm start/);
    expect(output).not.toMatch(/not ready|exited before/);
    for (const port of Object.values(env)) expect(await isPortFree(Number(port))).toBe(true);
    expect(processesWith(`-port ${env.LIANXIN_DYNAMODB_PORT}`)).toEqual([]);
  }, 60_000);

  it('shows progress while a part is slow, and gives up after the configured wait with what to do', async () => {
    const env = await ports();
    const marker = `lianxin-slow-api-worker-${env.LIANXIN_API_PORT}`;
    const script = fakeApi(
      'slow.js',
      `console.log('Starting Offline（模拟：一直不就绪）');\nrequire('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${marker}'], { stdio: 'inherit' });\nsetInterval(() => {}, 1000);\n`,
    );
    const run = runStart({ ...env, [TEST_API_SCRIPT_ENV]: script, LIANXIN_START_TIMEOUT_SECONDS: '12' }, ['--no-build']);
    expect(await run.exited).toBe(1);
    const output = run.output();
    expect(output).toContain('… API (serverless-offline) 仍在启动（已 10 秒）');
    expect(output).toContain('✗ API (serverless-offline) 启动失败：超过 12 秒仍未就绪。');
    expect(output).toContain('│ Starting Offline（模拟：一直不就绪）');
    expect(output).toContain('处理办法：机器较慢时可以延长等待，例如 LIANXIN_START_TIMEOUT_SECONDS=');
    // the part's whole process group is gone, its worker too
    expect(processesWith(marker)).toEqual([]);
    expect(processesWith(`-port ${env.LIANXIN_DYNAMODB_PORT}`)).toEqual([]);
  }, 60_000);

  it('prints the ready summary and stops every process on Ctrl-C', async () => {
    const env = await ports();
    const run = runStart(env, ['--no-build']);
    const deadline = Date.now() + 150_000;
    while (!run.output().includes('按 Ctrl-C 停止全部进程') && Date.now() < deadline) {
      if (run.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const summary = run.output();
    expect(summary).toContain(`小程序（H5）  `);
    expect(summary).toContain(`http://127.0.0.1:${env.LIANXIN_H5_PORT}/#/pages/stand/index?scene=v%3D`);
    expect(summary).toContain(`http://127.0.0.1:${env.LIANXIN_API_PORT}`);
    expect(summary).toMatch(/▄/); // the QR code drawn in the terminal
    expect(summary).toContain('admin      赵敏（工作室管理员 · 洛社镇党代表工作室）');
    expect(summary).toMatch(/✓ API \(serverless-offline\) 就绪（\d+\.\d 秒）/);
    // the resident memory of the whole stack, part by part
    const memory = /内存占用（常驻）：合计 (\d+) MB（DynamoDB Local (\d+) MB · API \(serverless-offline\) (\d+) MB · 本进程 (\d+) MB）/.exec(summary);
    expect(memory).not.toBeNull();
    const [total, ...parts] = memory!.slice(1).map(Number);
    for (const part of parts) expect(part).toBeGreaterThan(0);
    expect(Math.abs(total - parts.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(2); // each rounded to MB
    expect((await fetch(`http://127.0.0.1:${env.LIANXIN_API_PORT}/health`)).status).toBe(200);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    for (const port of Object.values(env)) expect(await isPortFree(Number(port))).toBe(true);
    // No java or node started for these ports is left behind.
    expect([...processesWith(`-port ${env.LIANXIN_DYNAMODB_PORT}`), ...processesWith(`--httpPort ${env.LIANXIN_API_PORT}`)]).toEqual([]);
  }, 200_000);
});
