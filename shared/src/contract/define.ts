import type { ZodTypeAny, infer as ZodInfer, input as ZodInput } from 'zod';
import { z } from '../zod-zh';
import type { Role } from '../roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route answers: JSON checked by a schema, or a file (a PDF poster, a CSV export). */
export type ResponseSpec = ZodTypeAny | { file: string };

/**
 * One route of the API, written once. The router of its context serves it (size limit, who may call, params, query
 * and body checked with these schemas), `docs/openapi.yaml` is generated from it, the mini-program calls it through
 * `call()`, the integration tests check every answer against `response`, and serverless.yml's events come from it.
 */
export interface RouteSpec {
  method: HttpMethod;
  path: string;
  /** `public` must be said out loud; a route that names no roles is denied to everyone. */
  roles: readonly Role[] | 'public';
  /** Query string parameters, checked like a body (unknown ones rejected). */
  query?: ZodTypeAny;
  /** The JSON body; strict objects (unknown fields rejected). */
  body?: ZodTypeAny;
  response: ResponseSpec;
  /** 200 unless said. */
  status?: number;
  summary: string;
  /** Served only on the local stage (demo personas, the local outbox); not deployed elsewhere. */
  localOnly?: boolean;
}

/** `{studioId}` in a path → `{ studioId: string }`. */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? { [K in Name | keyof PathParams<Rest>]: string } : {};

export type ParamsOf<R extends RouteSpec> = PathParams<R['path']>;
export type BodyOf<R extends RouteSpec> = R['body'] extends ZodTypeAny ? ZodInfer<R['body']> : undefined;
/** What a caller may send as the body (before defaults are filled in). */
export type BodyInputOf<R extends RouteSpec> = R['body'] extends ZodTypeAny ? ZodInput<R['body']> : undefined;
export type QueryOf<R extends RouteSpec> = R['query'] extends ZodTypeAny ? ZodInfer<R['query']> : Record<string, never>;
export type QueryInputOf<R extends RouteSpec> = R['query'] extends ZodTypeAny ? ZodInput<R['query']> : undefined;
export type ResponseOf<R extends RouteSpec> = R['response'] extends ZodTypeAny ? ZodInfer<R['response']> : never;

/** Declares the routes of one context; the names become operation ids, router keys and client names. */
export function defineRoutes<const T extends Record<string, RouteSpec>>(routes: T): T {
  return routes;
}

/** The names in a path template, in order: `/stands/{standId}/entries/{entryId}` → `['standId', 'entryId']`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/**
 * Every path parameter is checked before any I/O: ids, scenes and codes are short and plain. A longer or stranger
 * value can name nothing we store, so it is refused with the parameter named (not a 500 from the database).
 */
export const pathParamSchema = z
  .string()
  .min(1, '缺少路径参数')
  .max(64, '路径参数过长')
  .regex(/^[A-Za-z0-9=_.%\-]+$/, '路径参数格式不正确');

/** The params schema of a route, derived from its path. */
export function paramsSchemaOf(route: Pick<RouteSpec, 'path'>) {
  return z.object(Object.fromEntries(pathParamNames(route.path).map((name) => [name, pathParamSchema]))).strict();
}

/** `GET /studios/{studioId}/board` — the route key of API Gateway's HTTP API, also used by the routers. */
export function routeKeyOf(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** Fills a path template: `/bookings/{bookingId}` + `{ bookingId: 'X' }` → `/bookings/X` (each value URI-encoded). */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
