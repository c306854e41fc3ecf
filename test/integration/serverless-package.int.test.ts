import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { lambdas } from '../../functions/src/deployment';

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

  it('is one Lambda per context plus the scheduled jobs, without the local-only one, well inside CloudFormation’s limit', () => {
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip')).sort();
    const deployed = Object.keys(lambdas).filter((name) => !lambdas[name].localOnly);
    expect(zips).toEqual(deployed.map((name) => `${name}.zip`).sort());
    expect(resourcesOf('AWS::Lambda::Function').length).toBeLessThanOrEqual(12);
    expect(Object.keys(template.Resources).length).toBeLessThanOrEqual(150);
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

  it('runs the no-show and reminder jobs on a schedule (reminders at 19:00 China time)', () => {
    const rules = resourcesOf('AWS::Events::Rule').map(([, r]) => r.Properties.ScheduleExpression);
    expect(rules.sort()).toEqual(['cron(0 11 * * ? *)', 'rate(15 minutes)']);
  });

  it('points every function at its table and stage, with no local settings', () => {
    const fn = template.Resources.AuthLambdaFunction.Properties;
    expect(fn.Environment.Variables).toMatchObject({ STAGE: 'prod', TABLE_NAME: 'lianxin-prod', WECHAT_ADAPTER: 'http', DYNAMODB_ENDPOINT: '', S3_ENDPOINT: '' });
    expect(fn.Environment.Variables.PHOTO_BUCKET).toEqual({ Ref: 'PhotoBucket' });
  });
});
