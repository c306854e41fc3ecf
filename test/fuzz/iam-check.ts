import { contexts, type RouteName } from '@shared/contract';
import { lambdas } from '../../functions/src/deployment';
import type { CallGrant } from './table-watch';

/**
 * What each Lambda's role allows on the table and its indexes, read from the IAM statements that deployment.ts gives
 * serverless.yml: `{ table: actions, GSI1: actions, … }`. DynamoDB Local checks no permission; this is the check AWS
 * would make, so a use case that starts a BatchGetItem, a ConditionCheck or a Query on an index its Lambda was not
 * granted fails here rather than as an AccessDeniedException in production.
 */
export type Grants = Record<string, Set<string>>;

function targetOf(resource: unknown): string | undefined {
  const text = JSON.stringify(resource);
  if (!text.includes('LianxinTable')) return undefined;
  const index = /"index","(GSI\d)"/.exec(text);
  return index ? index[1] : 'table';
}

export function grantsOfLambda(name: string): Grants {
  const grants: Grants = {};
  for (const statement of lambdas[name]!.iam) {
    const actions = statement.Action.filter((a) => a.startsWith('dynamodb:')).map((a) => a.slice('dynamodb:'.length));
    for (const resource of statement.Resource) {
      const target = targetOf(resource);
      if (!target) continue;
      grants[target] ??= new Set();
      for (const action of actions) grants[target].add(action);
    }
  }
  return grants;
}

const lambdaOfContext = new Map(Object.entries(lambdas).flatMap(([name, spec]) => (spec.context ? [[spec.context, name] as const] : [])));

/** The Lambda that serves a route: the one whose context holds it. */
export function lambdaOfRoute(route: RouteName): string {
  const context = Object.entries(contexts).find(([, routesOf]) => route in routesOf)?.[0];
  const name = context ? lambdaOfContext.get(context as never) : undefined;
  if (!name) throw new Error(`no Lambda serves ${route}`);
  return name;
}

/** Each call its Lambda's role would refuse, described; none when every call is granted. */
export function ungrantedCalls(grants: Grants, calls: readonly CallGrant[]): string[] {
  const problems = new Set<string>();
  for (const call of calls) {
    const target = call.index ?? 'table';
    for (const action of call.actions) if (!grants[target]?.has(action)) problems.add(`dynamodb:${action} on ${target === 'table' ? 'the table' : `index ${target}`}`);
  }
  return [...problems];
}
