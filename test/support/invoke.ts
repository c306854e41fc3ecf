import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Handler } from '../../functions/src/http/define-handler';
import { routes, type RouteName } from '../../functions/src/http/routes';

export interface Invocation {
  body?: unknown;
  rawBody?: string;
  token?: string;
  params?: Record<string, string>;
}

export interface InvocationResult<T = any> {
  status: number;
  headers: Record<string, string | number | boolean>;
  body: T;
}

/** Calls a Lambda handler with the API Gateway (HTTP API, payload v2) event for one of our routes. */
export async function invoke<T = any>(handler: Handler, route: RouteName, call: Invocation = {}): Promise<InvocationResult<T>> {
  const spec = routes[route];
  let rawPath: string = spec.path;
  for (const [key, value] of Object.entries(call.params ?? {})) rawPath = rawPath.replace(`{${key}}`, encodeURIComponent(value));
  const event = {
    version: '2.0',
    routeKey: `${spec.method} ${spec.path}`,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...(call.token ? { authorization: `Bearer ${call.token}` } : {}) },
    pathParameters: call.params ? Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k, encodeURIComponent(v)])) : undefined,
    requestContext: { http: { method: spec.method, path: rawPath } },
    body: call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  const result = (await handler(event)) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: result.body ? JSON.parse(result.body) : undefined,
  };
}

/** `signInWithWechat` → `sign-in-with-wechat`: the handler file of a route is named after it. */
export function handlerFileOf(route: string): string {
  return route.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Loads every route's handler in a fresh module registry whose configuration and container are built from
 * `env` (then the process environment is put back, so other loads in the same file are unaffected).
 */
export function loadHandlers(env: Record<string, string>): Record<RouteName, Handler> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const handlers = {} as Record<RouteName, Handler>;
  try {
    jest.isolateModules(() => {
      require('../../functions/src/container').container();
      for (const route of Object.keys(routes) as RouteName[]) {
        handlers[route] = require(`../../functions/src/handlers/${handlerFileOf(route)}`).handler;
      }
    });
  } finally {
    process.env = saved;
  }
  return handlers;
}
