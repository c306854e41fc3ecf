import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ZodTypeAny } from 'zod';
import { paramsSchemaOf, routeKeyOf, type BodyOf, type ParamsOf, type QueryOf, type ResponseOf, type RouteSpec } from '@shared/contract/define';
import { fieldErrorsFrom } from '@shared/validation';
import type { Principal } from '../auth/session-tokens';
import { principalOf } from '../auth/user.repository';
import { ForbiddenError, NotFoundError, PayloadTooLargeError, UnauthenticatedError, ValidationError } from '../errors';
import type { Deps } from '../deps';
import { config, type Config } from '../config';
import { beginInvocation } from '../log';
import { coldStartOf } from '../wiring/cold-start';
import { errorResponse, json } from './respond';
import { FileResponse } from './file-response';

type PrincipalOf<R extends RouteSpec> = R['roles'] extends 'public' ? Principal | undefined : Principal;

/** What one route's implementation is given: its context's dependencies and the checked request. */
export interface RequestContext<R extends RouteSpec, D> {
  deps: D;
  principal: PrincipalOf<R>;
  body: BodyOf<R>;
  params: ParamsOf<R>;
  query: QueryOf<R>;
  /** Where the request came from, as API Gateway saw it (rate limits per address; a browser's description). */
  client: ClientInfo;
}

export interface ClientInfo {
  sourceIp?: string;
  userAgent?: string;
}

/** A route answers what its contract says: JSON of its response schema, or a file. */
type AnswerOf<R extends RouteSpec> = R['response'] extends ZodTypeAny ? ResponseOf<R> : FileResponse;

/** One function per route of a context, named as in the contract: every route is served, nothing else is. */
export type Implementations<T extends Record<string, RouteSpec>, D> = {
  [K in keyof T]: (ctx: RequestContext<T[K], D>) => Promise<AnswerOf<T[K]>>;
};

/** What every router needs besides the context's own dependencies. */
export type RouterDeps = Pick<Deps, 'tokens' | 'now' | 'isLocalStage' | 'users' | 'metrics'> & { maxBodyBytes: number };

/**
 * Who is calling: the token says who they are; their stored record says what they are now. A role given or taken
 * since the token was issued counts at once (one GetItem per signed-in request); a deleted user has no session.
 */
async function callerOf(deps: RouterDeps, token: string | undefined): Promise<Principal | undefined> {
  if (!token) return undefined;
  const claimed = await deps.tokens.verify(token, deps.now());
  if (!claimed) return undefined;
  const user = await deps.users.getUser(claimed.userId);
  if (!user) return undefined;
  return principalOf(user);
}

export type Handler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

function bearerToken(event: APIGatewayProxyEventV2): string | undefined {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Percent-decoded parameters. Built from entries, not by assignment: a parameter named `__proto__` stays a parameter
 * (and is refused as unknown), where `values[key] = …` would have set the object's prototype and dropped it.
 */
function decoded(raw: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw ?? {}).flatMap(([key, value]): [string, string][] => {
      if (value === undefined) return [];
      try {
        return [[key, decodeURIComponent(value)]];
      } catch {
        return [[key, value]];
      }
    }),
  );
}

function checked(schema: ZodTypeAny, input: unknown): unknown {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error));
  return parsed.data;
}

function jsonBody(raw: string | undefined): unknown {
  let input: unknown;
  try {
    input = raw ? JSON.parse(raw) : undefined;
  } catch {
    throw new ValidationError({ _: '请求内容不是有效的 JSON' }, '请求格式不正确');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ValidationError({ _: '请求内容应为一个对象' }, '请求格式不正确');
  return input;
}

function fileAnswer(file: FileResponse): APIGatewayProxyStructuredResultV2 {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(file.filename)?.[1] ?? 'bin';
  return {
    statusCode: 200,
    isBase64Encoded: true,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="download.${extension}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
    },
    body: file.body.toString('base64'),
  };
}

/**
 * The Lambda of one context: finds the route by API Gateway's route key, then size limit (413) → who is calling
 * (401/403, from the route's roles) → path params, query and JSON body checked against the contract (400, unknown
 * fields rejected) → the route's implementation → JSON with the route's status, a file, or the error vocabulary.
 *
 * The context's dependencies are wired on the first request (reading the configuration, from Parameter Store outside
 * the local stage) and kept for the container's life. A wiring that fails is not kept: that request is answered 503
 * (config.ts's ConfigurationError, logged once) and the next one wires again. Every log line of a request carries API
 * Gateway's request id, and so does every error body; what the request counted is published when it ends.
 */
export function createRouter<T extends Record<string, RouteSpec>, D extends RouterDeps>(
  routes: T,
  implementations: Implementations<T, D>,
  wire: (cfg: Config) => D,
  loadConfig: () => Promise<Config> = config,
): Handler {
  const byKey = new Map<string, { spec: RouteSpec; run: (ctx: RequestContext<RouteSpec, D>) => Promise<unknown> }>();
  for (const [name, spec] of Object.entries(routes)) {
    byKey.set(routeKeyOf(spec), { spec, run: implementations[name] as never });
  }
  const coldStart = coldStartOf(wire, loadConfig);
  let wiring: Promise<D> | undefined;
  const wired = (): Promise<D> => {
    wiring ??= coldStart().catch((error: unknown) => {
      wiring = undefined;
      throw error;
    });
    return wiring;
  };

  return async (event, context) => {
    const routeKey = event.routeKey ?? `${event.requestContext?.http?.method} ${event.rawPath}`;
    const requestId = event.requestContext?.requestId;
    beginInvocation({ context, requestId, route: routeKey });
    const route = byKey.get(routeKey);
    let deps: D | undefined;
    try {
      if (!route) throw new NotFoundError('没有这个接口');
      const { spec, run } = route;
      deps = await wired();
      if (spec.localOnly && !deps.isLocalStage) throw new NotFoundError('没有这个接口');
      const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : undefined;
      if (raw && Buffer.byteLength(raw, 'utf8') > deps.maxBodyBytes) throw new PayloadTooLargeError();

      const token = bearerToken(event);
      const principal = await callerOf(deps, token);
      if (spec.roles !== 'public') {
        if (!principal) throw new UnauthenticatedError(token ? '登录已过期，请重新登录' : '请先登录');
        if (!spec.roles.includes(principal.role)) throw new ForbiddenError();
      }

      const params = checked(paramsSchemaOf(spec), decoded(event.pathParameters));
      const query = spec.query ? checked(spec.query, decoded(event.queryStringParameters)) : {};
      const body = spec.body ? checked(spec.body, jsonBody(raw)) : undefined;

      const client: ClientInfo = { sourceIp: event.requestContext?.http?.sourceIp, userAgent: event.headers?.['user-agent'] ?? event.requestContext?.http?.userAgent };
      const result = await run({ deps, principal, body, params, query, client } as RequestContext<RouteSpec, D>);
      if (result instanceof FileResponse) return fileAnswer(result);
      return json(spec.status ?? 200, result);
    } catch (error) {
      return errorResponse(error, { route: routeKey, requestId });
    } finally {
      deps?.metrics.flush();
    }
  };
}
