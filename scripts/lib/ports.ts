import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on the port (on any interface: DynamoDB Local binds them all). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

export class StartupError extends Error {}

export async function requireFreePort(port: number, what: string, envVar: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new StartupError(`端口 ${port} 已被占用（${what}）。请关闭占用它的程序，或换一个端口：${envVar}=<端口> npm start`);
  }
}
