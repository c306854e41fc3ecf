/**
 * What is deployed: one Lambda per context of the contract (shared/src/contract), each serving exactly that context's
 * routes, plus the scheduled jobs and the notice consumer (the table's stream). serverless.yml takes its `functions` from here (through functions/serverless-functions.cjs),
 * so a route is written once — in the contract — and its HTTP API event follows. IAM is per context: only the table,
 * index and bucket actions that context's repositories use, and only the Parameter Store parameters its wiring reads.
 */
import { contexts, type ContextName } from '../../shared/src/contract';
import { noticeStreamFilter } from './notices/notice-stream-filter';
import { PARAMETERS, parameterEnvName, parameterName, type ParameterKey } from './parameters';

type Intrinsic = Record<string, unknown>;
interface Statement {
  Effect: 'Allow';
  Action: string[];
  Resource: (Intrinsic | string)[];
  Condition?: Record<string, Record<string, unknown>>;
}

const TABLE: Intrinsic = { 'Fn::GetAtt': ['LianxinTable', 'Arn'] };
const index = (name: 'GSI1' | 'GSI2' | 'GSI3'): Intrinsic => ({ 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['LianxinTable', 'Arn'] }, 'index', name]] });
const PHOTOS: Intrinsic = { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['PhotoBucket', 'Arn'] }, '/photos/*']] };
const BUCKET: Intrinsic = { 'Fn::GetAtt': ['PhotoBucket', 'Arn'] };
/** Stream batches the notice consumer still failed after its retries (serverless.yml `NoticeDeadLetterQueue`). */
const NOTICE_DLQ: Intrinsic = { 'Fn::GetAtt': ['NoticeDeadLetterQueue', 'Arn'] };

const dynamo = (actions: string[], resources: Intrinsic[]): Statement => ({ Effect: 'Allow', Action: actions.map((a) => `dynamodb:${a}`), Resource: resources });
const s3 = (actions: string[], resources: Intrinsic[]): Statement => ({ Effect: 'Allow', Action: actions.map((a) => `s3:${a}`), Resource: resources });
const sqs = (actions: string[], resources: Intrinsic[]): Statement => ({ Effect: 'Allow', Action: actions.map((a) => `sqs:${a}`), Resource: resources });

/**
 * A Lambda fed by the table's DynamoDB stream (NEW_IMAGE). Reading the stream is granted by the framework for the
 * event; the on-failure destination (an SQS queue) is not, so its `iam` must allow `sqs:SendMessage` on it. Locally
 * scripts/lib/stream-poller.ts feeds the same handler with these settings (serverless-offline has no streams), so
 * the function is not given to serverless-offline.
 */
export interface StreamSpec {
  /** Only records matching this pattern invoke the function (the event source mapping's filter). */
  filterPattern: Record<string, unknown>;
  batchSize: number;
  /** Retries of a failing batch (from its first failed record) before it is reported to `onFailure`. */
  maximumRetryAttempts: number;
  /** Older records are not retried any more (reported to `onFailure`). */
  maximumRecordAgeInSeconds: number;
  /** Concurrent batches per shard (records of one partition key stay in order). */
  parallelizationFactor: number;
  /** The logical id of the SQS queue (serverless.yml) that hears of batches given up on. */
  onFailure: string;
}

export interface LambdaSpec {
  /** Handler file under functions/src, without `.ts` (no dots: Lambda splits module and export at the first dot). */
  handler: string;
  /** The context whose routes this Lambda serves; none for scheduled jobs and stream consumers. Exactly one of these three. */
  context?: ContextName;
  schedule?: string;
  stream?: StreamSpec;
  iam: Statement[];
  memorySize?: number;
  timeout?: number;
  /** Files packaged beside the bundle (the poster's fonts). */
  include?: string[];
  /** Deployed on the local stage only. */
  localOnly?: boolean;
  /**
   * What its wiring reads from Parameter Store (parameters.ts): outside the local stage, their names are in its
   * environment and its role may read exactly these (a wiring that reads another fails its cold start, naming it).
   */
  parameters: ParameterKey[];
}

