import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { infer as ZodInfer, ZodTypeAny } from 'zod';
import { fieldErrorsFrom } from '@shared/validation';
import type { Principal } from '../auth/session-tokens';
import { ForbiddenError, PayloadTooLargeError, UnauthenticatedError, ValidationError } from '../errors';
import { container } from '../container';
import type { Deps } from '../use-cases/deps';
import { errorResponse, json } from './respond';
import { FileResponse } from './file-response';
import type { RouteSpec } from './routes';

type BodyOf<R extends RouteSpec> = R['body'] extends ZodTypeAny ? ZodInfer<R['body']> : undefined;
type QueryOf<R extends RouteSpec> = R['query'] extends ZodTypeAny ? ZodInfer<R['query']> : Record<string, string>;
type PrincipalOf<R extends RouteSpec> = R['roles'] extends 'public' ? Principal | undefined : Principal;

export interface RequestContext<R extends RouteSpec> {
  deps: Deps;
  principal: PrincipalOf<R>;
  body: BodyOf<R>;
  params: Record<string, string>;
  query: QueryOf<R>;
}

export type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

function bearerToken(event: APIGatewayProxyEventV2): string | undefined {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function decodedParams(raw: Record<string, string | undefined> | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    try {
      params[key] = decodeURIComponent(value);
    } catch {
      params[key] = value;
    }
  }
  return params;
}

/**
 * Wraps a use case as a Lambda handler for one route: size limit (413) → who is calling (401/403, from the
 * route's roles) → JSON body checked against the route's shared schema (400, unknown fields rejected) → the
 * use case → JSON response, or the error vocabulary.
 */
export function defineHandler<R extends RouteSpec>(route: R, run: (ctx: RequestContext<R>) => Promise<unknown>): Handler {
  return async (event) => {
    try {
      const deps = container();
      const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : undefined;
      if (raw && Buffer.byteLength(raw, 'utf8') > deps.maxBodyBytes) throw new PayloadTooLargeError();

      const token = bearerToken(event);
      const principal = token ? await deps.tokens.verify(token, deps.now()) : undefined;
      if (route.roles !== 'public') {
        if (!principal) throw new UnauthenticatedError(token ? '登录已过期，请重新登录' : '请先登录');
        if (!route.roles.includes(principal.role)) throw new ForbiddenError();
      }

      let body: unknown;
      if (route.body) {
        let input: unknown;
        try {
          input = raw ? JSON.parse(raw) : undefined;
        } catch {
          throw new ValidationError({ _: '请求内容不是有效的 JSON' }, '请求格式不正确');
        }
        if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ValidationError({ _: '请求内容应为一个对象' }, '请求格式不正确');
        const parsed = route.body.safeParse(input);
        if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error));
        body = parsed.data;
      }

      let query: unknown = decodedParams(event.queryStringParameters);
      if (route.query) {
        const parsed = route.query.safeParse(query);
        if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error));
        query = parsed.data;
      }

      const result = await run({
        deps,
        principal: principal as PrincipalOf<R>,
        body: body as BodyOf<R>,
        params: decodedParams(event.pathParameters),
        query: query as QueryOf<R>,
      });
      if (result instanceof FileResponse) {
        return {
          statusCode: 200,
          isBase64Encoded: true,
          headers: {
            'content-type': result.contentType,
            'content-disposition': `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent(result.filename)}`,
            'cache-control': 'no-store',
          },
          body: result.body.toString('base64'),
        };
      }
      return json(route.successStatus ?? 200, result);
    } catch (error) {
      return errorResponse(error, { route: `${route.method} ${route.path}` });
    }
  };
}
