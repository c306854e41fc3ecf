import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Children of `npm start` and of the tests. Each runs in its own process group so that stopping it stops
 * everything it started (serverless-offline's workers, Java), by process id.
 */
export interface Child {
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

/** Keeps the last lines a child printed, to show when it fails to start. */
export function captureOutput(child: ChildProcess, keep = 40): () => string {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > keep) lines.splice(0, lines.length - keep);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => lines.join('\n');
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: Child, output?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.process.exitCode !== null || child.process.signalCode !== null)) {
      throw new Error(`${what} exited before it was ready${output ? `:\n${output()}` : ''}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} was not ready within ${Math.round(timeoutMs / 1000)} s${output ? `:\n${output()}` : ''}`);
}
