import type { ZodError, ZodTypeAny, infer as ZodInfer } from 'zod';
import type { FieldErrors } from './errors';

/**
 * Turns zod issues into one Chinese message per field (the first issue of each field wins). Built through a Map so that
 * a field named `__proto__` or `constructor` is named like any other (a plain object would swallow it).
 */
export function fieldErrorsFrom(error: ZodError): FieldErrors {
  const fields = new Map<string, string>();
  const add = (path: string, message: string) => {
    if (!fields.has(path)) fields.set(path, message);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), '不允许提交此字段');
      continue;
    }
    add(issue.path.length ? issue.path.join('.') : '_', issue.message);
  }
  return Object.fromEntries(fields);
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

/** Validates with a shared schema; used the same way by the API and the forms of the mini-program. */
export function parseWith<S extends ZodTypeAny>(schema: S, input: unknown): ParseResult<ZodInfer<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, fields: fieldErrorsFrom(result.error) };
}
