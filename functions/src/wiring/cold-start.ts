import type { Context } from 'aws-lambda';
import { config, ConfigurationError, type Config } from '../config';
import { beginInvocation, log, setLogLevel } from '../log';
import type { Metrics } from '../metrics';

/**
 * What a Lambda does on its first invocation: read the configuration (Parameter Store outside the local stage), set
 * the log level, then wire its dependencies. For `createRouter`, which keeps the result and, on a failure, answers
 * 503 and wires again on the next request.
 */
export function coldStartOf<D>(build: (cfg: Config) => D, loadConfig: () => Promise<Config> = config): () => Promise<D> {
  return async () => {
    const cfg = await loadConfig();
    setLogLevel(cfg.logLevel);
    return build(cfg);
  };
}

/**
 * A scheduled job's (or a queue consumer's) Lambda: its dependencies wired on the first run and kept for the
 * container's life; logs carry the Lambda context; what it counted is published when the run ends. A configuration
 * problem is logged in one line and thrown, so that the run counts as the function's error (the background-errors
 * alarm) and the next run tries again.
 */
export function defineJob<D extends { metrics: Metrics }, E, R>(
  build: (cfg: Config) => D,
  run: (deps: D, event: E) => Promise<R>,
  loadConfig: () => Promise<Config> = config,
): (event: E, context?: Context) => Promise<R> {
  const wire = coldStartOf(build, loadConfig);
  let deps: Promise<D> | undefined;
  return async (event, context) => {
    beginInvocation({ context });
    deps ??= wire().catch((error: unknown) => {
      deps = undefined;
      if (error instanceof ConfigurationError) log.error(error.message);
      throw error;
    });
    const ready = await deps;
    try {
      return await run(ready, event);
    } finally {
      ready.metrics.flush();
    }
  };
}
