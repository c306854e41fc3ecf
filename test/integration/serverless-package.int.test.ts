import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { functionLogicalId, lambdas } from '../../functions/src/deployment';
import { PARAMETER_KEYS, PARAMETERS, parameterEnvName, parameterName } from '../../functions/src/parameters';
import { noticeStreamFilter } from '../../functions/src/notices/notice-stream-filter';

const ROOT = join(__dirname, '..', '..');
type Resource = { Type: string; Properties: any };

// `serverless package` (osls) builds the real deployable artefact offline, with no AWS credentials; these tests read it.
describe('serverless package --stage prod', () => {
  let out: string;
  let template: { Resources: Record<string, Resource> };
  const resourcesOf = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
  const roleOf = (fn: string) => template.Resources[`${fn[0].toUpperCase()}${fn.slice(1)}LambdaFunction`].Properties.Role['Fn::GetAtt'][0];
  const statementsOf = (role: string): any[] => template.Resources[role].Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
  const bundleOf = async (fn: string) => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, `${fn}.zip`)));
    return { names: Object.keys(zip.files), code: await zip.file(`functions/src/${lambdas[fn].handler}.js`)!.async('string') };
  };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'lianxin-package-'));
    const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' };
    await promisify(execFile)(process.execPath, [require.resolve('serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', out], { cwd: ROOT, env, timeout: 180_000 });
    template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  }, 200_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is one Lambda per context plus the scheduled jobs and the notice consumer, without the local-only one, well inside CloudFormation’s limit', () => {
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip')).sort();
    const deployed = Object.keys(lambdas).filter((name) => !lambdas[name].localOnly);
    expect(zips).toEqual(deployed.map((name) => `${name}.zip`).sort());
    // one per context, not per route (the old shape had a function per route and 425 resources)
    expect(resourcesOf('AWS::Lambda::Function').length).toBe(deployed.length);
    expect(resourcesOf('AWS::Lambda::Function').length).toBeLessThanOrEqual(16);
    // each HTTP route is one resource (an ApiGatewayV2 Route); beside them a fixed part (functions, roles, log groups,
    // the API, its integrations and permissions, the table and bucket) that must not grow per route. CloudFormation
    // allows 500: the whole stays under 400 so that the next contexts still fit
    const routes = resourcesOf('AWS::ApiGatewayV2::Route').length;
    expect(Object.keys(template.Resources).length - routes).toBeLessThanOrEqual(5 * deployed.length + 20);
    expect(Object.keys(template.Resources).length).toBeLessThanOrEqual(400);
    expect(resourcesOf('AWS::Lambda::Version')).toEqual([]);
  });

  it('keeps every bundle but the poster’s under 600 KB, without source maps', async () => {
    for (const zip of readdirSync(out).filter((f) => f.endsWith('.zip') && f !== 'posters.zip')) expect(statSync(join(out, zip)).size).toBeLessThanOrEqual(600 * 1024);
    for (const fn of Object.keys(lambdas).filter((name) => !lambdas[name].localOnly)) {
      const { names } = await bundleOf(fn);
      expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
    }
  });

  it('bundles into each context only what it uses: no S3 or PDF code on the stand page and bookings', async () => {
    const stands = (await bundleOf('stands')).code;
    expect(stands).not.toContain('PutObjectTagging');
    expect(stands).not.toContain('PDFDocument');
    const submissions = (await bundleOf('submissions')).code;
    expect(submissions).toContain('PutObjectTagging');
    expect(submissions).not.toContain('PDFDocument');
    const posters = await bundleOf('posters');
    expect(posters.code).toContain('PDFDocument');
    expect(posters.names.filter((n) => n.endsWith('.ttf'))).toHaveLength(2);
  });

  it('runs every function on a runtime AWS still accepts, without loading source maps at run time', () => {
    for (const [, fn] of resourcesOf('AWS::Lambda::Function')) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
    }
  });

  it('deploys an on-demand table with point-in-time recovery, encryption and TTL', () => {
    const table = template.Resources.LianxinTable.Properties;
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.SSESpecification).toEqual({ SSEEnabled: true });
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
  });

  it('gives each context’s Lambda only the table actions it uses, never a wildcard', () => {
    const roles = resourcesOf('AWS::IAM::Role');
    const all = roles.flatMap(([name]) => statementsOf(name));
    for (const statement of all) for (const action of [statement.Action].flat()) expect(action).not.toMatch(/\*/);
    for (const statement of all.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')))) {
      for (const resource of [statement.Resource].flat()) expect(JSON.stringify(resource)).toMatch(/LianxinTable/);
    }
    // The notices context never writes the table’s bookings or reads the bucket; only its own actions are listed.
    expect(JSON.stringify(statementsOf(roleOf('notices')))).not.toContain('s3:');
    expect(JSON.stringify(statementsOf(roleOf('stands')))).not.toContain('BatchWriteItem');
  });

  it('keeps photos in a private, encrypted bucket that only the submissions Lambda writes (and the privacy Lambda deletes)', () => {
    const bucket = template.Resources.PhotoBucket.Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.CorsConfiguration.CorsRules[0].AllowedMethods.sort()).toEqual(['GET', 'POST']);
    // uploads never attached to a submission (still tagged pending) are deleted after a day
    expect(bucket.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', Prefix: 'photos/', TagFilters: [{ Key: 'lianxin-photo', Value: 'pending' }], ExpirationInDays: 1 }),
    ]);
    const s3Statements = resourcesOf('AWS::IAM::Role').flatMap(([name]) =>
      statementsOf(name)
        .filter((st) => [st.Action].flat().some((a: string) => a.startsWith('s3:')))
        .map((st) => ({ role: name, st })),
    );
    for (const { st } of s3Statements) {
      const resources = JSON.stringify(st.Resource);
      expect(resources).toContain('PhotoBucket');
      // objects only under photos/; listing only on the bucket itself (so a missing photo is a 404)
      if ([st.Action].flat().includes('s3:ListBucket')) expect([st.Action].flat()).toEqual(['s3:ListBucket']);
      else expect(resources).toContain('/photos/*');
    }
    // the privacy Lambda may only delete: a resident's photos, when the account is deleted
    expect([...new Set(s3Statements.map(({ role }) => role))].sort()).toEqual([roleOf('submissions'), roleOf('privacy')].sort());
    for (const { st } of s3Statements.filter(({ role }) => role === roleOf('privacy'))) expect([st.Action].flat()).toEqual(['s3:DeleteObject']);
  });

  it('delivers notices from the table’s stream: only notice items, partial batch failures, retries, then a dead-letter queue', () => {
    expect(template.Resources.LianxinTable.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    const mappings = resourcesOf('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const [, mapping] = mappings[0]!;
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['LianxinTable', 'StreamArn'] },
      FunctionName: { 'Fn::GetAtt': ['DeliverNoticesLambdaFunction', 'Arn'] },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: lambdas.deliverNotices!.stream!.maximumRetryAttempts,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['NoticeDeadLetterQueue', 'Arn'] } } },
    });
    expect(mapping.Properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([noticeStreamFilter]);
    const dlq = template.Resources.NoticeDeadLetterQueue;
    expect(dlq.Type).toBe('AWS::SQS::Queue');
    expect(dlq.Properties).toMatchObject({ MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
    // the consumer may send to its dead-letter queue (nothing else may), and read the stream (granted for the event)
    const consumer = statementsOf(roleOf('deliverNotices'));
    expect(consumer).toContainEqual(expect.objectContaining({ Action: ['sqs:SendMessage'], Resource: [{ 'Fn::GetAtt': ['NoticeDeadLetterQueue', 'Arn'] }] }));
    expect(consumer).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator']), Resource: [{ 'Fn::GetAtt': ['LianxinTable', 'StreamArn'] }] }));
    // (the framework also lists the destination on its default role, which no function here runs with)
    const deployed = Object.keys(lambdas).filter((name) => !lambdas[name]!.localOnly);
    const senders = deployed.filter((fn) => JSON.stringify(statementsOf(roleOf(fn))).includes('sqs:'));
    expect(senders).toEqual(['deliverNotices']);
  });

  it('runs the no-show, reminder and overdue-count jobs on a schedule (reminders at 19:00, the count at 08:00 China time)', () => {
    const rules = resourcesOf('AWS::Events::Rule').map(([, r]) => r.Properties.ScheduleExpression);
    expect(rules.sort()).toEqual(['cron(0 0 * * ? *)', 'cron(0 11 * * ? *)', 'rate(15 minutes)']);
  });

  it('points every function at its table and stage, with no local settings', () => {
    const fn = template.Resources.AuthLambdaFunction.Properties;
    expect(fn.Environment.Variables).toMatchObject({ STAGE: 'prod', TABLE_NAME: 'lianxin-prod', WECHAT_ADAPTER: 'http', DYNAMODB_ENDPOINT: '', S3_ENDPOINT: '' });
    expect(fn.Environment.Variables.PHOTO_BUCKET).toEqual({ Ref: 'PhotoBucket' });
  });

  const functionsOf = () => resourcesOf('AWS::Lambda::Function');

  it('reads secrets and WeChat settings from SSM Parameter Store by name: no function’s environment holds a secret', () => {
    for (const [id, fn] of functionsOf()) {
      const variables: Record<string, unknown> = fn.Properties.Environment.Variables;
      // the values themselves are never environment variables outside the local stage …
      for (const key of PARAMETER_KEYS) expect([id, variables[PARAMETERS[key].env]]).toEqual([id, undefined]);
      for (const [name, value] of Object.entries(variables)) {
        // … their names are, under /lianxin/prod/ …
        if (name.startsWith('PARAM_')) expect([name, value]).toEqual([name, expect.stringMatching(/^\/lianxin\/prod\/[a-z/-]+$/)]);
        // … and nothing else looks like a secret (a long run of letters, digits and symbols)
        else if (typeof value === 'string') expect([name, value]).not.toEqual([name, expect.stringMatching(/[A-Za-z0-9+/=_-]{24,}/)]);
      }
    }
    // every context's function has the session secret's name; the scheduled jobs have none
    for (const name of Object.keys(lambdas).filter((n) => lambdas[n]!.context && !lambdas[n]!.localOnly)) {
      expect(template.Resources[functionLogicalId(name)]!.Properties.Environment.Variables.PARAM_SESSION_SECRET).toBe(parameterName('prod', 'sessionSecret'));
    }
    expect(template.Resources.MarkNoShowsLambdaFunction!.Properties.Environment.Variables).not.toHaveProperty(parameterEnvName('sessionSecret'));
  });

  it('lets each function read only the parameters its environment names, and decrypt them only through SSM', () => {
    for (const [id, fn] of functionsOf()) {
      const named = Object.entries(fn.Properties.Environment.Variables as Record<string, string>).filter(([name]) => name.startsWith('PARAM_')).map(([, value]) => value);
      const statements = statementsOf(fn.Properties.Role['Fn::GetAtt'][0]);
      const ssm = statements.filter((st) => [st.Action].flat().some((a: string) => a.startsWith('ssm:')));
      const readable = ssm.flatMap((st) => [st.Resource].flat()).map((r) => JSON.stringify(r).match(/:parameter(\/[^"]+)"/)![1]);
      expect([id, readable.sort()]).toEqual([id, [...named].sort()]);
      for (const st of ssm) expect([st.Action].flat().sort()).toEqual(['ssm:GetParameter', 'ssm:GetParameters']);
      for (const st of statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('kms:')))) {
        expect([st.Action].flat()).toEqual(['kms:Decrypt']);
        expect(JSON.stringify(st.Condition.StringEquals['kms:ViaService'])).toContain('ssm.');
        for (const arn of st.Condition.StringEquals['kms:EncryptionContext:PARAMETER_ARN']) expect(named).toContain(JSON.stringify(arn).match(/:parameter(\/[^"]+)"/)![1]);
      }
    }
  });

  it('raises alarms to an SNS topic whose subscriber is the stage’s alarmEmail param', () => {
    expect(resourcesOf('AWS::SNS::Topic').map(([id]) => id)).toEqual(['AlarmTopic']);
    const [[, subscription]] = resourcesOf('AWS::SNS::Subscription') as [string, Resource & { Condition: string }][];
    expect(subscription).toMatchObject({ Condition: 'HasAlarmEmail', Properties: { Protocol: 'email', TopicArn: { Ref: 'AlarmTopic' } } });
    // packaged with no LIANXIN_ALARM_EMAIL: the topic stands without a subscriber
    expect((template as any).Conditions.HasAlarmEmail).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['', ''] }] });
    const alarms = Object.fromEntries(resourcesOf('AWS::CloudWatch::Alarm'));
    expect(Object.keys(alarms).sort()).toEqual(['ApiServerErrorsAlarm', 'BackgroundErrorsAlarm', 'NoticeDeadLetterAlarm', 'NoticesFailedAlarm', 'ReminderRunMissingAlarm', 'TableThrottlesAlarm']);
    for (const alarm of Object.values(alarms)) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: 'AlarmTopic' }]);
    }
    expect(alarms.ApiServerErrorsAlarm!.Properties).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }] });
    expect(alarms.NoticeDeadLetterAlarm!.Properties).toMatchObject({ Namespace: 'AWS/SQS', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['NoticeDeadLetterQueue', 'QueueName'] } }], Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    expect(alarms.NoticesFailedAlarm!.Properties).toMatchObject({ Namespace: 'Lianxin', MetricName: 'NoticesFailed', ComparisonOperator: 'GreaterThanThreshold', Threshold: 0 });
    expect(alarms.ReminderRunMissingAlarm!.Properties).toMatchObject({ Namespace: 'Lianxin', MetricName: 'ReminderRuns', Period: 3600, EvaluationPeriods: 25, DatapointsToAlarm: 25, TreatMissingData: 'breaching', ComparisonOperator: 'LessThanThreshold' });
    expect(JSON.stringify(alarms.TableThrottlesAlarm!.Properties.Metrics)).toContain('"MetricName":"ThrottledRequests"');
    // every function nobody waits for (the scheduled jobs, the notice consumer) is in the background-errors alarm
    const background = Object.keys(lambdas).filter((n) => !lambdas[n]!.context && !lambdas[n]!.localOnly);
    expect(background.length).toBeGreaterThanOrEqual(2);
    const watched = alarms.BackgroundErrorsAlarm!.Properties.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.Dimensions[0].Value.Ref);
    expect(watched.sort()).toEqual(background.map(functionLogicalId).sort());
  });

  it('throttles the API stage and writes its access log as JSON with the request id', () => {
    const stage = template.Resources.HttpApiStage!.Properties;
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 });
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    expect(stage.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': ['HttpApiLogGroup', 'Arn'] });
  });
});
