import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DEFAULT_ERROR_MESSAGES, ERROR_STATUS, type ErrorBody } from '@shared/errors';
import { ConflictError, DomainError, RateLimitedError } from '../errors';
import { log } from '../log';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { ...JSON_HEADERS, ...headers }, body: body === undefined ? '' : JSON.stringify(body) };
}

/** The one place where errors become HTTP responses. Unknown errors are logged and answered with a bare 500. */
export function errorResponse(error: unknown, context: Record<string, unknown> = {}): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const reason = error instanceof ConflictError ? error.reason : undefined;
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...(reason ? { reason } : {}) } };
    const headers: Record<string, string> = error instanceof RateLimitedError && error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return json(ERROR_STATUS[error.code], body, headers);
  }
  log.error('unhandled error', { ...context, error });
  return json(500, { error: { code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL } } satisfies ErrorBody);
}
