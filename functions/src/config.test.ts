import { ConfigurationError, configLoader, loadConfig, needed, parameterNamesIn } from './config';
import { clockOf } from './wiring/basics';

const TEMPLATES = JSON.stringify({
  booking_reminder: { id: 'TPL-REMIND', fields: { service: 'thing1', date: 'time2', place: 'thing3', code: 'character_string4' } },
  submission_status: { id: 'TPL-STATUS', fields: { category: 'thing1', status: 'phrase2' } },
});

/** A deployed function's environment: names of parameters, never their values. */
const prod = {
  STAGE: 'prod',
  TABLE_NAME: 'lianxin-prod',
  PHOTO_BUCKET: 'lianxin-photos-prod',
  PARAM_SESSION_SECRET: '/lianxin/prod/session-secret',
  PARAM_WECHAT_APP_ID: '/lianxin/prod/wechat/app-id',
  PARAM_WECHAT_APP_SECRET: '/lianxin/prod/wechat/app-secret',
  PARAM_WECHAT_NOTICE_TEMPLATES: '/lianxin/prod/wechat/notice-templates',
  PARAM_WECHAT_MINIPROGRAM_STATE: '/lianxin/prod/wechat/miniprogram-state',
  PARAM_WECHAT_QR_ENV_VERSION: '/lianxin/prod/wechat/qr-env-version',
};

/** What Parameter Store holds for it. */
const stored: Record<string, string> = {
  '/lianxin/prod/session-secret': 'x'.repeat(40),
  '/lianxin/prod/wechat/app-id': 'wx0123456789abcdef',
  '/lianxin/prod/wechat/app-secret': 's3cr3t',
  '/lianxin/prod/wechat/notice-templates': TEMPLATES,
  '/lianxin/prod/wechat/miniprogram-state': 'formal',
  '/lianxin/prod/wechat/qr-env-version': 'release',
};

const local = { STAGE: 'local', TABLE_NAME: 'lianxin-local', PHOTO_BUCKET: 'lianxin-photos-local', SESSION_SECRET: 'l'.repeat(40), WECHAT_ADAPTER: 'local' };

