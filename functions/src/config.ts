import { z, type ZodTypeAny } from 'zod';
import type { NoticeTemplates } from './adapters/notify/notifier';
import { checkedNoticeTemplatesSchema } from './adapters/notify/template-fields';
import { PARAMETER_KEYS, PARAMETERS, parameterEnvName, type ParameterKey } from './parameters';
import { ssmParameters } from './wiring/ssm-parameters';

/**
 * The one place that reads the environment, and the one place that validates configuration. Read at cold start: a
 * missing or malformed setting fails the function's start here, naming it, instead of half-working later.
 *
 * Secrets and the per-stage WeChat settings (`parameters.ts`) come from SSM Parameter Store outside the local stage:
 * the environment names them (`PARAM_SESSION_SECRET=/lianxin/prod/session-secret`), `config()` fetches the named
 * ones and validates their values like any other setting. On the local stage the values are environment variables.
 */
const envSchema = z.object({
  STAGE: z.string().min(1),
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  DYNAMODB_ENDPOINT: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  /** The bucket of submission photos (serverless.yml's PhotoBucket). */
  PHOTO_BUCKET: z.string().min(3, 'PHOTO_BUCKET must name the photo bucket'),
  /** A local S3-compatible server (s3rver); AWS S3 when empty. */
  S3_ENDPOINT: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(7200),
  WECHAT_ADAPTER: z.enum(['http', 'local']).default('http'),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(64 * 1024),
  DAILY_BOOKINGS_PER_RESIDENT: z.coerce.number().int().min(1).max(20).default(3),
  NO_SHOW_GRACE_MINUTES: z.coerce.number().int().min(0).max(180).default(15),
  /** Local stage: the H5 build that a local venue QR code opens. */
  LOCAL_H5_BASE: z.string().url().default('http://127.0.0.1:10086'),
  /** Local stage: comma-separated words that make a text risky (refused) or held for review. */
  LOCAL_RISKY_WORDS: z.string().default('违禁词,赌博,诈骗'),
  LOCAL_REVIEW_WORDS: z.string().default('待审核,投诉书记'),
  /** Local stage: the clock starts at this instant (ISO 8601 with an offset) and runs on — to try the app at another hour. */
  LOCAL_NOW: z.string().datetime({ offset: true, message: 'must be an ISO 8601 time with an offset, e.g. 2026-12-01T22:00:00+08:00' }).optional().or(z.literal('').transform(() => undefined)),
  HEALTH_READING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Phones and home addresses: days kept after the matter is closed (a submission resolved, a home visit's stand day). */
  PERSONAL_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

/** The AWS SDK's own endpoint overrides: like DYNAMODB_ENDPOINT and S3_ENDPOINT, the local stage's only. */
const SDK_ENDPOINT_OVERRIDES = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_S3'];

const json = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a JSON object' });
    return z.NEVER;
  }
});

/** Each parameter's value, validated the same whether Parameter Store or the local environment gave it. */
const parameterSchemas = {
  sessionSecret: z.string().min(32, 'must be at least 32 characters'),
  wechatAppId: z.string().min(1),
  wechatAppSecret: z.string().min(1),
  wechatNoticeTemplates: json.pipe(checkedNoticeTemplatesSchema),
  wechatMiniprogramState: z.enum(['developer', 'trial', 'formal'], { errorMap: () => ({ message: 'must be developer, trial or formal' }) }),
  wechatQrEnvVersion: z.enum(['develop', 'trial', 'release'], { errorMap: () => ({ message: 'must be develop, trial or release' }) }),
} satisfies Record<ParameterKey, ZodTypeAny>;

type ParameterValues = { [K in ParameterKey]?: z.infer<(typeof parameterSchemas)[K]> };

/** The local stage's values when its environment leaves them out (none for the session secret). */
const LOCAL_DEFAULTS: Partial<Record<ParameterKey, string>> = { wechatNoticeTemplates: '{}', wechatMiniprogramState: 'formal', wechatQrEnvVersion: 'release' };

