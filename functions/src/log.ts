/**
 * Structured JSON logs. Never pass phone numbers, readings, openids, codes or tokens: the keys below are
 * redacted as a second line of defence.
 */
const REDACTED_KEYS = /token|secret|openid|session_?key|phone|code|authorization|reading/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, REDACTED_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

function write(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>) {
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...(redact(data ?? {}) as object) });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

export const log = {
  info: (message: string, data?: Record<string, unknown>) => write('info', message, data),
  warn: (message: string, data?: Record<string, unknown>) => write('warn', message, data),
  error: (message: string, data?: Record<string, unknown>) => write('error', message, data),
};
