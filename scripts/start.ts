/**
 * `npm start`: the whole system on this machine, no AWS account, no internet. `npm start -- --help` lists the
 * flags and environment variables (ports, data kept or in memory, `--no-build`, how long a part may take to start).
 */
import '../test/support/quiet-sdk-node-warning';
import { join } from 'node:path';
import qrcode from 'qrcode-terminal';
import { ROLE_LABELS } from '@shared/roles';
import { formatChinaDate } from '@shared/time';
import { formatMemory, measureMemory } from './lib/memory';
import { StartupError } from './lib/ports';
import { DEFAULT_START_TIMEOUT_SECONDS, START_TIMEOUT_ENV, startTimeoutSeconds, stopAllChildren } from './lib/processes';
import { ROOT } from './lib/table';
import { startStack, type Stack } from './lib/stack';
import { PersonaRepository } from '../functions/src/local/persona.repository';
import { documentClient } from '../functions/src/data/dynamodb-client';

const HELP = `连心 Lianxin — 本地启动（npm start）：DynamoDB Local、本地照片存储、API、小程序 H5，不需要 AWS 账号，也不需要联网。

用法：npm start [-- 选项…]      （直接运行：npx tsx scripts/start.ts [选项…]）

选项：
  --no-build        不重新构建小程序 H5，直接使用上一次的构建（miniprogram/dist/h5），启动更快。
                    只在 API 端口（LIANXIN_API_PORT）没有变时使用：构建里写着 API 的地址。
  --in-memory       使用内存数据库和临时照片目录，退出后数据清空（默认保存在 .local-data/）。
  --timeout=<秒>    每个部分最多等待多少秒就绪（同 ${START_TIMEOUT_ENV}）。
  --help, -h        显示本说明。

环境变量：
  ${START_TIMEOUT_ENV}  每个部分（DynamoDB Local、API、H5 构建）最多等待的秒数，默认 ${DEFAULT_START_TIMEOUT_SECONDS}；
                    0 表示一直等，直到它就绪或它的进程退出。等待期间每 10 秒显示一次进度。
  LIANXIN_IN_MEMORY=1            同 --in-memory。
  LIANXIN_API_PORT=3000          API（serverless-offline）
  LIANXIN_H5_PORT=10086          小程序 H5
  LIANXIN_DYNAMODB_PORT=8000     DynamoDB Local（它监听所有网卡）
  LIANXIN_LAMBDA_PORT=3002       serverless-offline 的 Lambda 端口
  LIANXIN_S3_PORT=4569           本地照片存储（s3rver）
  LIANXIN_NOW=<时间>             让 API 的时钟从这一刻开始走（ISO 8601，带时区），例如
                                 LIANXIN_NOW=2026-12-01T22:00:00+08:00：收市后扫码，看到的是下一个集日。

就绪后会显示每个部分用了多少秒、全部进程的常驻内存；按 Ctrl-C 停止全部进程。`;

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

const clock = (() => {
  const raw = process.env.LIANXIN_NOW;
  if (!raw) return undefined;
  if (!/(Z|[+-]\d\d:\d\d)$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    console.error(`✗ LIANXIN_NOW=${raw} 不是带时区的时间，例如 2026-12-01T22:00:00+08:00`);
    process.exit(2);
  }
  return raw;
})();

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const unknown = args.filter((arg) => !['--in-memory', '--no-build'].includes(arg) && !arg.startsWith('--timeout='));
if (unknown.length > 0) {
  console.error(`✗ 不认识的选项：${unknown.join(' ')}\n\n${HELP}`);
  process.exit(2);
}
const inMemory = args.includes('--in-memory') || process.env.LIANXIN_IN_MEMORY === '1';
// Serve the H5 build already in miniprogram/dist/h5 (a faster restart when the API port has not changed).
const reuseH5Build = args.includes('--no-build');
const timeoutFlag = args.filter((arg) => arg.startsWith('--timeout=')).pop();
const green = (s: string) => `\x1b[32m${s}\x1b[0m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;
const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
let stopping = false;

async function main() {
  const began = Date.now();
  console.log(bold('连心 Lianxin — 本地启动') + (inMemory ? '（内存数据库，退出后数据清空）' : '（数据保存在 .local-data/dynamodb）'));
  const timeoutSeconds = timeoutFlag ? startTimeoutSeconds(timeoutFlag.slice('--timeout='.length), '--timeout') : startTimeoutSeconds();
  let stack: Stack | undefined;
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
    timeoutSeconds,
    clock,
    onStep: (step, ms) => console.log(`${green('✓')} ${step} 就绪（${(ms / 1000).toFixed(1)} 秒）`),
    onWaiting: (part, seconds, doing) => console.log(dim(`… ${part} 仍在${doing}（已 ${seconds} 秒）`)),
  });

  const personas = await new PersonaRepository({ client: documentClient({ region: 'local', endpoint: stack.dynamoEndpoint }), tableName: 'lianxin-local' }).listPersonas();
  const memory = measureMemory(stack.processes());
  console.log(`\n${bold('全部就绪')}，用时 ${((Date.now() - began) / 1000).toFixed(1)} 秒`);
  console.log(memory ? formatMemory(memory) : '内存占用（常驻）：本系统无法读取');
  console.log('');
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
  if (stopping) return; // Ctrl-C during start-up: the parts it stopped fail to start, which is no news
  if (error instanceof StartupError) console.error(`✗ ${error.message}`);
  else console.error(`✗ 启动失败：${(error instanceof Error ? error.stack || error.message : String(error)) || '（没有错误信息）'}`);
  await stopAllChildren();
  process.exit(1);
});
