import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { routes } from '../../functions/src/http/routes';

const ROOT = join(__dirname, '..', '..');

// `serverless package` (osls) builds the real deployable artefact offline, with no AWS credentials.
describe('serverless package', () => {
  let out: string;
  let template: { Resources: Record<string, { Type: string; Properties: any }> };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'lianxin-package-'));
    const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' };
    await promisify(execFile)(process.execPath, [require.resolve('serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', out], { cwd: ROOT, env, timeout: 180_000 });
    template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  }, 200_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('bundles each function on its own', () => {
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip')).sort();
    expect(zips).toEqual([...Object.keys(routes), 'markNoShows', 'sendBookingReminders'].map((r) => `${r}.zip`).sort());
    // The poster carries its Chinese fonts; every other function stays small.
    for (const zip of zips.filter((z) => z !== 'getVenuePoster.zip')) expect(statSync(join(out, zip)).size).toBeLessThan(5 * 1024 * 1024);
    expect(statSync(join(out, 'getVenuePoster.zip')).size).toBeLessThan(30 * 1024 * 1024);
  });

  it('deploys an on-demand table with point-in-time recovery, encryption and TTL', () => {
    const table = template.Resources.LianxinTable.Properties;
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.SSESpecification).toEqual({ SSEEnabled: true });
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
  });

  it('gives each function only the table actions it uses, never a wildcard', () => {
    const roles = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::IAM::Role');
    const dynamoStatements = roles.flatMap(([, role]) =>
      role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:'))),
    );
    expect(dynamoStatements.length).toBeGreaterThan(0);
    for (const statement of roles.flatMap(([, role]) => role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement))) {
      for (const action of [statement.Action].flat()) expect(action).not.toMatch(/\*/);
    }
    for (const statement of dynamoStatements) {
      for (const resource of [statement.Resource].flat()) {
        expect(JSON.stringify(resource)).toMatch(/LianxinTable/);
        expect(resource).not.toBe('*');
      }
    }
    // A function that needs no table access gets none.
    const healthRole = template.Resources.HealthLambdaFunction.Properties.Role['Fn::GetAtt'][0];
    expect(JSON.stringify(template.Resources[healthRole].Properties.Policies)).not.toContain('dynamodb:');
  });

  it('keeps photos in a private, encrypted bucket that only signed addresses reach', () => {
    const bucket = template.Resources.PhotoBucket.Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.CorsConfiguration.CorsRules[0].AllowedMethods.sort()).toEqual(['GET', 'POST']);
    // uploads never attached to a submission (still tagged pending) are deleted after a day
    expect(bucket.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', Prefix: 'photos/', TagFilters: [{ Key: 'lianxin-photo', Value: 'pending' }], ExpirationInDays: 1 }),
    ]);
    const roles = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::IAM::Role');
    const s3Statements = roles.flatMap(([name, role]) =>
      role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).filter((st: any) => [st.Action].flat().some((a: string) => a.startsWith('s3:'))).map((st: any) => ({ role: name, st })),
    );
    for (const { st } of s3Statements) {
      const resources = JSON.stringify(st.Resource);
      expect(resources).toContain('PhotoBucket');
      // objects only under photos/; listing only on the bucket itself (so a missing photo is a 404)
      if ([st.Action].flat().includes('s3:ListBucket')) expect([st.Action].flat()).toEqual(['s3:ListBucket']);
      else expect(resources).toContain('/photos/*');
    }
    // only the upload form's signer may write photos
    const writers = s3Statements.filter(({ st }) => [st.Action].flat().includes('s3:PutObject')).map(({ role }) => role);
    const uploadRole = template.Resources.CreatePhotoUploadLambdaFunction.Properties.Role['Fn::GetAtt'][0];
    expect(writers).toEqual([uploadRole]);
    expect(template.Resources.GetMeLambdaFunction.Properties.Environment.Variables.PHOTO_BUCKET).toEqual({ Ref: 'PhotoBucket' });
  });

  it('runs the no-show and reminder jobs on a schedule (reminders at 19:00 China time)', () => {
    const rules = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Events::Rule').map((r) => r.Properties.ScheduleExpression);
    expect(rules.sort()).toEqual(['cron(0 11 * * ? *)', 'rate(15 minutes)']);
  });

  it('points every function at its table and stage, with no local settings', () => {
    const fn = template.Resources.GetMeLambdaFunction.Properties;
    expect(fn.Runtime).toBe('nodejs20.x');
    expect(fn.Environment.Variables).toMatchObject({ STAGE: 'prod', TABLE_NAME: 'lianxin-prod', WECHAT_ADAPTER: 'http', DYNAMODB_ENDPOINT: '', S3_ENDPOINT: '' });
  });
});
