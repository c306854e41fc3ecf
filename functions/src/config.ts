import { z } from 'zod';
import { noticeTemplatesSchema, type NoticeTemplates } from './adapters/notify/notifier';

/**
 * The one place that reads the environment. Validated at cold start; a missing or malformed setting fails
 * loudly here instead of half-working later.
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
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters'),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(7200),
  WECHAT_ADAPTER: z.enum(['http', 'local']).default('http'),
  WECHAT_APP_ID: z.string().default(''),
  WECHAT_APP_SECRET: z.string().default(''),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(64 * 1024),
  DAILY_BOOKINGS_PER_RESIDENT: z.coerce.number().int().min(1).max(20).default(3),
  NO_SHOW_GRACE_MINUTES: z.coerce.number().int().min(0).max(180).default(15),
  WECHAT_NOTICE_TEMPLATES: z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(noticeTemplatesSchema),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** Local stage: the H5 build that a local venue QR code opens. */
  LOCAL_H5_BASE: z.string().url().default('http://127.0.0.1:10086'),
  /** Local stage: comma-separated words that make a text risky (refused) or held for review. */
  LOCAL_RISKY_WORDS: z.string().default('违禁词,赌博,诈骗'),
  LOCAL_REVIEW_WORDS: z.string().default('待审核,投诉书记'),
  HEALTH_READING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Phones and home addresses: days kept after the matter is closed (a submission resolved, a home visit's stand day). */
  PERSONAL_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
});

export interface Config {
  stage: string;
  isLocalStage: boolean;
  tableName: string;
  region: string;
  dynamodbEndpoint?: string;
  photoBucket: string;
  s3Endpoint?: string;
  sessionSecret: Uint8Array;
  sessionTtlSeconds: number;
  wechat: { adapter: 'http' | 'local'; appId: string; appSecret: string; apiBase: string; noticeTemplates: NoticeTemplates; miniprogramState: 'developer' | 'trial' | 'formal' };
  localH5Base: string;
  localContentWords: { risky: string[]; review: string[] };
  maxBodyBytes: number;
  dailyBookingsPerResident: number;
  noShowGraceMinutes: number;
  healthReadingRetentionDays: number;
  personalContactRetentionDays: number;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const isLocalStage = e.STAGE === 'local';
  if (!isLocalStage && e.S3_ENDPOINT) {
    throw new Error('Invalid configuration: S3_ENDPOINT (a local S3-compatible server) is only allowed on the local stage');
  }
  if (!isLocalStage && e.WECHAT_ADAPTER === 'local') {
    throw new Error('Invalid configuration: the local WeChat adapter is only allowed on the local stage');
  }
  if (e.WECHAT_ADAPTER === 'http' && (!e.WECHAT_APP_ID || !e.WECHAT_APP_SECRET)) {
    throw new Error('Invalid configuration: WECHAT_APP_ID and WECHAT_APP_SECRET are required for the http WeChat adapter');
  }
  return {
    stage: e.STAGE,
    isLocalStage,
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    photoBucket: e.PHOTO_BUCKET,
    s3Endpoint: e.S3_ENDPOINT,
    sessionSecret: new TextEncoder().encode(e.SESSION_SECRET),
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    wechat: { adapter: e.WECHAT_ADAPTER, appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE, noticeTemplates: e.WECHAT_NOTICE_TEMPLATES, miniprogramState: e.WECHAT_MINIPROGRAM_STATE },
    localH5Base: e.LOCAL_H5_BASE,
    localContentWords: { risky: e.LOCAL_RISKY_WORDS.split(',').map((w) => w.trim()).filter(Boolean), review: e.LOCAL_REVIEW_WORDS.split(',').map((w) => w.trim()).filter(Boolean) },
    maxBodyBytes: e.MAX_BODY_BYTES,
    dailyBookingsPerResident: e.DAILY_BOOKINGS_PER_RESIDENT,
    noShowGraceMinutes: e.NO_SHOW_GRACE_MINUTES,
    healthReadingRetentionDays: e.HEALTH_READING_RETENTION_DAYS,
    personalContactRetentionDays: e.PERSONAL_CONTACT_RETENTION_DAYS,
  };
}

let current: Config | undefined;

/** The configuration of this container, read once. */
export function config(): Config {
  current ??= loadConfig(process.env);
  return current;
}