export interface Config {
  stage: string;
  isLocalStage: boolean;
  tableName: string;
  region: string;
  dynamodbEndpoint?: string;
  photoBucket: string;
  s3Endpoint?: string;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Settings from Parameter Store: present when this function's environment names them (always on the local stage,
   * but for the WeChat credentials of the local adapter). Wiring takes them with `needed()`.
   */
  sessionSecret?: Uint8Array;
  sessionTtlSeconds: number;
  wechat: {
    adapter: 'http' | 'local';
    apiBase: string;
    appId?: string;
    appSecret?: string;
    noticeTemplates?: NoticeTemplates;
    miniprogramState?: 'developer' | 'trial' | 'formal';
    qrEnvVersion?: 'develop' | 'trial' | 'release';
  };
  localH5Base: string;
  /** Local stage only: where the clock stood when this configuration was read (LOCAL_NOW); the real clock when absent. */
  localNow?: Date;
  localContentWords: { risky: string[]; review: string[] };
  maxBodyBytes: number;
  dailyBookingsPerResident: number;
  noShowGraceMinutes: number;
  healthReadingRetentionDays: number;
  personalContactRetentionDays: number;
}

/**
 * This function cannot start: its configuration is missing or malformed, or Parameter Store could not be read. The
 * router answers 503 and logs `message` once; nothing is kept, so the next request tries the cold start again.
 */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration incomplete: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

type Env = Record<string, string | undefined>;

/** The Parameter Store names this environment asks for, by parameter: none on the local stage. */
export function parameterNamesIn(env: Env): Partial<Record<ParameterKey, string>> {
  if (env.STAGE === 'local') return {};
  return Object.fromEntries(PARAMETER_KEYS.flatMap((key) => (env[parameterEnvName(key)] ? [[key, env[parameterEnvName(key)]!]] : [])));
}

/**
 * Validates the environment and, outside the local stage, the values fetched for the parameters it names (keyed by
 * their Parameter Store name). Every problem is collected into one ConfigurationError.
 */
