import { OpenAPIRegistry, OpenApiGeneratorV3, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { stringify } from 'yaml';
import type { ZodTypeAny } from 'zod';
import { z } from '../../shared/src/zod-zh';
import { contexts, paramsSchemaOf, pathParamNames, type RouteSpec } from '../../shared/src/contract';
import { CONFLICT_REASONS, ERROR_STATUS, type ErrorCode } from '../../shared/src/errors';

// Only the generator needs zod's `.openapi()`; the functions and the mini-program never load this.
extendZodWithOpenApi(z);

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

const errorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe('Chinese, fit to show a resident'),
    fields: z.record(z.string()).optional().describe("a field's path → its message (400 only)"),
    reason: z.enum(CONFLICT_REASONS).optional().describe('on some 409s, what a screen needs to tell them apart'),
    requestId: z.string().optional().describe("API Gateway's id of the request, also on its log lines (quote it when reporting a problem)"),
  }),
});

const ERROR_ANSWERS: Record<string, string> = {
  '400': 'Invalid input (path, query or body); nothing was changed',
  '401': 'No valid session',
  '403': 'Signed in, but not allowed',
  '404': 'Not found',
  '409': 'Conflicts with the current state (full, already done, changed meanwhile)',
  '413': 'Body over 64 KB',
  '422': 'The same retry key with another body',
  '429': 'Too many attempts; see Retry-After',
};

function errorAnswersOf(route: RouteSpec): string[] {
  const codes = ['400', '404', '500'];
  if (route.roles !== 'public') codes.push('401', '403');
  if (route.body) codes.push('413');
  if (route.method !== 'GET') codes.push('409', '422', '429');
  return [...new Set(codes)].sort();
}

/**
 * The OpenAPI document of the API, made from the contract (shared/src/contract): every route with its roles
 * (`x-roles`), context (`x-context`), params, query, body, success answer and error answers. `npm run openapi` writes
 * it to docs/openapi.yaml; a test fails when the committed file differs from a fresh generation.
 */
export function openApiDocument(): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (HS256, 2 hours)' });
  const error = registry.register('Error', errorBody);

  for (const [context, routes] of Object.entries(contexts)) {
    for (const [name, route] of Object.entries(routes) as [string, RouteSpec][]) {
      const status = String(route.status ?? 200);
      const success =
        'parse' in route.response
          ? { description: route.summary, content: { 'application/json': { schema: route.response as ZodTypeAny } } }
          : { description: route.summary, content: { [route.response.file]: { schema: { type: 'string' as const, format: 'binary' } } } };
      const responses: Record<string, unknown> = { [status]: success };
      for (const code of errorAnswersOf(route)) {
        responses[code] = { description: ERROR_ANSWERS[code] ?? 'Internal error; nothing internal is revealed', content: { 'application/json': { schema: error } } };
      }
      registry.registerPath({
        method: route.method.toLowerCase() as 'get',
        path: route.path,
        operationId: name,
        summary: route.summary,
        tags: [context],
        ...(route.roles === 'public' ? {} : { security: [{ session: [] }] }),
        request: {
          ...(pathParamNames(route.path).length ? { params: paramsSchemaOf(route) } : {}),
          ...(route.query ? { query: route.query as never } : {}),
          ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
        },
        responses: responses as never,
        'x-roles': route.roles === 'public' ? ['public'] : [...route.roles],
        'x-context': context,
        ...(route.localOnly ? { 'x-local-only': true } : {}),
      });
    }
  }

  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: '连心 Lianxin API',
      version: '0.2.0',
      description: [
        'Generated from the contract in shared/src/contract by `npm run openapi`; do not edit by hand (a test compares it',
        'with a fresh generation). Every route names the roles that may call it in `x-roles` (`public` = anyone, signed in',
        'or not) and the context whose Lambda serves it in `x-context`. Every error body is `{"error": {"code", "message",',
        '"fields"?, "reason"?, "requestId"?}}`; `message` is Chinese and fit to show a resident; `requestId` finds the',
        "request's log lines.",
      ].join('\n'),
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'npm start (serverless-offline, local stage)' }],
  }) as unknown as Record<string, unknown>;
}

export function openApiYaml(): string {
  return stringify(openApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}
