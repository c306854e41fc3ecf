import { join } from 'node:path';
import type { Server } from 'node:http';
import { ensureTable, ROOT } from './table';
import { startDynamoLocal, type DynamoLocal } from './dynamodb-local';
import { requireFreePort } from './ports';
import { startS3Local, type S3Local } from './s3-local';
import { captureOutput, startChild, waitFor, type Child } from './processes';
import { serveStatic } from './static-server';
import { loadConfig } from '../../functions/src/config';
import { buildContainer } from '../../functions/src/wiring/container';
import { seedDemoData, type DemoSeedResult } from '../../functions/src/local/demo-seed';

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
  onStep?: (step: string, millis: number) => void;
  /** Opening hours of today's demo stand (default: the market's 08:00–11:30). */
  demoTodayHours?: { startTime: string; endTime: string };
}

export interface Stack {
  apiUrl: string;
  h5Url: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  seed: DemoSeedResult;
  standUrl: string;
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

export function buildH5(apiUrl: string): Promise<void> {
  const child = startChild('taro-h5', process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: join(ROOT, 'miniprogram'),
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_BASE: apiUrl, BROWSERSLIST_IGNORE_OLD_DATA: '1' },
  });
  const output = captureOutput(child.process, 60);
  return new Promise((resolve, reject) => {
    child.process.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`H5 构建失败：\n${output()}`))));
  });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { onStep } = options;
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
  };
  try {
    await requireFreePort(options.dynamoPort, 'DynamoDB Local', 'LIANXIN_DYNAMODB_PORT');
    await requireFreePort(options.apiPort, 'API', 'LIANXIN_API_PORT');
    await requireFreePort(options.lambdaPort, 'serverless-offline 的 Lambda 端口', 'LIANXIN_LAMBDA_PORT');
    await requireFreePort(options.h5Port, '小程序 H5', 'LIANXIN_H5_PORT');
    await requireFreePort(options.s3Port, '本地对象存储（照片）', 'LIANXIN_S3_PORT');

    const dynamo: DynamoLocal = await timed('DynamoDB Local', onStep, () => startDynamoLocal({ port: options.dynamoPort, dbPath: options.dataDir }));
    started.push(dynamo);
    const s3: S3Local = await timed('本地对象存储 (s3rver)', onStep, () =>
      startS3Local({ port: options.s3Port, bucket: LOCAL_PHOTO_BUCKET, directory: options.photoDir }),
    );
    started.push(s3);

    const functionEnv = {
      STAGE: LOCAL_STAGE,
      TABLE_NAME: LOCAL_TABLE,
      AWS_REGION: 'local',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      PHOTO_BUCKET: LOCAL_PHOTO_BUCKET,
      S3_ENDPOINT: s3.endpoint,
      SESSION_SECRET: LOCAL_SESSION_SECRET,
      WECHAT_ADAPTER: 'local',
      LOCAL_H5_BASE: `http://127.0.0.1:${options.h5Port}`,
    };
    await timed(`数据表 ${LOCAL_TABLE}`, onStep, () => ensureTable(dynamo.endpoint, LOCAL_TABLE));
    const seed = await timed('演示数据', onStep, () => seedDemoData(buildContainer(loadConfig(functionEnv)), { todayHours: options.demoTodayHours }));

    const apiUrl = `http://127.0.0.1:${options.apiPort}`;
    const h5Url = `http://127.0.0.1:${options.h5Port}`;

    const api = timed('API (serverless-offline)', onStep, async () => {
      const child: Child = startChild(
        'serverless-offline',
        process.execPath,
        [require.resolve('serverless/bin/serverless.js'), 'offline', 'start', '--stage', LOCAL_STAGE, '--httpPort', String(options.apiPort), '--lambdaPort', String(options.lambdaPort), '--host', '127.0.0.1'],
        { cwd: ROOT, env: { ...process.env, ...functionEnv, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' } },
      );
      started.push(child);
      const output = captureOutput(child.process, 80);
      await waitFor('API', async () => (await fetch(`${apiUrl}/health`)).ok, 120_000, child, output);
      return child;
    });
    const h5 = timed('小程序 H5 构建', onStep, async () => {
      if (options.buildH5 !== false) await buildH5(apiUrl);
    });
    await Promise.all([api, h5]);

    const server: Server = await timed('H5 服务', onStep, () => serveStatic(H5_DIST, options.h5Port));
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
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
