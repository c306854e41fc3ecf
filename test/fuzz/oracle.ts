import type { ZodError, ZodTypeAny } from 'zod';
import { paramsSchemaOf, pathParamNames, type RouteSpec } from '@shared/contract';
import { ERROR_STATUS, type ErrorCode } from '@shared/errors';
import type { Role } from '@shared/roles';

/**
 * What the contract says a request must get, worked out from the contract itself (not from the router's code):
 * too big → 413; a signed-in route without a session → 401, with the wrong role → 403; then path parameters,
 * query and body, in that order, each refused with 400 naming exactly the fields its schema finds wrong (unknown
 * ones included). A request that passes all of these reaches the use case, which may answer anything but a 5xx.
 */
export type Expectation = { stage: 'size' | 'session' | 'role'; status: number; code: ErrorCode } | { stage: 'params' | 'query' | 'body'; status: 400; code: 'VALIDATION_FAILED'; fields: string[] } | { stage: 'use case' };

export interface SentRequest {
  /** The role of the caller the router should find (none: anonymous, or a token that is no session). */
  role?: Role;
  pathParameters?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string>;
  /** The body as the router sees it (after base64 decoding). */
  body?: string;
}

/** The names a zod error gives to the fields it refuses: dotted paths, unknown keys by name, `_` for the whole. */
export function namedFields(error: ZodError): string[] {
  const names = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) names.add([...issue.path, key].join('.'));
    else names.add(issue.path.length ? issue.path.join('.') : '_');
  }
  return [...names].sort();
}

/** Percent-decoded as API Gateway's values are by the router, keeping every key (`__proto__` too) as an own property. */
function decodedValues(raw: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw ?? {})
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([key, value]) => {
        try {
          return [key, decodeURIComponent(value)];
        } catch {
          return [key, value];
        }
      }),
  );
}

export function expectationOf(spec: RouteSpec, sent: SentRequest, maxBodyBytes: number): Expectation {
  if (sent.body && Buffer.byteLength(sent.body, 'utf8') > maxBodyBytes) return { stage: 'size', status: 413, code: 'PAYLOAD_TOO_LARGE' };
  if (spec.roles !== 'public') {
    if (!sent.role) return { stage: 'session', status: 401, code: 'UNAUTHENTICATED' };
    if (!spec.roles.includes(sent.role)) return { stage: 'role', status: 403, code: 'FORBIDDEN' };
  }
  const refused = (stage: 'params' | 'query' | 'body', fields: string[]): Expectation => ({ stage, status: 400, code: 'VALIDATION_FAILED', fields });
  const params = paramsSchemaOf(spec).safeParse(decodedValues(sent.pathParameters));
  if (!params.success) return refused('params', namedFields(params.error));
  if (spec.query) {
    const query = spec.query.safeParse(decodedValues(sent.queryStringParameters));
    if (!query.success) return refused('query', namedFields(query.error));
  }
  if (spec.body) {
    let input: unknown;
    try {
      input = sent.body ? JSON.parse(sent.body) : undefined;
    } catch {
      return refused('body', ['_']);
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return refused('body', ['_']);
    const body = spec.body.safeParse(input);
    if (!body.success) return refused('body', namedFields(body.error));
  }
  return { stage: 'use case' };
}

/** The object schema inside effects, defaults, pipes: its keys are the fields a route knows. */
export function objectKeysOf(schema: ZodTypeAny | undefined): string[] {
  let current: any = schema;
  for (let i = 0; current && i < 10; i += 1) {
    if (typeof current.shape === 'object' || typeof current._def?.shape === 'function') return Object.keys(current.shape ?? current._def.shape());
    current = current._def?.schema ?? current._def?.innerType ?? current._def?.in;
  }
  return [];
}

/** Every field name a route's use case may blame: its body's and query's keys and its path parameters. */
export function knownFieldsOf(spec: RouteSpec): Set<string> {
  return new Set([...objectKeysOf(spec.body), ...objectKeysOf(spec.query), ...pathParamNames(spec.path)]);
}

const CHINESE = /[\u3400-\u9fff]/;

/** JSON with every object's keys sorted: DynamoDB keeps no order inside a map, so only the content is compared. */
function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value));
}

