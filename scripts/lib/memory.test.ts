import { spawn, type ChildProcess } from 'node:child_process';
import { formatMemory, measureMemory, procProcesses, SELF_LABEL, type ProcessEntry } from './memory';

const entry = (pid: number, ppid: number, pgid: number, rssKb: number): ProcessEntry => ({ pid, ppid, pgid, rssKb: () => rssKb });

describe('measureMemory', () => {
  it('adds up each part with its descendants and its process group, each process once, and this process last', () => {
    const table = [
      entry(1, 0, 1, 5_000), // init: not ours
      entry(100, 1, 100, 90 * 1024), // this process
      entry(110, 100, 110, 400 * 1024), // java, leading its own group
      entry(120, 100, 120, 200 * 1024), // serverless-offline
      entry(121, 120, 120, 50 * 1024), // its esbuild
      entry(122, 121, 122, 10 * 1024), // a descendant in a group of its own
      entry(123, 1, 120, 30 * 1024), // a worker whose parent is gone (now a child of init), still in the group
      entry(130, 100, 100, 2 * 1024), // a helper of this process that is no part
      entry(200, 1, 200, 999 * 1024), // someone else's program
    ];
    const report = measureMemory([{ label: 'DynamoDB Local', pid: 110 }, { label: 'API', pid: 120 }, { label: '已结束', pid: 999 }], 100, table)!;
    expect(report.parts).toEqual([
      { label: 'DynamoDB Local', kb: 400 * 1024, processes: 1 },
      { label: 'API', kb: 290 * 1024, processes: 4 },
      { label: SELF_LABEL, kb: 92 * 1024, processes: 2 },
    ]);
    expect(report.totalKb).toBe(782 * 1024);
    expect(formatMemory(report)).toBe('内存占用（常驻）：合计 782 MB（DynamoDB Local 400 MB · API 290 MB · 本进程 92 MB）');
  });

  const linux = process.platform === 'linux' ? describe : describe.skip;
  linux('on this machine (/proc)', () => {
    let parent: ChildProcess | undefined;
    let grandchild: number | undefined;
    afterEach(() => {
      for (const group of [grandchild, parent?.pid]) {
        try {
          if (group) process.kill(-group, 'SIGKILL'); // each leads its own group
        } catch {
          /* gone */
        }
      }
    });

    it('measures a child process it started, counting its grandchild (which holds 64 MB)', async () => {
      // a detached parent (its own process group) whose child fills 64 MB and says so; the child is detached too
      // (a group of its own), so only following parents finds it
      const grandchildSource = `const b = Buffer.alloc(64 * 1024 * 1024, 1); console.log('ready', process.pid); setInterval(() => b[0]++, 1000);`;
      const script = `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchildSource)}], { detached: true, stdio: ['ignore', 'inherit', 'inherit'] }); setInterval(() => {}, 1000);`;
      parent = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        parent!.stdout!.on('data', (d: Buffer) => {
          const ready = /ready (\d+)/.exec(d.toString());
          if (ready) {
            grandchild = Number(ready[1]); // stopped by afterEach, whatever the expectations say
            resolve();
          }
        });
        parent!.once('exit', () => reject(new Error('the test process exited')));
      });

      const report = measureMemory([{ label: '测试进程', pid: parent.pid! }])!;
      const part = report.parts.find((p) => p.label === '测试进程')!;
      expect(part.processes).toBe(2);
      expect(procProcesses().find((p) => p.pid === grandchild)?.ppid).toBe(parent.pid);
      const parentOnly = procProcesses().find((p) => p.pid === parent!.pid)!.rssKb();
      expect(parentOnly).toBeGreaterThan(0);
      expect(part.kb).toBeGreaterThan(parentOnly + 60 * 1024);
      const self = report.parts.find((p) => p.label === SELF_LABEL)!;
      expect(self.kb).toBeGreaterThan(0);
      expect(report.totalKb).toBe(part.kb + self.kb);
    });
  });
});
