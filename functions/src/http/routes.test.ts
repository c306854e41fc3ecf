import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ZodObject, type ZodTypeAny } from 'zod';
import { ROLES } from '@shared/roles';
import { routes, type RouteSpec } from './routes';

const ROOT = join(__dirname, '..', '..', '..');
const entries = Object.entries(routes) as [string, RouteSpec][];
const handlerFileOf = (name: string) => `functions/src/handlers/${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function loadYaml(file: string) {
  // serverless.yml uses CloudFormation tags; read them as plain values.
  const tags = ['GetAtt', 'Ref', 'Sub', 'Join'].flatMap((t) => [
    { tag: `!${t}`, resolve: (v: unknown) => v },
    { tag: `!${t}`, collection: 'seq' as const, resolve: (v: unknown) => v },
  ]);
  return parse(readFileSync(join(ROOT, file), 'utf8'), { customTags: tags as never });
}

/** The keys a strict zod object accepts (ZodEffects/defaults unwrapped). */
function bodyKeys(schema: ZodTypeAny): string[] {
  let s: ZodTypeAny = schema;
  while (!(s instanceof ZodObject) && s._def?.schema) s = s._def.schema;
  expect(s).toBeInstanceOf(ZodObject);
  expect((s as ZodObject<never>)._def.unknownKeys).toBe('strict');
  return Object.keys((s as ZodObject<never>).shape).sort();
}

describe('the route table', () => {
  it.each(entries)('%s declares who may call it', (_name, route) => {
    if (route.roles === 'public') return;
    expect(route.roles.length).toBeGreaterThan(0);
    for (const role of route.roles) expect(ROLES).toContain(role);
  });

  it('has one route per method and path', () => {
    const keys = entries.map(([, r]) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(entries)('%s has a handler file named after it', (name) => {
    expect(existsSync(join(ROOT, `${handlerFileOf(name)}.ts`))).toBe(true);
  });
});

describe('serverless.yml agrees with the route table', () => {
  const sls = loadYaml('serverless.yml');
  const httpFunctions = Object.entries(sls.functions as Record<string, { handler: string; events?: { httpApi?: { method: string; path: string } }[] }>).filter(
    ([, fn]) => fn.events?.some((e) => e.httpApi),
  );

  it('deploys exactly the routes of the table', () => {
    expect(httpFunctions.map(([name]) => name).sort()).toEqual(entries.map(([name]) => name).sort());
  });

  it.each(entries)('%s is wired to its method, path and handler', (name, route) => {
    const fn = sls.functions[name];
    // Lambda splits module and export at the first dot of the file name: no dots in handler file names.
    expect(fn.handler).toBe(`${handlerFileOf(name)}.handler`);
    expect(handlerFileOf(name).split('/').pop()).not.toContain('.');
    expect(fn.events).toEqual([{ httpApi: { method: route.method, path: route.path } }]);
  });
});

describe('docs/openapi.yaml agrees with the route table', () => {
  const doc = loadYaml('docs/openapi.yaml');
  const documented: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(ops)) documented.push(`${method.toUpperCase()} ${path}`);
  }

  it('documents every route and nothing else', () => {
    expect(documented.sort()).toEqual(entries.map(([, r]) => `${r.method} ${r.path}`).sort());
  });

  it.each(entries)('%s: roles, request body and success status match', (name, route) => {
    const op = doc.paths[route.path][route.method.toLowerCase()];
    expect(op.operationId).toBe(name);
    expect(op['x-roles']).toEqual(route.roles === 'public' ? ['public'] : [...route.roles]);
    expect(Object.keys(op.responses)).toContain(String(route.successStatus ?? 200));
    if (route.roles !== 'public') {
      expect(op.security).toEqual([{ session: [] }]);
      expect(Object.keys(op.responses)).toContain('401');
    }
    if (route.body) {
      const raw = op.requestBody.content['application/json'].schema;
      const schema = raw.$ref ? doc.components.schemas[raw.$ref.split('/').pop()] : raw;
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties).sort()).toEqual(bodyKeys(route.body));
    } else {
      expect(op.requestBody).toBeUndefined();
    }
    const documentedQuery = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name).sort();
    expect(documentedQuery).toEqual(route.query ? bodyKeys(route.query) : []);
    const documentedPath = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name).sort();
    expect(documentedPath).toEqual([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
  });
});
