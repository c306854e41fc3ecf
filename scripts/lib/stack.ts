import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { ensureTable, ROOT } from './table';
import { DYNAMODB_LOCAL, startDynamoLocal, type DynamoLocal } from './dynamodb-local';
import type { MemoryPart } from './memory';
import { requireFreePort, StartupError } from './ports';
import { startS3Local, type S3Local } from './s3-local';
import { captureOutput, startChild, startTimeoutSeconds, waitFor, type Child } from './processes';
import { serveStatic } from './static-server';
import { h5CopyFor, sharedH5Build } from './h5-shared';
import { loadConfig } from '../../functions/src/config';
import { buildContainer } from '../../functions/src/wiring/container';
import { demoHoursAt, seedDemoData, type DemoSeedResult } from '../../functions/src/local/demo-seed';
import { startNoticeDelivery, type NoticeDelivery } from './notice-delivery';

/**
 * The whole system on one machine: DynamoDB Local, the table from serverless.yml, demo data, the API under
 * serverless-offline, and the mini-program's H5 build — used by `npm start` and by the browser journeys.
 */
export interface StackOptions {
  dynamoPort: number;
  apiPort: number;
  lambdaPort: number;
  h5Port: number;
  /** The local S3-compatible server holding submission photos. */
  s3Port: number;
  /** Keep DynamoDB data in this folder between runs; in memory when absent. */
  dataDir?: string;
  /** Keep uploaded photos in this folder between runs; a temporary folder, removed on stop, when absent. */
  photoDir?: string;
  /** Build the H5 app (skip only when a build for the same API URL is already in place). */
  buildH5?: boolean;
  /**
   * Serve a copy of the H5 build shared by every stack of this machine (scripts/lib/h5-shared.ts: built by Taro once
   * per content of miniprogram/ and shared/, this stack's API address written into its copy) instead of building the
   * app for this stack. The browser journeys use it; `npm start` builds its own. Ignored when buildH5 is false.
   */
  sharedH5?: boolean;
  /**
   * Keep serverless-offline's bundles of the functions in a temporary folder named after a hash of their sources
   * (scripts/lib/esbuild-cache.cjs), and copy them from there when the sources are the same: the browser journeys.
   * `npm start` bundles as usual.
   */
  bundleCache?: boolean;
  onStep?: (step: string, millis: number) => void;
  /** Called about every 10 s for a part that is still starting (`doing`: 启动 or 构建) while its process is alive. */
  onWaiting?: (part: string, seconds: number, doing: string) => void;
  /** How long a part may take (default LIANXIN_START_TIMEOUT_SECONDS, else 600; 0 = as long as its process lives). */
  timeoutSeconds?: number;
  /** Opening hours of today's demo stand (default: from now until late evening, demoHoursAt — a newcomer can book at any hour). */
  demoTodayHours?: { startTime: string; endTime: string };
  /** Start the API's clock at this instant (ISO 8601 with an offset; the local stage's LOCAL_NOW) instead of now. */
  clock?: string;
}

export interface Stack {
  apiUrl: string;
  h5Url: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  seed: DemoSeedResult;
  standUrl: string;
  /** The notice consumer fed by DynamoDB Local's stream (its dead letters, for a look). */
  notices: NoticeDelivery;
  /** The processes of the stack still running (for the memory line of `npm start`). */
  processes(): MemoryPart[];
  stop(): Promise<void>;
}

export const LOCAL_STAGE = 'local';
export const LOCAL_TABLE = 'lianxin-local';
/** Must match serverless.yml's `params.local.photoBucket`. */
export const LOCAL_PHOTO_BUCKET = 'lianxin-photos-local';
export const LOCAL_SESSION_SECRET = 'local-stage-session-secret-not-for-production';
export const H5_DIST = join(ROOT, 'miniprogram', 'dist', 'h5');

/** The H5 URL that a venue's QR code opens locally (production uses a mini-program code instead). */
export function standUrlFor(h5Url: string, scene: string): string {
  return `${h5Url}/#/pages/stand/index?scene=${encodeURIComponent(scene)}`;
}

async function timed<T>(step: string, onStep: StackOptions['onStep'], work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  onStep?.(step, Date.now() - started);
  return result;
}

export const API_PART = 'API (serverless-offline)';
export const NOTICES_PART = '通知投递（DynamoDB Stream → 通知消费者）';
export const H5_BUILD_PART = '小程序 H5 构建';
/**
 * Tests only: a Node script started in place of serverless-offline (with the same arguments), to show how
 * `npm start` reports an API that dies or hangs while starting (test/integration/npm-start.int.test.ts).
 */
