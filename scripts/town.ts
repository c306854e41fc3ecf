/**
 * Towns (镇/街道) and their first 镇街管理员 — the operator's command: how the very first town admin of a fresh
 * deployment is made (a town admin then creates the town's studios and their first admins in the app).
 *
 *   npm run town -- create 洛社镇 惠山区          # the town (running it again answers the one that exists)
 *   npm run town -- grant-admin 洛社镇 <userId>   # a person who signed in once becomes its 镇街管理员 at once
 *   npm run town -- grant-admin 洛社镇 invite     # or an invite code to hand over (72 hours; 我的 → 输入邀请码)
 *   npm run town -- list
 *
 * By default it writes to the local stack's table (`npm start`). For a deployed stage, with that stage's AWS
 * credentials in the environment: TABLE_NAME=lianxin-prod AWS_REGION=cn-northwest-1 npm run town -- create 洛社镇 惠山区
 */
import '../test/support/quiet-sdk-node-warning';
import { monotonicFactory } from 'ulid';
import { documentClient } from '../functions/src/data/dynamodb-client';
import { UserRepository } from '../functions/src/auth/user.repository';
import { StudioRepository } from '../functions/src/studio/studio.repository';
import { MembershipRepository } from '../functions/src/towns/membership.repository';
import { TownRepository } from '../functions/src/towns/town.repository';
import { createTown, createTownAdminInvite, grantTownAdmin, OperatorError, type OperatorDeps } from '../functions/src/towns/town-operator.use-case';
import { LOCAL_TABLE } from './lib/stack';

function depsFrom(env: NodeJS.ProcessEnv): OperatorDeps {
  const deployed = !!env.TABLE_NAME;
  const endpoint = env.DYNAMODB_ENDPOINT ?? (deployed ? undefined : `http://127.0.0.1:${env.LIANXIN_DYNAMODB_PORT || '8000'}`);
  const client = documentClient({ region: env.AWS_REGION ?? (deployed ? 'cn-northwest-1' : 'local'), ...(endpoint ? { endpoint } : {}) });
  const table = { client, tableName: env.TABLE_NAME ?? LOCAL_TABLE };
  return { towns: new TownRepository(table), memberships: new MembershipRepository(table), users: new UserRepository(table), studios: new StudioRepository(table), newId: monotonicFactory(), now: () => new Date() };
}

export async function runTownCommand(args: string[], deps: OperatorDeps, print: (line: string) => void): Promise<void> {
  const [command, first, second] = args;
  if (command === 'create' && first) {
    const { town, created } = await createTown(deps, first, second ?? '');
    print(`${created ? '已创建' : '已存在'}：${town.name}（${town.district || '未填区县'}），编号 ${town.id}`);
    return;
  }
  if (command === 'grant-admin' && first && second === 'invite') {
    const { town, code, expiresAt, roleLabel } = await createTownAdminInvite(deps, first);
    print(`${town.name}「${roleLabel}」邀请码：${code}（${expiresAt} 前有效；在小程序「我的 → 输入邀请码」使用）`);
    return;
  }
  if (command === 'grant-admin' && first && second) {
    const { town, displayName } = await grantTownAdmin(deps, first, second);
    print(`${displayName} 现在是${town.name}的镇街管理员（下次打开小程序生效）`);
    return;
  }
  if (command === 'list') {
    const towns = await deps.towns.listTowns();
    print(towns.length ? towns.map((t) => `${t.name}（${t.district}） ${t.id}`).join('\n') : '还没有镇街');
    return;
  }
  throw new OperatorError('用法：npm run town -- create <名称> [区县] | grant-admin <镇街> <用户编号|invite> | list');
}

if (require.main === module) {
  runTownCommand(process.argv.slice(2), depsFrom(process.env), (line) => console.log(line)).catch((error: unknown) => {
    console.error('✗', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