export function loadConfig(env: Env, fetched: Record<string, string | undefined> = {}): Config {
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const isLocalStage = env.STAGE === 'local';

  if (!isLocalStage) {
    if (env.DYNAMODB_ENDPOINT) problems.push('DYNAMODB_ENDPOINT (a local DynamoDB) is only allowed on the local stage');
    if (env.S3_ENDPOINT) problems.push('S3_ENDPOINT (a local S3-compatible server) is only allowed on the local stage');
    for (const name of SDK_ENDPOINT_OVERRIDES) if (env[name]) problems.push(`${name} (an endpoint override) is only allowed on the local stage`);
    if (env.WECHAT_ADAPTER === 'local') problems.push('the local WeChat adapter is only allowed on the local stage');
    if (env.LOCAL_NOW) problems.push('LOCAL_NOW (a shifted clock) is only allowed on the local stage');
    for (const key of PARAMETER_KEYS) {
      const { env: name } = PARAMETERS[key];
      if (env[name]) problems.push(`${name} must come from Parameter Store outside the local stage (${parameterEnvName(key)} names it), never from the environment`);
    }
  }

  const values: ParameterValues = {};
  const missing: string[] = [];
  for (const key of PARAMETER_KEYS) {
    let raw: string | undefined;
    let label: string;
    if (isLocalStage) {
      raw = env[PARAMETERS[key].env] || LOCAL_DEFAULTS[key];
      label = PARAMETERS[key].env;
      if (raw === undefined) continue;
    } else {
      const name = env[parameterEnvName(key)];
      if (!name) continue;
      if (!name.startsWith('/')) {
        problems.push(`${parameterEnvName(key)}: must be a Parameter Store name such as /lianxin/<stage>/${PARAMETERS[key].path}`);
        continue;
      }
      raw = fetched[name]?.trim() ? fetched[name] : undefined;
      label = name;
      if (raw === undefined) {
        missing.push(name);
        continue;
      }
    }
    const checked = parameterSchemas[key].safeParse(raw);
    if (checked.success) (values as Record<string, unknown>)[key] = checked.data;
    else problems.push(...checked.error.issues.map((i) => `${[label, ...i.path].join('.')}: ${i.message}${i.code === 'unrecognized_keys' ? ` (${i.keys.join(', ')})` : ''}`));
  }
  if (missing.length) problems.unshift(`missing or empty in Parameter Store: ${missing.join(', ')}`);
  if (isLocalStage && !values.sessionSecret && !problems.some((p) => p.startsWith('SESSION_SECRET'))) problems.push('SESSION_SECRET: required on the local stage');
  const adapter = parsed.success ? parsed.data.WECHAT_ADAPTER : 'http';
  if (isLocalStage && adapter === 'http' && (!values.wechatAppId || !values.wechatAppSecret)) {
    problems.push('WECHAT_APP_ID and WECHAT_APP_SECRET are required for the http WeChat adapter');
  }
  if (problems.length || !parsed.success) throw new ConfigurationError(problems);

  const e = parsed.data;
  return {
    stage: e.STAGE,
    isLocalStage,
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    photoBucket: e.PHOTO_BUCKET,
    s3Endpoint: e.S3_ENDPOINT,
    logLevel: e.LOG_LEVEL,
    sessionSecret: values.sessionSecret ? new TextEncoder().encode(values.sessionSecret) : undefined,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    wechat: {
      adapter: e.WECHAT_ADAPTER,
      apiBase: e.WECHAT_API_BASE,
      appId: values.wechatAppId,
      appSecret: values.wechatAppSecret,
      noticeTemplates: values.wechatNoticeTemplates,
      miniprogramState: values.wechatMiniprogramState,
      qrEnvVersion: values.wechatQrEnvVersion,
    },
    localH5Base: e.LOCAL_H5_BASE,
    localNow: e.LOCAL_NOW ? new Date(e.LOCAL_NOW) : undefined,
    localContentWords: { risky: e.LOCAL_RISKY_WORDS.split(',').map((w) => w.trim()).filter(Boolean), review: e.LOCAL_REVIEW_WORDS.split(',').map((w) => w.trim()).filter(Boolean) },
    maxBodyBytes: e.MAX_BODY_BYTES,
    dailyBookingsPerResident: e.DAILY_BOOKINGS_PER_RESIDENT,
    noShowGraceMinutes: e.NO_SHOW_GRACE_MINUTES,
    healthReadingRetentionDays: e.HEALTH_READING_RETENTION_DAYS,
    personalContactRetentionDays: e.PERSONAL_CONTACT_RETENTION_DAYS,
  };
}

/**
 * A setting from Parameter Store that this function's wiring reads. A function whose deployment does not name it
 * (functions/src/deployment.ts, `parameters`) fails its cold start here, naming the variable it lacks.
 */
export function needed<T>(value: T | undefined, key: ParameterKey): T {
  if (value === undefined) throw new ConfigurationError([`${parameterEnvName(key)} is not set for this function: add '${key}' to its parameters in functions/src/deployment.ts`]);
  return value;
}

/** Fetches parameters by name, decrypted; a name absent from the answer was not found. */
export type ParameterSource = (names: string[]) => Promise<Record<string, string | undefined>>;

/**
 * Reads the configuration once per container. The environment is read when first asked (synchronously, before any
 * await), the named parameters fetched, everything validated. A failure is not kept: the next call fetches and
 * validates again, so a parameter created after a failed cold start is picked up by the next request.
 */
export function configLoader(readEnv: () => Env, parameters: ParameterSource): () => Promise<Config> {
  let pending: Promise<Config> | undefined;
  // a container's environment does not change: read once, on the first call
  let env: Env | undefined;
  async function load(): Promise<Config> {
    env ??= { ...readEnv() };
    const names = [...new Set(Object.values(parameterNamesIn(env)).filter((name) => name.startsWith('/')))];
    let fetched: Record<string, string | undefined> = {};
    if (names.length) {
      try {
        fetched = await parameters(names);
      } catch (error) {
        throw new ConfigurationError([`Parameter Store could not be read (${(error as Error).name}: ${(error as Error).message})`]);
      }
    }
    return loadConfig(env, fetched);
  }
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** The configuration of this container: the environment, and Parameter Store outside the local stage. */
export const config = configLoader(() => process.env, ssmParameters);
