import { isDeepStrictEqual } from 'node:util';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ZodTypeAny } from 'zod';
import { contexts, routes, type RouteName } from '@shared/contract';
import type { Handler } from '../../functions/src/http/router';
import { apiGatewayEventOf, type ApiCall } from '../../scripts/lib/api-event';

export type Invocation = ApiCall;

export interface InvocationResult<T = any> {
  status: number;
  headers: Record<string, string | number | boolean>;
  body: T;
}

/**
 * Checks a successful JSON answer against its route's response schema in the contract: a field that is missing, of
 * another type, or not in the contract at all (zod drops unknown keys, so the parsed copy would differ) fails the test.
 */
export function expectMatchesContract(route: RouteName, status: number, body: unknown): void {
  const spec = routes[route];
  if (status >= 300 || !('parse' in (spec.response as object))) return;
  if (status !== (('status' in spec ? spec.status : undefined) ?? 200)) throw new Error(`${route} answered ${status}, the contract says ${('status' in spec ? spec.status : undefined) ?? 200}`);
  const parsed = (spec.response as ZodTypeAny).safeParse(body);
  if (!parsed.success) throw new Error(`${route}: the answer does not match its response schema: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`);
  // zod drops keys its schema does not declare: a parsed copy that differs means the answer carries more than the contract
  const drift = !isDeepStrictEqual(parsed.data, body);
  if (drift) throw new Error(`${route}: the answer carries fields its response schema does not declare:\n${JSON.stringify(body).slice(0, 400)}\n≠\n${JSON.stringify(parsed.data).slice(0, 400)}`);
}

/** Calls a context's Lambda with the API Gateway (HTTP API, payload v2) event of one of its routes. */
export async function invoke<T = any>(handler: Handler, route: RouteName, call: Invocation = {}): Promise<InvocationResult<T>> {
  const event = apiGatewayEventOf(route, call);
  const result = (await handler(event)) as APIGatewayProxyStructuredResultV2;
  const status = result.statusCode ?? 200;
  const headers = (result.headers ?? {}) as Record<string, string>;
  // a file answer (base64) is left as it is, even a JSON file (the resident's data export)
  const isJson = !result.isBase64Encoded && String(headers['content-type'] ?? '').startsWith('application/json');
  const body = result.body && isJson ? JSON.parse(result.body) : result.body;
  if (isJson) expectMatchesContract(route, status, body);
  return { status, headers, body };
}

/** The Lambda that serves each route: its context's (functions/src/<context>/lambda.ts). */
export const contextOf = Object.fromEntries(
  Object.entries(contexts).flatMap(([context, contextRoutes]) => Object.keys(contextRoutes).map((route) => [route, context])),
) as Record<RouteName, keyof typeof contexts>;

/**
 * Loads every context's Lambda in a fresh module registry whose configuration is read from `env` (then the process
 * environment is put back, so other loads in the same file are unaffected). Returns, per route, the Lambda serving it.
 * Outside the local stage, `parameters` plays SSM Parameter Store (by parameter name) for the names `env` gives.
 */
export function loadHandlers(env: Record<string, string>, parameters?: Record<string, string>): Record<RouteName, Handler> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const lambdas = {} as Record<string, Handler>;
  try {
    jest.isolateModules(() => {
      if (parameters) jest.doMock('../../functions/src/wiring/ssm-parameters', () => ({ ssmParameters: async () => parameters }));
      const { config } = require('../../functions/src/config');
      // reads the environment now (the first call does, before anything async); a problem shows on the first request
      config().catch(() => undefined);
      for (const context of Object.keys(contexts)) lambdas[context] = require(`../../functions/src/${context}/lambda`).handler;
    });
  } finally {
    process.env = saved;
  }
  return Object.fromEntries(Object.keys(routes).map((route) => [route, lambdas[contextOf[route as RouteName]]])) as Record<RouteName, Handler>;
}
