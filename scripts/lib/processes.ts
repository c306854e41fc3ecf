import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { StartupError } from './ports';

/**
 * Children of `npm start` and of the tests. Each runs in its own process group so that stopping it stops
 * everything it started (serverless-offline's workers, Java), by process id.
 */
export interface Child {
  /** The part's name as `npm start` shows it (「API (serverless-offline)」), in progress lines, failures and the memory line. */
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const live = new Set<Child>();

/** Stops every child still running (Ctrl-C during start-up, or a test run that failed half-way). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((c) => c.stop()));
}

// Safety net: if this process exits without stopping its children, take their process groups with it.
process.once('exit', () => {
  for (const child of live) {
    if (child.process.pid !== undefined) {
      try {
        process.kill(-child.process.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
});

export function startChild(name: string, command: string, args: string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, { ...options, detached: true, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const handle: Child = {
    name,
    process: child,
    async stop() {
      live.delete(handle);
      if (child.pid === undefined) return;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 4000);
      await exited;
      clearTimeout(timer);
      signalGroup('SIGKILL'); // grandchildren that ignored SIGTERM
    },
  };
  live.add(handle);
  return handle;
}

// Colours and cursor moves (spinners) of a child's output, which mean nothing in a failure message.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g;

/** Keeps the last `keep` lines a child printed (stdout and stderr, whole lines), to show when it fails to start. */
export function captureOutput(child: ChildProcess, keep = 30): () => string {
  const lines: string[] = [];
  const take = (text: string) => {
    lines.push(...text.replace(ANSI, '').split(/\r?\n|\r/).filter((line) => line.trim() !== ''));
    if (lines.length > keep) lines.splice(0, lines.length - keep);
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const end = text.lastIndexOf('\n');
      partial = end === -1 ? text : text.slice(end + 1);
      if (end !== -1) take(text.slice(0, end));
    });
    stream.on('end', () => {
      if (partial) take(partial);
      partial = '';
    });
  }
  return () => lines.join('\n');
}

export const START_TIMEOUT_ENV = 'LIANXIN_START_TIMEOUT_SECONDS';
export const DEFAULT_START_TIMEOUT_SECONDS = 600;

/** How long a part may take to start: LIANXIN_START_TIMEOUT_SECONDS (600 when unset; 0 = as long as its process lives). */
export function startTimeoutSeconds(raw: string | undefined = process.env[START_TIMEOUT_ENV], source = START_TIMEOUT_ENV): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_START_TIMEOUT_SECONDS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new StartupError(`${source}=${raw} 不是有效的秒数：请写 0 或正整数（0 表示一直等，直到它就绪或退出）`);
  }
  return value;
}

export interface WaitOptions {
  /** Give up after this many seconds (default: startTimeoutSeconds(); 0 = wait as long as the child lives). */
  timeoutSeconds?: number;
  /** The part's process: when it exits before it is ready, stop waiting at once. */
  child?: Child;
  /** Its captured output (captureOutput), shown when it fails. */
  output?: () => string;
  /** Called about every 10 s while the part is still starting and its process is alive. */
  onProgress?: (seconds: number) => void;
  progressEveryMs?: number;
  /** What to do when the process exits before it is ready (a line in Chinese). */
  hint?: string;
  /** How the failure is called after the part's name: 启动失败 (default), or 失败 for a build. */
  failed?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exitReason(process: ChildProcess): string {
  if (process.signalCode) {
    const oom = process.signalCode === 'SIGKILL' ? '（可能是内存不足，被系统结束）' : '';
    return `进程被信号 ${process.signalCode} 结束${oom}`;
  }
  return `进程已退出，退出码 ${process.exitCode}`;
}

/** A failure of one part, in Chinese: which part, why, its own last lines, and what to do. */
export function startupFailure(what: string, reason: string, output: string | undefined, hint: string, failed = '启动失败'): StartupError {
  const lines = [`${what} ${failed}：${reason}。`];
  if (output !== undefined) {
    const last = output.split('\n').filter(Boolean);
    if (last.length === 0) lines.push(`  （${what} 没有输出任何内容）`);
    else lines.push(`  ${what} 最后的 ${last.length} 行输出：`, ...last.map((line) => `  │ ${line}`));
  }
  lines.push(`  处理办法：${hint}`);
  return new StartupError(lines.join('\n'));
}

/**
 * Waits until `check` passes: no fixed limit on a slow machine, a progress call every ~10 s while the child is
 * alive, and a Chinese failure with the child's own last lines when it exits or the timeout passes.
 */
export async function waitFor(what: string, check: () => Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  const { child, output, onProgress, progressEveryMs = 10_000 } = options;
  const timeoutSeconds = options.timeoutSeconds ?? startTimeoutSeconds();
  const started = Date.now();
  let nextProgress = started + progressEveryMs;
  for (;;) {
    const exited = child !== undefined && (child.process.exitCode !== null || child.process.signalCode !== null);
    if (await check().catch(() => false)) return;
    if (exited) {
      // its last lines may still be in the pipe: give them a moment (a grandchild may hold the pipe open, so not forever)
      await Promise.race([new Promise((r) => child.process.once('close', r)), sleep(500)]);
      throw startupFailure(what, exitReason(child.process), output?.(), options.hint ?? '上面是它自己的输出，最后几行通常写明了原因；排除后重新运行 npm start。', options.failed);
    }
    const now = Date.now();
    if (timeoutSeconds > 0 && now - started >= timeoutSeconds * 1000) {
      throw startupFailure(
        what,
        `超过 ${timeoutSeconds} 秒仍未就绪`,
        output?.(),
        `机器较慢时可以延长等待，例如 ${START_TIMEOUT_ENV}=${Math.max(timeoutSeconds * 2, 600)} npm start（0 表示一直等，直到它就绪或退出）。`,
        options.failed,
      );
    }
    if (now >= nextProgress) {
      onProgress?.(Math.round((now - started) / 1000));
      nextProgress += progressEveryMs;
    }
    await sleep(150);
  }
}
