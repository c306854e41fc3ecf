import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DEFAULT_ERROR_MESSAGES, ERROR_STATUS, type ErrorBody } from '@shared/errors';
import { ConfigurationError } from '../config';
import { ConflictError, DomainError, RateLimitedError } from '../errors';
import { log } from '../log';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { ...JSON_HEADERS, ...headers }, body: body === undefined ? '' : JSON.stringify(body) };
}

/**
 * The one place where errors become HTTP responses. Every error body carries the request's id (API Gateway's, the
 * `correlation_id` of its log lines) when there is one. A function that cannot start for want of configuration answers
 * 503 and says why in one log line; anything else unknown is logged and answered with a bare 500.
 */
export function errorResponse(error: unknown, context: { requestId?: string } & Record<string, unknown> = {}): APIGatewayProxyStructuredResultV2 {
  const requestId = context.requestId ? { requestId: context.requestId } : {};
  if (error instanceof DomainError) {
    const reason = error instanceof ConflictError ? error.reason : undefined;
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...(reason ? { reason } : {}), ...requestId } };
    const headers: Record<string, string> = error instanceof RateLimitedError && error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return json(ERROR_STATUS[error.code], body, headers);
  }
  if (error instanceof ConfigurationError) {
    log.error(error.message);
    return json(503, { error: { code: 'UPSTREAM_UNAVAILABLE', message: DEFAULT_ERROR_MESSAGES.UPSTREAM_UNAVAILABLE, ...requestId } } satisfies ErrorBody, { 'retry-after': '30' });
  }
  log.error('unhandled error', { ...context, error });
  return json(500, { error: { code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL, ...requestId } } satisfies ErrorBody);
}