export const lambdas: Record<string, LambdaSpec> = {
  auth: {
    handler: 'auth/lambda',
    // sessions; code2Session with the mini-program's credentials
    parameters: ['sessionSecret', 'wechatAppId', 'wechatAppSecret'],
    context: 'auth',
    // users, their openid index item, invites, rate limits; studio names for the session; members (list, change, remove)
    // with the person's membership items in the same transactions (a town invite: its membership, a ConditionCheck-free grant);
    // desk sign-in tickets (Put, GetItem, conditional UpdateItem) and their audit entry
    iam: [dynamo(['GetItem', 'PutItem', 'UpdateItem', 'Query', 'DeleteItem'], [TABLE])],
  },
  local: {
    handler: 'local/lambda',
    parameters: ['sessionSecret'],
    context: 'local',
    localOnly: true,
    iam: [dynamo(['GetItem', 'Query'], [TABLE])],
  },
  stands: {
    handler: 'stands/lambda',
    parameters: ['sessionSecret'],
    context: 'stands',
    // stand page and slots, bookings (one transaction: slot, booking, per-service and per-day guards, retry key, the
    // stand still on — a ConditionCheck) after one BatchGetItem of the stand, the slot and the resident; the desk; the
    // studio's month figures (an Update in the entry's transaction); 本单位服务: the unit (GetItem), the town's studios,
    // the unit's services (GSI1), the studios' venues and stands (GSI1), the stands' entries
    iam: [dynamo(['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'], [TABLE]), dynamo(['Query'], [index('GSI1'), index('GSI2')])],
  },
  readings: {
    handler: 'readings/lambda',
    parameters: ['sessionSecret'],
    context: 'readings',
    iam: [dynamo(['GetItem', 'Query', 'PutItem', 'DeleteItem', 'ConditionCheckItem'], [TABLE])],
  },
  studio: {
    handler: 'studio/lambda',
    parameters: ['sessionSecret'],
    context: 'studio',
    // services, venues, stands (generated in batches), settings (read in one BatchGetItem with the studio and the
    // national calendar's years), templates; cancelling a stand queues its notices; a service's provider among the
    // town's units (Query TOWN#id)
    iam: [dynamo(['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'], [TABLE]), dynamo(['Query'], [index('GSI1')])],
  },
  submissions: {
    handler: 'submissions/lambda',
    // sessions; WeChat's content check (msgSecCheck) with the mini-program's access token
    parameters: ['sessionSecret', 'wechatAppId', 'wechatAppSecret'],
    context: 'submissions',
    iam: [
      // a submission's studio, settings, stand and the resident's openid in one BatchGetItem; the inbox's counts item;
      // 附议: a ConditionCheck of the matter's status in the transaction that puts the Second and ADDs the count
      // 协商: each step an Update with the timeline Puts; a sign-up withdrawn is a Delete in its transaction;
      // 部门与联络员: departments, hand-ons written in a step's transaction (GSI1: a department's queue)
      dynamo(['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem', 'DeleteItem'], [TABLE]),
      dynamo(['Query'], [index('GSI1'), index('GSI2'), index('GSI3')]),
      // signed upload forms may only create photos under photos/ (tagged pending); the API checks, tags, deletes bad ones and signs views
      s3(['PutObject', 'PutObjectTagging', 'GetObject', 'DeleteObject'], [PHOTOS]),
      // so that a photo never uploaded is a 404 (not a 403) when it is checked
      s3(['ListBucket'], [BUCKET]),
    ],
  },
  notices: {
    handler: 'notices/lambda',
    parameters: ['sessionSecret'],
    context: 'notices',
    iam: [dynamo(['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], [TABLE])],
  },
  posters: {
    handler: 'posters/lambda',
    // sessions; the venue's mini-program code (getUnlimitedQRCode) for the stage's version
    parameters: ['sessionSecret', 'wechatAppId', 'wechatAppSecret', 'wechatQrEnvVersion'],
    context: 'posters',
    memorySize: 1024,
    timeout: 20,
    include: ['node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
    // the venue, its studio and services; its stands ahead (GSI1), so that a cancelled day is not announced
    iam: [dynamo(['GetItem', 'Query'], [TABLE, index('GSI1')])],
  },
  privacy: {
    handler: 'privacy/lambda',
    parameters: ['sessionSecret'],
    context: 'privacy',
    // the resident's own data: read it all (their submissions and bookings through GSI1); delete the account —
    // cancel bookings (the cancel transaction), anonymise entries and submissions, delete readings, notices, follows,
    // contact items, the user and its openid link, and the submissions' photos; 幸福币: refund what waits at the stand,
    // take the name off redemptions, delete the card (GSI1: their accounts and redemptions); 微心愿: their wishes (GSI1)
    // and claims, each unlinked by a conditional transaction (the wish, the figures), the claimed ones read in one batch;
    // 附议: their Seconds (GSI1), deleted; 点单-配送: the orders they placed (GSI2) and the tasks they ran (GSI3);
    // 议事协商: their sign-ups (GSI1), withdrawn (a transaction: the count, the sign-up) or deleted
    iam: [
      dynamo(['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], [TABLE]),
      dynamo(['Query'], [index('GSI1'), index('GSI2'), index('GSI3')]),
      s3(['DeleteObject'], [PHOTOS]),
    ],
  },
  coins: {
    handler: 'coins/lambda',
    parameters: ['sessionSecret'],
    context: 'coins',
    // accounts and ledgers (transfers: two balances and two entries in one transaction with the retry key), cards,
    // rules, rewards (stock), redemptions (GSI1: a resident's), the month's figures; the audit trail; names of people
    iam: [dynamo(['GetItem', 'Query', 'PutItem', 'UpdateItem'], [TABLE]), dynamo(['Query'], [index('GSI1')])],
  },
  volunteers: {
    handler: 'volunteers/lambda',
    parameters: ['sessionSecret'],
    context: 'volunteers',
    // registrations (under their person; GSI1 by studio and status), teams (members in the team item, the
    // registration's teamIds, one transaction); shifts at stands (check-in: a ConditionCheck on the registration;
    // check-out: the coin transfer and the month's figures in the same transaction); stands read; 微心愿: each step one
    // transaction (the wish, the claim put or deleted, the figures, the claimer's coins, notices), the wall and review
    // queue (GSI2), a resident's own (GSI1), a volunteer's claims (their wishes in one BatchGetItem); 点单-配送: a
    // resident's orders (GSI2), a volunteer's tasks (GSI3)
    iam: [dynamo(['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'], [TABLE]), dynamo(['Query'], [index('GSI1'), index('GSI2'), index('GSI3')])],
  },
  towns: {
    handler: 'towns/lambda',
    parameters: ['sessionSecret'],
    context: 'towns',
    // towns (GSI1 TOWNS) and their studios' entries; a new studio, its entry and its first admin's invite in one
    // transaction; memberships under the person (switch: a ConditionCheck of the one chosen and the user's Update; leave:
    // its Delete, a studio's member item too); figures: each studio's month of submissions (GSI3) and the studios' stand
    // month items (one BatchGetItem); the audit trail; the directory's venues (GSI1) and their stands ahead (GSI1);
    // the alliance: units, resources, needs (a studio's: GSI1) and projects (a unit's: GSI1, a studio's: GSI2) — a
    // project's creation is a transaction (Put, the need's Update, the unit's and resource's ConditionCheck)
    iam: [dynamo(['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'], [TABLE]), dynamo(['Query'], [index('GSI1'), index('GSI2'), index('GSI3')])],
  },
  markNoShows: {
    handler: 'stands/jobs/mark-no-shows',
    parameters: [],
    schedule: 'rate(15 minutes)',
    iam: [dynamo(['GetItem', 'Query', 'UpdateItem'], [TABLE, index('GSI2')])],
  },
  sendBookingReminders: {
    handler: 'stands/jobs/send-booking-reminders',
    parameters: [],
    schedule: 'cron(0 11 * * ? *)', // 19:00 in China
    // tomorrow's stands (GSI2) and their entries; one reminder delivery queued per booking (conditional Put)
    timeout: 60,
    iam: [dynamo(['Query', 'PutItem'], [TABLE, index('GSI2')])],
  },
  countOverdueSubmissions: {
    handler: 'submissions/jobs/count-overdue',
    parameters: [],
    schedule: 'cron(0 0 * * ? *)', // 08:00 in China
    timeout: 60,
    // every studio (GSI1 STUDIOS), then its 待受理 and 办理中 inbox tabs (GSI2); its inbox counts checked against them
    // and, when they disagree, recounted from the month index (GSI3) and stored (a conditional Put); 微心愿 open for a
    // week (GSI2) brought to the studio's members (Query) with a notice delivery each (a conditional Put); 催办: the
    // studio's settings and the national calendar's years (GetItem), each representative's digest (a conditional Put),
    // a long-overdue matter marked escalated with its timeline step (a transaction: Put, Put); 解决了吗？ the day's
    // follow-ups (Query), each matter read, its notice queued, the follow-up deleted
    iam: [dynamo(['GetItem', 'PutItem', 'Query', 'DeleteItem'], [TABLE]), dynamo(['Query'], [index('GSI1'), index('GSI2'), index('GSI3')])],
  },
  deliverNotices: {
    handler: 'notices/jobs/deliver-notices',
    // subscribe messages: the access token, the templates, which version a tap opens (no session secret)
    parameters: ['wechatAppId', 'wechatAppSecret', 'wechatNoticeTemplates', 'wechatMiniprogramState'],
    stream: {
      filterPattern: noticeStreamFilter,
      batchSize: 50,
      maximumRetryAttempts: 5,
      maximumRecordAgeInSeconds: 6 * 3600,
      parallelizationFactor: 4,
      onFailure: 'NoticeDeadLetterQueue',
    },
    timeout: 60,
    // deliveries (queue, claim, settle), the 消息 lines, followers, the user (still there? openid for WeChat),
    // a cancelled stand's bookings (the cancel transaction: entry, slot, hold, day count) and reminded bookings
    // a consultation's invitees: the consultation and its matters (GetItem, BatchGetItem), their seconders and the studio's members (Query)
    iam: [dynamo(['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], [TABLE]), sqs(['SendMessage'], [NOTICE_DLQ])],
  },
};

function streamEvent(spec: StreamSpec) {
  return {
    type: 'dynamodb',
    arn: { 'Fn::GetAtt': ['LianxinTable', 'StreamArn'] },
    startingPosition: 'TRIM_HORIZON',
    batchSize: spec.batchSize,
    maximumRetryAttempts: spec.maximumRetryAttempts,
    maximumRecordAgeInSeconds: spec.maximumRecordAgeInSeconds,
    parallelizationFactor: spec.parallelizationFactor,
    functionResponseType: 'ReportBatchItemFailures',
    filterPatterns: [spec.filterPattern],
    destinations: { onFailure: { arn: { 'Fn::GetAtt': [spec.onFailure, 'Arn'] }, type: 'sqs' } },
  };
}

/** The CloudFormation logical id the framework gives a function (`markNoShows` → `MarkNoShowsLambdaFunction`). */
export function functionLogicalId(name: string): string {
  return `${name[0]!.toUpperCase()}${name.slice(1).replace(/-/g, 'Dash').replace(/_/g, 'Underscore')}LambdaFunction`;
}

/**
 * The functions nobody waits for — scheduled jobs and stream consumers, every function without an HTTP context — as
 * the metrics of serverless.yml's `BackgroundErrorsAlarm`: each one's Lambda `Errors`, summed. A function added here
 * is watched by the next deploy (through functions/serverless-alarms.cjs).
 */
export function backgroundErrorMetrics(stage: string): Record<string, unknown>[] {
  const names = Object.keys(lambdas).filter((name) => !lambdas[name]!.context && !(lambdas[name]!.localOnly && stage !== 'local'));
  // CloudWatch allows 10 metrics in an alarm's expression
  if (names.length > 9) throw new Error(`${names.length} background functions: split BackgroundErrorsAlarm`);
  const ids = names.map((_, i) => `f${i}`);
  return [
    ...names.map((name, i) => ({
      Id: ids[i],
      Label: name,
      ReturnData: false,
      MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionLogicalId(name) } }] }, Period: 300, Stat: 'Sum' },
    })),
    { Id: 'errors', Label: `errors of ${names.join(', ')}`, Expression: `SUM([${ids.join(', ')}])`, ReturnData: true },
  ];
}

const arn = (...parts: (string | Intrinsic)[]): Intrinsic => ({ 'Fn::Join': ['', parts] });
const PARTITION = { Ref: 'AWS::Partition' };
const REGION = { Ref: 'AWS::Region' };
const ACCOUNT = { Ref: 'AWS::AccountId' };
const parameterArn = (stage: string, key: ParameterKey) => arn('arn:', PARTITION, ':ssm:', REGION, ':', ACCOUNT, `:parameter${parameterName(stage, key)}`);

/**
 * Reading exactly these parameters; decrypting the SecureString ones only through SSM, only for these parameters
 * (SSM's encryption context names the parameter). The AWS-managed key `aws/ssm`'s own policy already lets SSM decrypt
 * for the account; the statement is what a customer-managed key would need, scoped as tightly.
 */
function parameterStatements(stage: string, keys: ParameterKey[]): Statement[] {
  if (!keys.length) return [];
  const secure = keys.filter((key) => PARAMETERS[key].secure);
  return [
    { Effect: 'Allow', Action: ['ssm:GetParameters', 'ssm:GetParameter'], Resource: keys.map((key) => parameterArn(stage, key)) },
    ...(secure.length
      ? [
          {
            Effect: 'Allow' as const,
            Action: ['kms:Decrypt'],
            Resource: [arn('arn:', PARTITION, ':kms:', REGION, ':', ACCOUNT, ':key/*')],
            Condition: {
              StringEquals: {
                'kms:ViaService': arn('ssm.', REGION, '.', { Ref: 'AWS::URLSuffix' }),
                'kms:EncryptionContext:PARAMETER_ARN': secure.map((key) => parameterArn(stage, key)),
              },
            },
          },
        ]
      : []),
  ];
}

/**
 * A function's own environment: outside the local stage the names of its parameters (never a value); on the local
 * stage its session secret (serverless.yml `params.local.sessionSecret`; the local WeChat adapter needs no more).
 */
function parameterEnvironment(stage: string, keys: ParameterKey[]): Record<string, string> {
  if (stage === 'local') return keys.includes('sessionSecret') ? { [PARAMETERS.sessionSecret.env]: '${param:sessionSecret}' } : {};
  return Object.fromEntries(keys.map((key) => [parameterEnvName(key), parameterName(stage, key)]));
}

/** serverless.yml's `functions` for a stage: handlers, HTTP API events from the contract, schedules, streams, IAM. */
export function serverlessFunctions(stage: string): Record<string, unknown> {
  const functions: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(lambdas)) {
    if (spec.localOnly && stage !== 'local') continue;
    if (spec.stream && stage === 'local') continue; // the local stack's stream poller runs it (scripts/lib/stack.ts)
    const events = spec.context
      ? Object.values(contexts[spec.context]).map((route) => ({ httpApi: { method: route.method, path: route.path } }))
      : spec.stream
        ? [{ stream: streamEvent(spec.stream) }]
        : [{ schedule: spec.schedule }];
    functions[name] = {
      handler: `functions/src/${spec.handler}.handler`,
      ...(spec.memorySize ? { memorySize: spec.memorySize } : {}),
      ...(spec.timeout ? { timeout: spec.timeout } : {}),
      // source maps stay in .esbuild/ as build artefacts for reading stack traces offline; the zips carry only code
      package: { patterns: ['!**/*.map', ...(spec.include ?? [])] },
      events,
      ...(spec.parameters.length ? { environment: parameterEnvironment(stage, spec.parameters) } : {}),
      iamRoleStatements: [...spec.iam, ...(stage === 'local' ? [] : parameterStatements(stage, spec.parameters))],
    };
  }
  return functions;
}