/** A JSON answer against the route's response schema: its status, its shape, and no field the schema does not declare. */
function contractProblem(spec: RouteSpec, status: number, body: unknown): string | undefined {
  const expectedStatus = spec.status ?? 200;
  if (status !== expectedStatus) return `answered ${status}, the contract says ${expectedStatus}`;
  const parsed = (spec.response as ZodTypeAny).safeParse(body);
  if (!parsed.success) return `the answer does not match its response schema: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`;
  if (sortedJson(parsed.data) !== sortedJson(body)) return `the answer carries fields its response schema does not declare: ${JSON.stringify(body).slice(0, 400)}`;
  return undefined;
}

export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body?: string;
}

/** What is wrong with an answer, given what the contract expects; empty when all is well. */
export function problemsOf(spec: RouteSpec, expected: Expectation, answer: Answer): string[] {
  const problems: string[] = [];
  const { status } = answer;
  const contentType = String(answer.headers['content-type'] ?? '');
  if (status >= 500) problems.push(`answered ${status} (a server error) to a client's input`);
  if (status < 200 || (status >= 300 && status < 400)) problems.push(`answered ${status}`);

  if (status >= 400) {
    let body: any;
    try {
      body = JSON.parse(answer.body ?? '');
    } catch {
      problems.push(`the error body is not JSON: ${String(answer.body).slice(0, 200)}`);
      return problems;
    }
    const error = body?.error;
    const keys = body && typeof body === 'object' ? Object.keys(body) : [];
    if (!error || typeof error !== 'object' || keys.length !== 1) problems.push('the error body is not { error: { code, message } }');
    else {
      if (typeof error.code !== 'string' || !(error.code in ERROR_STATUS)) problems.push(`unknown error code ${JSON.stringify(error.code)}`);
      else if (ERROR_STATUS[error.code as ErrorCode] !== status) problems.push(`code ${error.code} with status ${status}`);
      if (typeof error.message !== 'string' || !CHINESE.test(error.message)) problems.push(`the message is not Chinese words: ${JSON.stringify(error.message)}`);
      if ('fields' in error && (typeof error.fields !== 'object' || error.fields === null || Object.values(error.fields).some((m) => typeof m !== 'string' || !CHINESE.test(m)))) {
        problems.push(`fields is not an object of Chinese messages: ${JSON.stringify(error.fields).slice(0, 300)}`);
      }
      const named = error.fields && typeof error.fields === 'object' ? Object.keys(error.fields).sort() : [];
      if (error.code === 'VALIDATION_FAILED' && named.length === 0) problems.push(`a 400 that names no field: ${JSON.stringify(error)}`);
      if ('fields' in expected) {
        if (status !== 400 || error.code !== 'VALIDATION_FAILED') problems.push(`the ${expected.stage} break the contract (${expected.fields.join(', ')}) but the answer is ${status} ${error.code}`);
        else if (JSON.stringify(named) !== JSON.stringify(expected.fields)) problems.push(`fields named ${JSON.stringify(named)}, the contract finds ${JSON.stringify(expected.fields)} wrong`);
      } else if (expected.stage !== 'use case') {
        if (status !== expected.status || error.code !== expected.code) problems.push(`expected ${expected.status} ${expected.code} (${expected.stage}), got ${status} ${error.code}`);
      } else if (error.code === 'VALIDATION_FAILED') {
        const known = knownFieldsOf(spec);
        const strangers = named.filter((name) => !known.has(name.split('.')[0]!));
        if (strangers.length) problems.push(`the use case names fields the route does not have: ${strangers.join(', ')}`);
      }
    }
    return problems;
  }

  if (status < 300) {
    if (expected.stage !== 'use case') problems.push(`accepted (${status}) a request the contract refuses at the ${expected.stage} stage${'fields' in expected ? `: ${expected.fields.join(', ')}` : ''}`);
    if ('file' in (spec.response as object)) {
      if (!contentType.startsWith((spec.response as { file: string }).file)) problems.push(`a file of type ${contentType}, the contract says ${(spec.response as { file: string }).file}`);
    } else if (!contentType.startsWith('application/json')) problems.push(`answered ${contentType}, not JSON`);
    else {
      let body: unknown;
      try {
        body = answer.body ? JSON.parse(answer.body) : undefined;
      } catch {
        problems.push(`the answer is not JSON: ${String(answer.body).slice(0, 200)}`);
      }
      const problem = contractProblem(spec, status, body);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}
