import { spawn, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { freePort, isPortFree } from '../../scripts/lib/ports';

const ROOT = join(__dirname, '..', '..');
const TSX = require.resolve('tsx/cli');

function runStart(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [TSX, join(ROOT, 'scripts', 'start.ts'), '--in-memory', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ports() {
  return { LIANXIN_API_PORT: String(await freePort()), LIANXIN_H5_PORT: String(await freePort()), LIANXIN_DYNAMODB_PORT: String(await freePort()), LIANXIN_LAMBDA_PORT: String(await freePort()), LIANXIN_S3_PORT: String(await freePort()) };
}

// `npm start` as a newcomer meets it: clear one-line failures, and Ctrl-C leaves nothing behind.
describe('npm start', () => {
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
    expect((await fetch(`http://127.0.0.1:${env.LIANXIN_API_PORT}/health`)).status).toBe(200);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    for (const port of Object.values(env)) expect(await isPortFree(Number(port))).toBe(true);
    // No java or node started for these ports is left behind.
    const leftovers = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(`-port ${env.LIANXIN_DYNAMODB_PORT}`) || line.includes(`--httpPort ${env.LIANXIN_API_PORT}`));
    expect(leftovers).toEqual([]);
  }, 200_000);
});