const problemsOf = (act: () => unknown): string[] => {
  try {
    act();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
};

describe('configuration', () => {
  it('reads and types the environment and, outside the local stage, the parameters it names', () => {
    const cfg = loadConfig({ ...prod, SESSION_TTL_SECONDS: '600' }, stored);
    expect(cfg).toMatchObject({
      stage: 'prod',
      isLocalStage: false,
      tableName: 'lianxin-prod',
      sessionTtlSeconds: 600,
      logLevel: 'INFO',
      wechat: { adapter: 'http', appId: 'wx0123456789abcdef', appSecret: 's3cr3t', miniprogramState: 'formal', qrEnvVersion: 'release' },
    });
    expect(new TextDecoder().decode(cfg.sessionSecret)).toBe('x'.repeat(40));
    expect(cfg.wechat.noticeTemplates?.submission_status).toEqual({ id: 'TPL-STATUS', fields: { category: 'thing1', status: 'phrase2' } });
    expect(cfg.dynamodbEndpoint).toBeUndefined();
  });

  it('outside the local stage, asks Parameter Store for exactly the names the environment gives', () => {
    expect(parameterNamesIn({ STAGE: 'prod', PARAM_SESSION_SECRET: '/lianxin/prod/session-secret' })).toEqual({ sessionSecret: '/lianxin/prod/session-secret' });
    expect(parameterNamesIn({ ...local, PARAM_SESSION_SECRET: '/lianxin/local/session-secret' })).toEqual({});
    // a function given only the session secret has nothing of WeChat, and wiring that needs it says what is missing
    const stands = loadConfig({ STAGE: 'prod', TABLE_NAME: 't', PHOTO_BUCKET: 'bucket', PARAM_SESSION_SECRET: prod.PARAM_SESSION_SECRET }, stored);
    expect(stands.sessionSecret).toBeDefined();
    expect(stands.wechat.appSecret).toBeUndefined();
    expect(() => needed(stands.wechat.appSecret, 'wechatAppSecret')).toThrow(/PARAM_WECHAT_APP_SECRET is not set for this function/);
  });

  it('names every parameter missing or empty in Parameter Store, in one problem', () => {
    const problems = problemsOf(() => loadConfig(prod, { ...stored, '/lianxin/prod/session-secret': '  ', '/lianxin/prod/wechat/app-secret': undefined }));
    expect(problems).toEqual(['missing or empty in Parameter Store: /lianxin/prod/session-secret, /lianxin/prod/wechat/app-secret']);
  });

  it('never takes a secret from the environment outside the local stage: the environment only names parameters', () => {
    expect(problemsOf(() => loadConfig({ ...prod, SESSION_SECRET: 'y'.repeat(40) }, stored))).toEqual([
      'SESSION_SECRET must come from Parameter Store outside the local stage (PARAM_SESSION_SECRET names it), never from the environment',
    ]);
    expect(problemsOf(() => loadConfig({ ...prod, WECHAT_APP_SECRET: 's' }, stored))[0]).toMatch(/^WECHAT_APP_SECRET must come from Parameter Store/);
    expect(problemsOf(() => loadConfig({ ...prod, PARAM_SESSION_SECRET: 'x'.repeat(40) }, stored))[0]).toMatch(/^PARAM_SESSION_SECRET: must be a Parameter Store name/);
  });

  it('validates a parameter’s value like any setting, naming the parameter', () => {
    expect(problemsOf(() => loadConfig(prod, { ...stored, '/lianxin/prod/session-secret': 'short' }))).toEqual(['/lianxin/prod/session-secret: must be at least 32 characters']);
    expect(problemsOf(() => loadConfig(prod, { ...stored, '/lianxin/prod/wechat/miniprogram-state': 'release' }))).toEqual(['/lianxin/prod/wechat/miniprogram-state: must be developer, trial or formal']);
    expect(problemsOf(() => loadConfig(prod, { ...stored, '/lianxin/prod/wechat/qr-env-version': 'formal' }))).toEqual(['/lianxin/prod/wechat/qr-env-version: must be develop, trial or release']);
  });

  it('checks at cold start that each notice template puts each field in a WeChat field type that can hold it', () => {
    const withTemplates = (templates: unknown) => loadConfig(prod, { ...stored, '/lianxin/prod/wechat/notice-templates': JSON.stringify(templates) });
    // a date and time can go in a time or a date field; a status word in a phrase; a ticket code in a character_string
    expect(() => withTemplates({ stand_cancelled: { id: 'T', fields: { date: 'date1', place: 'thing2' } }, submission_replied: { id: 'T2', fields: { status: 'phrase1' } } })).not.toThrow();
    expect(problemsOf(() => withTemplates({ booking_reminder: { id: 'T', fields: { service: 'phrase1', date: 'number2' } } }))).toEqual([
      '/lianxin/prod/wechat/notice-templates.booking_reminder.fields: booking_reminder.service: a phrase field cannot hold it; use thing',
      '/lianxin/prod/wechat/notice-templates.booking_reminder.fields: booking_reminder.date: a number field cannot hold it; use time or date or thing',
    ]);
    // '已办结，请评价' is not a phrase (≤ 5 Chinese characters)
    expect(problemsOf(() => withTemplates({ rate_request: { id: 'T', fields: { status: 'phrase1' } } }))[0]).toMatch(/rate_request\.status: a phrase field cannot hold it/);
    expect(problemsOf(() => withTemplates({ booking_reminder: { id: 'T', fields: { sevrice: 'thing1' } } }))[0]).toMatch(/booking_reminder\.sevrice: this notice has no such field \(it has service, date, place, code\)/);
    expect(problemsOf(() => withTemplates({ booking_reminder: { id: 'T', fields: { service: 'things1' } } }))[0]).toMatch(/things1 is not a WeChat field type/);
    // a notice kind the app does not send
    expect(problemsOf(() => withTemplates({ birthday: { id: 'T', fields: { name: 'thing1' } } }))[0]).toMatch(/^\/lianxin\/prod\/wechat\/notice-templates: .* \(birthday\)$/);
    expect(problemsOf(() => loadConfig(prod, { ...stored, '/lianxin/prod/wechat/notice-templates': '{not json' }))).toEqual(['/lianxin/prod/wechat/notice-templates: must be a JSON object']);
  });

  it('refuses a DynamoDB or S3 endpoint override, and the local WeChat adapter, outside the local stage', () => {
    const problems = problemsOf(() =>
      loadConfig({ ...prod, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', S3_ENDPOINT: 'http://127.0.0.1:4569', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', WECHAT_ADAPTER: 'local', LOCAL_NOW: '2026-12-01T22:00:00+08:00' }, stored),
    );
    expect(problems).toEqual([
      'DYNAMODB_ENDPOINT (a local DynamoDB) is only allowed on the local stage',
      'S3_ENDPOINT (a local S3-compatible server) is only allowed on the local stage',
      'AWS_ENDPOINT_URL_DYNAMODB (an endpoint override) is only allowed on the local stage',
      'the local WeChat adapter is only allowed on the local stage',
      'LOCAL_NOW (a shifted clock) is only allowed on the local stage',
    ]);
    const onLocal = loadConfig({ ...local, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', S3_ENDPOINT: 'http://127.0.0.1:4569' });
    expect(onLocal).toMatchObject({ dynamodbEndpoint: 'http://127.0.0.1:8000', s3Endpoint: 'http://127.0.0.1:4569', wechat: { adapter: 'local' } });
    expect(loadConfig({ ...prod, S3_ENDPOINT: '', DYNAMODB_ENDPOINT: '' }, stored).s3Endpoint).toBeUndefined();
  });

  it('on the local stage takes the values from the environment, with no Parameter Store', () => {
    const cfg = loadConfig(local);
    expect(new TextDecoder().decode(cfg.sessionSecret)).toBe('l'.repeat(40));
    expect(cfg.wechat).toMatchObject({ adapter: 'local', noticeTemplates: {}, miniprogramState: 'formal', qrEnvVersion: 'release' });
    expect(problemsOf(() => loadConfig({ ...local, SESSION_SECRET: '' }))).toEqual(['SESSION_SECRET: required on the local stage']);
    expect(problemsOf(() => loadConfig({ ...local, SESSION_SECRET: 'short' }))).toEqual(['SESSION_SECRET: must be at least 32 characters']);
    expect(problemsOf(() => loadConfig({ ...local, WECHAT_ADAPTER: 'http', WECHAT_APP_ID: 'wx1' }))).toEqual(['WECHAT_APP_ID and WECHAT_APP_SECRET are required for the http WeChat adapter']);
    expect(problemsOf(() => loadConfig({ ...local, WECHAT_NOTICE_TEMPLATES: '{"booking_reminder":{"id":"T","fields":{"code":"phrase1"}}}' }))[0]).toMatch(/^WECHAT_NOTICE_TEMPLATES\.booking_reminder\.fields: booking_reminder\.code: a phrase field/);
  });

  it('on the local stage runs the clock from LOCAL_NOW when given, and refuses a time without an offset', () => {
    const shifted = clockOf(loadConfig({ ...local, LOCAL_NOW: '2026-12-01T22:00:00+08:00' }))();
    expect(Math.abs(shifted.getTime() - Date.parse('2026-12-01T14:00:00Z'))).toBeLessThan(5_000);
    expect(Math.abs(clockOf(loadConfig(local))().getTime() - Date.now())).toBeLessThan(5_000);
    expect(problemsOf(() => loadConfig({ ...local, LOCAL_NOW: '2026-12-01 22:00' }))[0]).toMatch(/^LOCAL_NOW: must be an ISO 8601 time with an offset/);
  });

  it('needs the photo bucket, and keeps phones and addresses 180 days after the matter is closed unless configured', () => {
    expect(problemsOf(() => loadConfig({ ...prod, PHOTO_BUCKET: '' }, stored))).toEqual(['PHOTO_BUCKET: PHOTO_BUCKET must name the photo bucket']);
    expect(loadConfig(prod, stored).personalContactRetentionDays).toBe(180);
    expect(loadConfig({ ...prod, PERSONAL_CONTACT_RETENTION_DAYS: '30' }, stored).personalContactRetentionDays).toBe(30);
    expect(problemsOf(() => loadConfig({ ...prod, PERSONAL_CONTACT_RETENTION_DAYS: '0' }, stored))[0]).toMatch(/^PERSONAL_CONTACT_RETENTION_DAYS/);
    expect(problemsOf(() => loadConfig({ ...prod, LOG_LEVEL: 'LOUD' }, stored))[0]).toMatch(/^LOG_LEVEL/);
  });
});

describe('reading the configuration at cold start', () => {
  it('fetches the named parameters once, and not at all on the local stage', async () => {
    const asked: string[][] = [];
    const source = async (names: string[]) => {
      asked.push(names);
      return stored;
    };
    const config = configLoader(() => prod, source);
    const [a, b] = await Promise.all([config(), config()]);
    expect(a).toBe(b);
    expect(asked).toEqual([Object.keys(stored)]);
    await configLoader(() => local, source)();
    expect(asked).toHaveLength(1);
  });

  it('keeps no failure: a parameter created after a failed cold start is read by the next request', async () => {
    const held: Record<string, string> = { ...stored };
    delete held['/lianxin/prod/session-secret'];
    const config = configLoader(() => prod, async () => held);
    await expect(config()).rejects.toThrow(new ConfigurationError(['missing or empty in Parameter Store: /lianxin/prod/session-secret']));
    held['/lianxin/prod/session-secret'] = 'z'.repeat(32);
    await expect(config()).resolves.toMatchObject({ stage: 'prod' });
  });

  it('reports a Parameter Store that cannot be read (no permission, no network) as configuration the function lacks', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: ssm:GetParameters'), { name: 'AccessDeniedException' });
    const config = configLoader(() => prod, async () => Promise.reject(denied));
    await expect(config()).rejects.toThrow(/^configuration incomplete: Parameter Store could not be read \(AccessDeniedException: User is not authorized/);
  });
});
