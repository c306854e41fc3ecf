import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZodObject, type ZodTypeAny } from 'zod';
import { ROLES } from '@shared/roles';
import { contexts, paramsSchemaOf, routes, routeKeyOf, type RouteSpec } from '@shared/contract';
import { lambdas, serverlessFunctions } from '../deployment';
import { openApiYaml } from '../../../scripts/lib/openapi';

const ROOT = join(__dirname, '..', '..', '..');
const entries = Object.entries(routes) as [string, RouteSpec][];

/** The strict zod object under a schema (effects and pipes unwrapped). */
function strictObjectOf(schema: ZodTypeAny): ZodObject<never> {
  let s: ZodTypeAny = schema;
  while (!(s instanceof ZodObject) && (s._def?.schema || s._def?.in)) s = s._def.schema ?? s._def.in;
  expect(s).toBeInstanceOf(ZodObject);
  expect((s as ZodObject<never>)._def.unknownKeys).toBe('strict');
  return s as ZodObject<never>;
}

describe('the contract (shared/src/contract)', () => {
  it('names each route once across all contexts', () => {
    const count = Object.values(contexts).reduce((n, c) => n + Object.keys(c).length, 0);
    expect(Object.keys(routes)).toHaveLength(count);
  });

  it('has one route per method and path', () => {
    const keys = entries.map(([, r]) => routeKeyOf(r));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(entries)('%s declares who may call it', (_name, route) => {
    if (route.roles === 'public') return;
    expect(route.roles.length).toBeGreaterThan(0);
    for (const role of route.roles) expect(ROLES).toContain(role);
  });

  it.each(entries)('%s checks its body and query as strict objects, and every path parameter', (_name, route) => {
    if (route.body) strictObjectOf(route.body);
    if (route.query) strictObjectOf(route.query);
    const params = paramsSchemaOf(route);
    for (const name of Object.keys(params.shape)) {
      expect(params.safeParse({ [name]: 'a'.repeat(2048) }).success).toBe(false);
    }
  });

  it('keeps docs/openapi.yaml as generated from it (run `npm run openapi` after changing a route)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'openapi.yaml'), 'utf8')).toBe(openApiYaml());
  });
});

describe('serverless.yml functions (functions/src/deployment.ts)', () => {
  const httpEvents = (stage: string) =>
    Object.entries(serverlessFunctions(stage) as Record<string, { events: { httpApi?: { method: string; path: string } }[] }>).flatMap(([fn, spec]) =>
      spec.events.filter((e) => e.httpApi).map((e) => ({ fn, key: `${e.httpApi!.method} ${e.httpApi!.path}` })),
    );

  it.each(['local', 'prod'])('on %s, serve each route by exactly one function, the Lambda of its context', (stage) => {
    const served = httpEvents(stage);
    const expected = entries.filter(([, r]) => stage === 'local' || !r.localOnly).map(([, r]) => routeKeyOf(r));
    expect(served.map((s) => s.key).sort()).toEqual(expected.sort());
    for (const { fn, key } of served) {
      const context = lambdas[fn].context!;
      expect(Object.values(contexts[context]).map(routeKeyOf)).toContain(key);
    }
  });

  it('deploys the local-only routes nowhere but the local stage', () => {
    expect(Object.keys(serverlessFunctions('prod'))).not.toContain('local');
    expect(Object.keys(serverlessFunctions('local'))).toContain('local');
  });

  it.each(Object.entries(lambdas))('%s has a handler file without dots in its name', (_name, spec) => {
    // Lambda splits module and export at the first dot of the file name.
    expect(spec.handler.split('/').pop()).not.toContain('.');
    expect(existsSync(join(ROOT, 'functions', 'src', `${spec.handler}.ts`))).toBe(true);
  });

  it('has one Lambda per context, besides the scheduled jobs and the stream consumers', () => {
    const served = Object.values(lambdas).filter((l) => l.context).map((l) => l.context);
    expect(served.sort()).toEqual(Object.keys(contexts).sort());
    for (const spec of Object.values(lambdas)) expect([spec.context, spec.schedule, spec.stream].filter(Boolean)).toHaveLength(1);
  });

  it('feeds the notice consumer from the table’s stream on deployed stages only (the local stack polls the stream itself)', () => {
    const consumers = Object.entries(lambdas).filter(([, spec]) => spec.stream).map(([name]) => name);
    expect(consumers).toEqual(['deliverNotices']);
    expect(Object.keys(serverlessFunctions('local'))).not.toContain('deliverNotices');
    const { events } = serverlessFunctions('prod').deliverNotices as { events: { stream: Record<string, unknown> }[] };
    expect(events).toEqual([
      {
        stream: expect.objectContaining({
          type: 'dynamodb',
          arn: { 'Fn::GetAtt': ['LianxinTable', 'StreamArn'] },
          functionResponseType: 'ReportBatchItemFailures',
          destinations: { onFailure: { arn: { 'Fn::GetAtt': ['NoticeDeadLetterQueue', 'Arn'] }, type: 'sqs' } },
        }),
      },
    ]);
  });

  it('never allows a wildcard action', () => {
    for (const spec of Object.values(lambdas)) {
      for (const statement of spec.iam) for (const action of statement.Action) expect(action).not.toContain('*');
    }
  });
});
