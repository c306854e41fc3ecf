import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { defineRoutes } from '@shared/contract/define';
import { SessionTokens } from '../auth/session-tokens';
import { ConfigurationError, type Config } from '../config';
import { RecordingMetrics } from '../metrics';
import { ConflictError } from '../errors';
import { FileResponse } from './file-response';
import { createRouter, type RouterDeps } from './router';

const NOW = new Date('2026-11-23T01:00:00Z');
const tokens = new SessionTokens(new TextEncoder().encode('router-test-secret-long-enough-0123456789'), 3600);
/** The stored users the router checks a token against (their role now, whatever the token says). */
const stored = new Map<string, { id: string; role: string; studioId?: string }>([
  ['u1', { id: 'u1', role: 'resident' }],
  ['u2', { id: 'u2', role: 'admin', studioId: 's' }],
]);
const users = { getUser: async (id: string) => stored.get(id) };
const routes = defineRoutes({
  open: { method: 'GET', path: '/things/{thingId}', roles: 'public', response: z.object({ id: z.string() }), summary: 'a public read' },
  make: { method: 'POST', path: '/things', roles: ['admin'], body: z.object({ name: z.string().min(2, '名称至少 2 个字') }).strict(), response: z.object({ name: z.string() }), status: 201, summary: 'an admin write' },
  find: { method: 'GET', path: '/search', roles: ['resident', 'admin'], query: z.object({ q: z.string().max(5) }).strict(), response: z.object({ q: z.string() }), summary: 'a query' },
  clash: { method: 'POST', path: '/clash', roles: 'public', response: z.object({}), summary: 'always a conflict' },
  file: { method: 'GET', path: '/file', roles: 'public', response: { file: 'text/csv' }, summary: 'a file' },
  local: { method: 'GET', path: '/local', roles: 'public', response: z.object({ ok: z.boolean() }), localOnly: true, summary: 'local only' },
});

/** Whatever configuration: these routers' wiring reads none of it. */
const anyConfig = async () => ({ logLevel: 'INFO' }) as Config;

function routerOn(isLocalStage: boolean, metrics = new RecordingMetrics()) {
  let wired = 0;
  const deps = (): RouterDeps => {
    wired += 1;
    return { tokens, now: () => NOW, isLocalStage, maxBodyBytes: 1024, users: users as never, metrics };
  };
  const handler = createRouter(
    routes,
    {
      open: async ({ params }) => ({ id: params.thingId }),
      make: async ({ body }) => ({ name: body.name }),
      find: async ({ query }) => ({ q: query.q }),
      clash: async () => {
        throw new ConflictError('已经有人改过了');
      },
      file: async () => new FileResponse(Buffer.from('a,b\n'), 'text/csv; charset=utf-8', '导出.csv'),
      local: async () => ({ ok: true }),
    },
    deps,
    anyConfig,
  );
  return { handler, wiredCount: () => wired };
}

function event(routeKey: string, init: { params?: Record<string, string>; query?: Record<string, string>; body?: string; token?: string; requestId?: string } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey,
    rawPath: '/',
    headers: init.token ? { authorization: `Bearer ${init.token}` } : {},
    pathParameters: init.params,
    queryStringParameters: init.query,
    body: init.body,
    isBase64Encoded: false,
    requestContext: { http: { method: routeKey.split(' ')[0] }, ...(init.requestId ? { requestId: init.requestId } : {}) },
  } as unknown as APIGatewayProxyEventV2;
}

const answer = async (p: Promise<APIGatewayProxyStructuredResultV2>) => {
  const r = await p;
  return { status: r.statusCode, body: r.headers?.['content-type']?.toString().startsWith('application/json') ? JSON.parse(r.body!) : r.body, headers: r.headers ?? {} };
};