export const TEST_API_SCRIPT_ENV = 'LIANXIN_TEST_API_SCRIPT';

/** Builds the H5 app for the given API URL (Taro, a child process); fails in Chinese with the build's last lines. */
export async function buildH5(apiUrl: string, options: { timeoutSeconds?: number; onProgress?: (seconds: number) => void; onStart?: (child: Child) => void } = {}): Promise<void> {
  const child = startChild(H5_BUILD_PART, process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: join(ROOT, 'miniprogram'),
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_BASE: apiUrl, BROWSERSLIST_IGNORE_OLD_DATA: '1' },
  });
  options.onStart?.(child);
  const output = captureOutput(child.process);
  try {
    await waitFor(H5_BUILD_PART, async () => child.process.exitCode === 0, {
      child,
      output,
      timeoutSeconds: options.timeoutSeconds,
      onProgress: options.onProgress,
      failed: '失败',
      hint: '上面是 Taro 自己的输出。若刚改过 miniprogram/ 的代码，修正后重新运行；或先用 npm start -- --no-build 沿用上一次的构建（miniprogram/dist/h5）。',
    });
  } finally {
    await child.stop();
  }
}

/**
 * A temporary copy of the shared H5 build (scripts/lib/h5-shared.ts; Taro builds it first when miniprogram/ or
 * shared/ changed) that calls the given API: its folder (remove it after use), and whether the build was reused.
 */
