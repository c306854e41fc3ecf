/** A Lambda's handler module, loaded fresh under `env` the way a cold start loads it (config read from that environment). */
export type LoadedHandler = (event?: unknown) => Promise<unknown>;

export function loadHandler(handlerPath: string, env: Record<string, string>): LoadedHandler {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let handler: LoadedHandler | undefined;
  try {
    jest.isolateModules(() => {
      // the configuration is read (synchronously, from this environment) on the first call, as a cold start does
      require('../../functions/src/config').config().catch(() => undefined);
      handler = require(`../../functions/src/${handlerPath}`).handler;
    });
  } finally {
    process.env = saved;
  }
  return handler!;
}