describe('a context router', () => {
  it('serves a route by its route key, with decoded path parameters, and wires its dependencies once', async () => {
    const { handler, wiredCount } = routerOn(false);
    expect(await answer(handler(event('GET /things/{thingId}', { params: { thingId: 'a%3Db' } })))).toMatchObject({ status: 200, body: { id: 'a=b' } });
    await handler(event('GET /things/{thingId}', { params: { thingId: 'x' } }));
    expect(wiredCount()).toBe(1);
  });

  it('answers 404 for a route it does not serve, and for a local-only route off the local stage', async () => {
    expect((await answer(routerOn(true).handler(event('GET /elsewhere')))).status).toBe(404);
    expect((await answer(routerOn(false).handler(event('GET /local')))).status).toBe(404);
    expect(await answer(routerOn(true).handler(event('GET /local')))).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('refuses an overlong path parameter before running anything, naming it', async () => {
    const res = await answer(routerOn(false).handler(event('GET /things/{thingId}', { params: { thingId: 'a'.repeat(2048) } })));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['thingId']);
  });

  it('asks for a session, then for the role', async () => {
    const { handler } = routerOn(false);
    expect((await answer(handler(event('POST /things', { body: '{"name":"新的"}' })))).status).toBe(401);
    const resident = (await tokens.issue({ userId: 'u1', role: 'resident' }, NOW)).token;
    expect((await answer(handler(event('POST /things', { body: '{"name":"新的"}', token: resident })))).status).toBe(403);
    const admin = (await tokens.issue({ userId: 'u2', role: 'admin', studioId: 's' }, NOW)).token;
    expect(await answer(handler(event('POST /things', { body: '{"name":"新的"}', token: admin })))).toMatchObject({ status: 201, body: { name: '新的' } });
  });

  it('takes the role from the stored user, not the token: a role taken away counts at once; a deleted user has no session', async () => {
    const { handler } = routerOn(false);
    stored.set('u3', { id: 'u3', role: 'admin', studioId: 's' });
    const old = (await tokens.issue({ userId: 'u3', role: 'admin', studioId: 's' }, NOW)).token;
    expect((await answer(handler(event('POST /things', { body: '{"name":"新的"}', token: old })))).status).toBe(201);
    stored.set('u3', { id: 'u3', role: 'resident' });
    expect((await answer(handler(event('POST /things', { body: '{"name":"新的"}', token: old })))).status).toBe(403);
    stored.delete('u3');
    expect((await answer(handler(event('POST /things', { body: '{"name":"新的"}', token: old })))).status).toBe(401);
  });

  it('refuses a signed token that never expires', async () => {
    const forever = await new SignJWT({ role: 'admin', studioId: 's' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('u2')
      .setIssuer('lianxin')
      .setAudience('lianxin-api')
      .setIssuedAt(Math.floor(NOW.getTime() / 1000))
      .sign(new TextEncoder().encode('router-test-secret-long-enough-0123456789'));
    expect((await answer(routerOn(false).handler(event('POST /things', { body: '{"name":"新的"}', token: forever })))).status).toBe(401);
  });

  it('checks the body and the query against the contract, naming the field in Chinese', async () => {
    const { handler } = routerOn(false);
    const admin = (await tokens.issue({ userId: 'u2', role: 'admin', studioId: 's' }, NOW)).token;
    expect((await answer(handler(event('POST /things', { body: '{"name":"x"}', token: admin })))).body.error.fields).toEqual({ name: '名称至少 2 个字' });
    expect((await answer(handler(event('POST /things', { body: '{"name":"好的","role":"admin"}', token: admin })))).body.error.fields).toEqual({ role: '不允许提交此字段' });
    expect((await answer(handler(event('POST /things', { body: 'not json', token: admin })))).status).toBe(400);
    expect((await answer(handler(event('POST /things', { body: 'x'.repeat(2000), token: admin })))).status).toBe(413);
    expect((await answer(handler(event('GET /search', { query: { q: '太长的查询词语' }, token: admin })))).body.error.fields).toHaveProperty('q');
    expect((await answer(handler(event('GET /search', { query: { q: 'ok', other: '1' }, token: admin })))).body.error.fields).toEqual({ other: '不允许提交此字段' });
  });

  it('maps domain errors through the one error vocabulary, and sends files as base64', async () => {
    const { handler } = routerOn(false);
    expect(await answer(handler(event('POST /clash')))).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: '已经有人改过了' } } });
    const file = await handler(event('GET /file'));
    expect(file.isBase64Encoded).toBe(true);
    expect(Buffer.from(file.body!, 'base64').toString()).toBe('a,b\n');
    expect(decodeURIComponent(String(file.headers!['content-disposition']))).toContain('导出.csv');
  });

  it('returns the request id in every error body, and publishes what each request counted', async () => {
    const metrics = new RecordingMetrics();
    const { handler } = routerOn(false, metrics);
    const conflict = await answer(handler(event('POST /clash', { requestId: 'Kx2pQj8vPAMEbcQ=' })));
    expect(conflict.body).toEqual({ error: { code: 'CONFLICT', message: '已经有人改过了', requestId: 'Kx2pQj8vPAMEbcQ=' } });
    expect((await answer(handler(event('POST /things', { body: '{}', requestId: 'Lz3' })))).body.error.requestId).toBe('Lz3');
    // no id in the event (a direct invocation): no id in the body
    expect((await answer(handler(event('POST /clash')))).body.error).not.toHaveProperty('requestId');
    expect(metrics.flushes).toBe(3);
  });

  it('answers 503 when the function cannot start for want of configuration, says why in one log line, and tries again on the next request', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) => jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(String(args[0]))));
    let attempts = 0;
    const loadConfig = async () => {
      attempts += 1;
      if (attempts === 1) throw new ConfigurationError(['missing or empty in Parameter Store: /lianxin/prod/session-secret']);
      return { logLevel: 'INFO' } as Config;
    };
    const handler = createRouter(routes, { open: async ({ params }: { params: { thingId: string } }) => ({ id: params.thingId }) } as never, () => ({ tokens, now: () => NOW, isLocalStage: false, maxBodyBytes: 1024, users: users as never, metrics: new RecordingMetrics() }), loadConfig);
    try {
      const first = await answer(handler(event('GET /things/{thingId}', { params: { thingId: 'a' }, requestId: 'R-1' })));
      expect(first).toMatchObject({ status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', requestId: 'R-1' } } });
      expect(lines).toHaveLength(1);
      const logged = JSON.parse(lines[0]!);
      expect(logged).toMatchObject({ level: 'ERROR', message: 'configuration incomplete: missing or empty in Parameter Store: /lianxin/prod/session-secret', correlation_id: 'R-1' });
      expect(logged).not.toHaveProperty('stack');
      // the parameter was created in the meantime: the next request starts the function
      expect(await answer(handler(event('GET /things/{thingId}', { params: { thingId: 'a' } })))).toMatchObject({ status: 200, body: { id: 'a' } });
      expect(attempts).toBe(2);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