export async function sharedH5For(apiUrl: string, options: Parameters<typeof buildH5>[1] = {}): Promise<{ dir: string; reused: boolean }> {
  const { dir, reused } = await sharedH5Build((base) => buildH5(base, options), H5_DIST);
  return { dir: h5CopyFor(dir, apiUrl), reused };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { onStep, onWaiting } = options;
  const timeoutSeconds = options.timeoutSeconds ?? startTimeoutSeconds();
  const started: { stop(): Promise<void> }[] = [];
  const children: Child[] = [];
  const stopAll = async () => {
    for (const part of started.splice(0).reverse()) await part.stop().catch(() => undefined);
  };
  try {
    await requireFreePort(options.dynamoPort, 'DynamoDB Local', 'LIANXIN_DYNAMODB_PORT');
    await requireFreePort(options.apiPort, 'API', 'LIANXIN_API_PORT');
    await requireFreePort(options.lambdaPort, 'serverless-offline 的 Lambda 端口', 'LIANXIN_LAMBDA_PORT');
    await requireFreePort(options.h5Port, '小程序 H5', 'LIANXIN_H5_PORT');
    await requireFreePort(options.s3Port, '本地对象存储（照片）', 'LIANXIN_S3_PORT');
    if (options.buildH5 === false && !existsSync(join(H5_DIST, 'index.html'))) {
      throw new StartupError('没有找到上一次的小程序 H5 构建（miniprogram/dist/h5）：请去掉 --no-build 运行一次 npm start，它会先构建。');
    }

    const dynamoEndpoint = `http://127.0.0.1:${options.dynamoPort}`;
    const s3: S3Local = await timed('本地对象存储 (s3rver)', onStep, () =>
      startS3Local({ port: options.s3Port, bucket: LOCAL_PHOTO_BUCKET, directory: options.photoDir }),
    );
    started.push(s3);

    const functionEnv = {
      STAGE: LOCAL_STAGE,
      TABLE_NAME: LOCAL_TABLE,
      AWS_REGION: 'local',
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      PHOTO_BUCKET: LOCAL_PHOTO_BUCKET,
      S3_ENDPOINT: s3.endpoint,
      SESSION_SECRET: LOCAL_SESSION_SECRET,
      WECHAT_ADAPTER: 'local',
      LOCAL_H5_BASE: `http://127.0.0.1:${options.h5Port}`,
      ...(options.clock ? { LOCAL_NOW: options.clock } : {}),
    };
    const apiUrl = `http://127.0.0.1:${options.apiPort}`;
    const h5Url = `http://127.0.0.1:${options.h5Port}`;

    // Three parts start side by side (none needs another until the first request): serverless-offline (bundling
    // every function, the longest), the H5 app, and the data (DynamoDB Local, the table, the demo seed, the notice
    // consumer). Idle, the data's 5.6 s (DynamoDB Local, table, seed) used to come before the API's 20 s start.
    const api = timed(API_PART, onStep, async () => {
      const testScript = process.env[TEST_API_SCRIPT_ENV];
      const child: Child = startChild(
        API_PART,
        process.execPath,
        [...(options.bundleCache ? ['--require', join(ROOT, 'scripts', 'lib', 'esbuild-cache.cjs')] : []), testScript || require.resolve('serverless/bin/serverless.js'), 'offline', 'start', '--stage', LOCAL_STAGE, '--httpPort', String(options.apiPort), '--lambdaPort', String(options.lambdaPort), '--host', '127.0.0.1'],
        { cwd: ROOT, env: { ...process.env, ...functionEnv, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' } },
      );
      started.push(child);
      children.push(child);
      const output = captureOutput(child.process);
      await waitFor(API_PART, async () => (await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(5000) })).ok, {
        child,
        output,
        timeoutSeconds,
        onProgress: (seconds) => onWaiting?.(API_PART, seconds, '启动'),
        hint: '上面是 serverless-offline 自己的输出。若是 functions/ 的代码或 serverless.yml 有误（打包、语法），修正后重新运行 npm start。',
      });
      return child;
    });
    const h5Options = { timeoutSeconds, onProgress: (seconds: number) => onWaiting?.(H5_BUILD_PART, seconds, '构建'), onStart: (child: Child) => started.push(child) };
    const h5: Promise<string> =
      options.buildH5 === false
        ? Promise.resolve(onStep?.(`${H5_BUILD_PART}（--no-build：沿用 miniprogram/dist/h5）`, 0)).then(() => H5_DIST)
        : options.sharedH5
          ? (async () => {
              const begun = Date.now();
              const { dir: copy, reused } = await sharedH5For(apiUrl, h5Options);
              started.push({ stop: async () => rmSync(copy, { recursive: true, force: true }) });
              onStep?.(`${H5_BUILD_PART}（${reused ? '沿用共享构建' : '共享构建'}）`, Date.now() - begun);
              return copy;
            })()
          : timed(H5_BUILD_PART, onStep, () => buildH5(apiUrl, h5Options)).then(() => H5_DIST);
    const data = (async () => {
      const dynamo: DynamoLocal = await timed(DYNAMODB_LOCAL, onStep, () =>
        startDynamoLocal({ port: options.dynamoPort, dbPath: options.dataDir, timeoutSeconds, onProgress: (seconds) => onWaiting?.(DYNAMODB_LOCAL, seconds, '启动') }),
      );
      started.push(dynamo);
      children.unshift(dynamo.child); // listed first, as before the parts started side by side (npm start's memory line)
      await timed(`数据表 ${LOCAL_TABLE}`, onStep, () => ensureTable(dynamo.endpoint, LOCAL_TABLE));
      const seed = await timed('演示数据', onStep, () => seedDemoData(buildContainer(loadConfig(functionEnv)), { demoMatters: true, todayHours: options.demoTodayHours ?? demoHoursAt(options.clock ? new Date(options.clock) : new Date()) }));
      // Notices leave the requests through the table's stream, as in production: the same consumer, fed by a poller.
      const notices = await timed(NOTICES_PART, onStep, async () => startNoticeDelivery(dynamo.endpoint, LOCAL_TABLE, loadConfig(functionEnv)));
      started.push(notices);
      return { dynamo, seed, notices };
    })();
    // The first part to fail stops the others at once (so that they end too), and is the one reported.
    let failure: { error: unknown } | undefined;
    const failFast = <T>(part: Promise<T>) =>
      part.catch(async (error) => {
        if (!failure) {
          failure = { error };
          await stopAll();
        }
        throw error;
      });
    await Promise.allSettled([failFast(api), failFast(h5), failFast(data)]);
    if (failure) throw failure.error;
    const [{ dynamo, seed, notices }, h5Dir] = await Promise.all([data, h5]);

    const server: Server = await timed('H5 服务', onStep, () => serveStatic(h5Dir, options.h5Port));
    started.push({
      stop: () =>
        new Promise<void>((r) => {
          server.close(() => r());
          server.closeAllConnections();
        }),
    });

    return {
      apiUrl,
      h5Url,
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      seed,
      standUrl: standUrlFor(h5Url, seed.scene),
      notices,
      processes: () => children.filter((c) => c.process.pid !== undefined && c.process.exitCode === null && c.process.signalCode === null).map((c) => ({ label: c.name, pid: c.process.pid! })),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
