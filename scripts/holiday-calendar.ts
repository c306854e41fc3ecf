/**
 * The national holiday calendar, a year per entry — the operator's command (there is no screen for it: it is the same
 * for every studio, and wrong dates would move every deadline in the country).
 *
 *   npm run holidays -- show 2027
 *   npm run holidays -- put 2027 2027.json     # {"source": "国办发明电〔2026〕X号", "holidays": [...], "workdays": [...]}
 *   npm run holidays -- seed                   # the built-in years that are missing (a fresh deployment)
 *
 * `holidays`: the weekdays off of each break; `workdays`: the 调休 Saturdays and Sundays that are worked. The entry is
 * checked as a whole (every date in the year, 调休 on weekends, none both) and replaces the year's.
 * By default it writes to the local stack's table (`npm start`, DynamoDB Local on LIANXIN_DYNAMODB_PORT, 8000). For a
 * deployed stage, with that stage's AWS credentials in the environment:
 *   TABLE_NAME=lianxin-prod AWS_REGION=cn-northwest-1 npm run holidays -- put 2027 2027.json
 */
import '../test/support/quiet-sdk-node-warning';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { documentClient } from '../functions/src/data/dynamodb-client';
import { DomainError } from '../functions/src/errors';
import { HolidayCalendarRepository } from '../functions/src/studio/holiday-calendar.repository';
import { enterHolidayYear, seedHolidayYears } from '../functions/src/studio/holiday-calendar.use-case';
import { LOCAL_TABLE } from './lib/stack';

function depsFrom(env: NodeJS.ProcessEnv) {
  const deployed = !!env.TABLE_NAME;
  const endpoint = env.DYNAMODB_ENDPOINT ?? (deployed ? undefined : `http://127.0.0.1:${env.LIANXIN_DYNAMODB_PORT || '8000'}`);
  const client = documentClient({ region: env.AWS_REGION ?? (deployed ? 'cn-northwest-1' : 'local'), ...(endpoint ? { endpoint } : {}) });
  return { holidayCalendars: new HolidayCalendarRepository({ client, tableName: env.TABLE_NAME ?? LOCAL_TABLE }), now: () => new Date() };
}

export async function runHolidayCommand(args: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const deps = depsFrom(env);
  const [command, yearText, file] = args;
  const by = `operator:${env.USER ?? userInfo().username}`;
  if (command === 'seed') {
    const entered = await seedHolidayYears(deps, by);
    print(entered.length ? `已录入：${entered.join('、')}年` : '内置的年份都已录入');
    return;
  }
  const year = Number(yearText);
  if (command === 'show') {
    const entry = await deps.holidayCalendars.get(year);
    print(entry ? JSON.stringify(entry, null, 2) : `${yearText}年还没有录入`);
    return;
  }
  if (command === 'put' && file) {
    const entry = await enterHolidayYear(deps, year, JSON.parse(readFileSync(file, 'utf8')), by);
    print(`已录入${entry.year}年：放假 ${entry.holidays.length} 天（工作日），调休上班 ${entry.workdays.length} 天 — ${entry.source}`);
    return;
  }
  throw new Error('用法：npm run holidays -- show <年> | put <年> <文件.json> | seed');
}

if (require.main === module) {
  runHolidayCommand(process.argv.slice(2), process.env, (line) => console.log(line)).catch((error: unknown) => {
    if (error instanceof DomainError) console.error('✗', Object.values(error.fields ?? {}).join('；') || error.message);
    else console.error('✗', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
