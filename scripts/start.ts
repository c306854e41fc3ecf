/**
 * `npm start`: the whole system on this machine, no AWS account, no internet.
 * Ports: LIANXIN_API_PORT (3000), LIANXIN_H5_PORT (10086), LIANXIN_DYNAMODB_PORT (8000),
 * LIANXIN_LAMBDA_PORT (3002). Data is kept in .local-data/dynamodb; `npm start -- --in-memory`
 * (or LIANXIN_IN_MEMORY=1) runs a throwaway database instead; `--no-build` serves the existing H5 build.
 */
import '../test/support/quiet-sdk-node-warning';
import { join } from 'node:path';
import qrcode from 'qrcode-terminal';
import { ROLE_LABELS } from '@shared/roles';
import { formatChinaDate } from '@shared/time';
import { StartupError } from './lib/ports';
import { stopAllChildren } from './lib/processes';
import { ROOT } from './lib/table';
import { startStack, type Stack } from './lib/stack';
import { PersonaRepository } from '../functions/src/local/persona.repository';
import { documentClient } from '../functions/src/data/dynamodb-client';

const port = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`✗ ${name}=${raw} 不是有效的端口号（1–65535）`);
    process.exit(2);
  }
  return value;
};

const inMemory = process.argv.includes('--in-memory') || process.env.LIANXIN_IN_MEMORY === '1';
// Serve the H5 build already in miniprogram/dist/h5 (a faster restart when the API port has not changed).
const reuseH5Build = process.argv.includes('--no-build');
const green = (s: string) => `\x1b[32m${s}\x1b[0m`;
const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;

async function main() {
  const began = Date.now();
  console.log(bold('连心 Lianxin — 本地启动') + (inMemory ? '（内存数据库，退出后数据清空）' : '（数据保存在 .local-data/dynamodb）'));
  let stack: Stack | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在停止所有进程…');
    await stack?.stop();
    await stopAllChildren();
    console.log('已停止。');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  stack = await startStack({
    dynamoPort: port('LIANXIN_DYNAMODB_PORT', 8000),
    apiPort: port('LIANXIN_API_PORT', 3000),
    lambdaPort: port('LIANXIN_LAMBDA_PORT', 3002),
    h5Port: port('LIANXIN_H5_PORT', 10086),
    s3Port: port('LIANXIN_S3_PORT', 4569),
    dataDir: inMemory ? undefined : join(ROOT, '.local-data', 'dynamodb'),
    photoDir: inMemory ? undefined : join(ROOT, '.local-data', 's3'),
    buildH5: !reuseH5Build,
    onStep: (step, ms) => console.log(`${green('✓')} ${step} 就绪（${(ms / 1000).toFixed(1)} 秒）`),
  });

  const personas = await new PersonaRepository({ client: documentClient({ region: 'local', endpoint: stack.dynamoEndpoint }), tableName: 'lianxin-local' }).listPersonas();
  console.log(`\n${bold('全部就绪')}，用时 ${((Date.now() - began) / 1000).toFixed(1)} 秒\n`);
  console.log(`  小程序（H5）  ${bold(stack.h5Url)}`);
  console.log(`  API           ${stack.apiUrl}   （接口说明：docs/openapi.yaml）`);
  console.log(`  DynamoDB      ${stack.dynamoEndpoint}   （注意：DynamoDB Local 监听所有网卡）`);
  console.log(`  照片存储      ${stack.s3Endpoint}   （s3rver，本地的 S3 兼容服务）`);
  console.log(`\n  今天的服务点（${formatChinaDate(stack.seed.todayStandDate)}，洛社农贸集市）——扫码或打开：\n  ${bold(stack.standUrl)}\n`);
  qrcode.generate(stack.standUrl, { small: true }, (code: string) => console.log(code.replace(/^/gm, '  ')));
  console.log('  登录：在小程序里点「登录」，选择一个演示身份：');
  for (const p of personas) console.log(`    ${p.key.padEnd(10)} ${p.displayName}（${ROLE_LABELS[p.role]}${p.studioName ? ' · ' + p.studioName : ''}）`);
  console.log(`\n  本地通知发件箱（提醒、取消通知）：${stack.apiUrl}/local/outbox`);
  console.log(`  服务点大屏：${stack.h5Url}/#/pages/screen/index?standId=${stack.seed.todayStandId}`);
  console.log('  打印集市二维码海报（A4 PDF）：另开终端运行 npm run poster');
  console.log('\n按 Ctrl-C 停止全部进程。');
}

main().catch(async (error) => {
  if (error instanceof StartupError) console.error(`✗ ${error.message}`);
  else console.error('✗ 启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
