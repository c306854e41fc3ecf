/**
 * What is deployed: one Lambda per context of the contract (shared/src/contract), each serving exactly that context's
 * routes, plus the scheduled jobs. serverless.yml takes its `functions` from here (through functions/serverless-functions.cjs),
 * so a route is written once — in the contract — and its HTTP API event follows. IAM is per context: only the table,
 * index and bucket actions that context's repositories use.
 */
import { contexts, type ContextName } from '../../shared/src/contract';

type Intrinsic = Record<string, unknown>;
interface Statement {
  Effect: 'Allow';
  Action: string[];
  Resource: (Intrinsic | string)[];
}

const TABLE: Intrinsic = { 'Fn::GetAtt': ['LianxinTable', 'Arn'] };
const index = (name: 'GSI1' | 'GSI2' | 'GSI3'): Intrinsic => ({ 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['LianxinTable', 'Arn'] }, 'index', name]] });
const PHOTOS: Intrinsic = { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['PhotoBucket', 'Arn'] }, '/photos/*']] };
const BUCKET: Intrinsic = { 'Fn::GetAtt': ['PhotoBucket', 'Arn'] };

const dynamo = (actions: string[], resources: Intrinsic[]): Statement => ({ Effect: 'Allow', Action: actions.map((a) => `dynamodb:${a}`), Resource: resources });
const s3 = (actions: string[], resources: Intrinsic[]): Statement => ({ Effect: 'Allow', Action: actions.map((a) => `s3:${a}`), Resource: resources });

export interface LambdaSpec {
  /** Handler file under functions/src, without `.ts` (no dots: Lambda splits module and export at the first dot). */
  handler: string;
  /** The context whose routes this Lambda serves; none for scheduled jobs. */
  context?: ContextName;
  schedule?: string;
  iam: Statement[];
  memorySize?: number;
  timeout?: number;
  /** Files packaged beside the bundle (the poster's fonts). */
  include?: string[];
  /** Deployed on the local stage only. */
  localOnly?: boolean;
}

export const lambdas: Record<string, LambdaSpec> = {
  auth: {
    handler: 'auth/lambda',
    context: 'auth',
    // users, their openid index item, invites, rate limits; studio names for the session; members (list, change, remove)
    iam: [dynamo(['GetItem', 'PutItem', 'UpdateItem', 'Query', 'DeleteItem'], [TABLE])],
  },
  local: {
    handler: 'local/lambda',
    context: 'local',
    localOnly: true,
    iam: [dynamo(['GetItem', 'Query'], [TABLE])],
  },
  stands: {
    handler: 'stands/lambda',
    context: 'stands',
    // stand page and slots, bookings (one transaction: slot, booking, per-service and per-day guards, retry key), the desk
    iam: [dynamo(['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], [TABLE]), dynamo(['Query'], [index('GSI1'), index('GSI2')])],
  },
  readings: {
    handler: 'readings/lambda',
    context: 'readings',
    iam: [dynamo(['GetItem', 'Query', 'PutItem', 'DeleteItem', 'ConditionCheckItem'], [TABLE])],
  },
  studio: {
    handler: 'studio/lambda',
    context: 'studio',
    // services, venues, stands (generated in batches), settings, templates; cancelling notifies (in-app notices)
    iam: [dynamo(['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'], [TABLE]), dynamo(['Query'], [index('GSI1')])],
  },
  submissions: {
    handler: 'submissions/lambda',
    context: 'submissions',
    iam: [
      dynamo(['GetItem', 'Query', 'PutItem', 'UpdateItem'], [TABLE]),
      dynamo(['Query'], [index('GSI1'), index('GSI2'), index('GSI3')]),
      // signed upload forms may only create photos under photos/ (tagged pending); the API checks, tags, deletes bad ones and signs views
      s3(['PutObject', 'PutObjectTagging', 'GetObject', 'DeleteObject'], [PHOTOS]),
      // so that a photo never uploaded is a 404 (not a 403) when it is checked
      s3(['ListBucket'], [BUCKET]),
    ],
  },
  notices: {
    handler: 'notices/lambda',
    context: 'notices',
    iam: [dynamo(['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], [TABLE])],
  },
  posters: {
    handler: 'posters/lambda',
    context: 'posters',
    memorySize: 1024,
    timeout: 20,
    include: ['node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
    // the venue, its studio and services; its stands ahead (GSI1), so that a cancelled day is not announced
    iam: [dynamo(['GetItem', 'Query'], [TABLE, index('GSI1')])],
  },
  privacy: {
    handler: 'privacy/lambda',
    context: 'privacy',
    // the resident's own data: read it all (their submissions and bookings through GSI1); delete the account —
    // cancel bookings (the cancel transaction), anonymise entries and submissions, delete readings, notices, follows,
    // contact items, the user and its openid link, and the submissions' photos
    iam: [
      dynamo(['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], [TABLE]),
      dynamo(['Query'], [index('GSI1')]),
      s3(['DeleteObject'], [PHOTOS]),
    ],
  },
  markNoShows: {
    handler: 'stands/jobs/mark-no-shows',
    schedule: 'rate(15 minutes)',
    iam: [dynamo(['GetItem', 'Query', 'UpdateItem'], [TABLE, index('GSI2')])],
  },
  sendBookingReminders: {
    handler: 'stands/jobs/send-booking-reminders',
    schedule: 'cron(0 11 * * ? *)', // 19:00 in China
    iam: [dynamo(['GetItem', 'Query', 'UpdateItem', 'PutItem'], [TABLE, index('GSI2')])],
  },
};

/** serverless.yml's `functions` for a stage: handlers, HTTP API events from the contract, schedules, IAM. */
export function serverlessFunctions(stage: string): Record<string, unknown> {
  const functions: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(lambdas)) {
    if (spec.localOnly && stage !== 'local') continue;
    const events = spec.context
      ? Object.values(contexts[spec.context]).map((route) => ({ httpApi: { method: route.method, path: route.path } }))
      : [{ schedule: spec.schedule }];
    functions[name] = {
      handler: `functions/src/${spec.handler}.handler`,
      ...(spec.memorySize ? { memorySize: spec.memorySize } : {}),
      ...(spec.timeout ? { timeout: spec.timeout } : {}),
      // source maps stay in .esbuild/ as build artefacts for reading stack traces offline; the zips carry only code
      package: { patterns: ['!**/*.map', ...(spec.include ?? [])] },
      events,
      iamRoleStatements: spec.iam,
    };
  }
  return functions;
}
