import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeKeyOf, routes, type RouteName } from '../../shared/src/contract';

/** What a request to one route carries: path parameters, query, a JSON body (or a raw one), a session token. */
export interface ApiCall {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  token?: string;
}

/** The API Gateway (HTTP API, payload v2) event of a request to a route of the contract, as its Lambda receives it. */
export function apiGatewayEventOf(route: RouteName, call: ApiCall = {}): APIGatewayProxyEventV2 {
  const spec = routes[route];
  let rawPath: string = spec.path;
  for (const [key, value] of Object.entries(call.params ?? {})) rawPath = rawPath.replace(`{${key}}`, encodeURIComponent(value));
  return {
    version: '2.0',
    routeKey: routeKeyOf(spec),
    rawPath,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...(call.token ? { authorization: `Bearer ${call.token}` } : {}) },
    queryStringParameters: call.query,
    pathParameters: call.params ? Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k, encodeURIComponent(v)])) : undefined,
    requestContext: { http: { method: spec.method, path: rawPath } },
    body: call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}
