import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * Structured JSON logs through AWS Powertools Logger: level, service, cold start, the Lambda's request id and, for an
 * API request, API Gateway's request id as `correlation_id` — the same id every error body carries (`requestId`),
 * so a resident's screenshot leads to its log lines.
 *
 * Never pass phone numbers, readings, openids, codes or tokens: as a second line of defence, keys that look like
 * them are redacted, and so are phone numbers and signed tokens found inside any text (an error's message included).
 */
const REDACTED_KEYS = /token|secret|openid|session_?key|phone|code|authorization|reading|password/i;
/** Mainland mobile numbers, alone or inside text (not inside a longer run of digits). */
const PHONE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** JWTs (session tokens) and bearer credentials inside text. */
const TOKEN_IN_TEXT = /\beyJ[\w-]+\.[\w-]+\.[\w-]+|\b(Bearer)\s+\S+/gi;

function redactText(text: string): string {
  return text.replace(PHONE_IN_TEXT, '[phone]').replace(TOKEN_IN_TEXT, (_match, bearer?: string) => (bearer ? `${bearer} [token]` : '[token]'));
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message), stack: value.stack === undefined ? undefined : redactText(value.stack) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, REDACTED_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

const logger = new Logger({ serviceName: 'lianxin', logLevel: 'INFO' });

type Level = 'debug' | 'info' | 'warn' | 'error';

function write(level: Level, message: string, data?: Record<string, unknown>) {
  const safe = data ? (redact(data) as Record<string, unknown>) : undefined;
  if (safe) logger[level](redactText(message), safe);
  else logger[level](redactText(message));
}

export const log = {
  debug: (message: string, data?: Record<string, unknown>) => write('debug', message, data),
  info: (message: string, data?: Record<string, unknown>) => write('info', message, data),
  warn: (message: string, data?: Record<string, unknown>) => write('warn', message, data),
  error: (message: string, data?: Record<string, unknown>) => write('error', message, data),
};

/** The level from configuration (config.ts, LOG_LEVEL), applied once the configuration is read. */
export function setLogLevel(level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'): void {
  logger.setLogLevel(level);
}

let firstInvocation = true;

/**
 * Starts an invocation's logs: what the previous one added is dropped; the Lambda context (function, its request id,
 * the cold-start flag) is added when Lambda gives one; an API request adds its route and API Gateway's request id.
 */
export function beginInvocation(invocation: { context?: Context; requestId?: string; route?: string }): void {
  logger.resetKeys();
  if (invocation.context?.awsRequestId) logger.addContext(invocation.context);
  else logger.appendKeys({ cold_start: firstInvocation });
  firstInvocation = false;
  if (invocation.requestId) logger.setCorrelationId(invocation.requestId);
  if (invocation.route) logger.appendKeys({ route: invocation.route });
}
