import { loadConfig } from './config';

const base = { STAGE: 'prod', TABLE_NAME: 'lianxin-prod', PHOTO_BUCKET: 'lianxin-photos-prod', SESSION_SECRET: 'x'.repeat(40), WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's' };

describe('configuration', () => {
  it('reads and types the environment', () => {
    const cfg = loadConfig({ ...base, SESSION_TTL_SECONDS: '600' });
    expect(cfg).toMatchObject({ stage: 'prod', isLocalStage: false, tableName: 'lianxin-prod', sessionTtlSeconds: 600, wechat: { adapter: 'http', appId: 'wx1' } });
    expect(cfg.dynamodbEndpoint).toBeUndefined();
  });

  it('fails loudly on a missing or short session secret', () => {
    expect(() => loadConfig({ ...base, SESSION_SECRET: '' })).toThrow(/SESSION_SECRET/);
  });

  it('refuses the local WeChat adapter outside the local stage', () => {
    expect(() => loadConfig({ ...base, WECHAT_ADAPTER: 'local' })).toThrow(/only allowed on the local stage/);
    expect(loadConfig({ ...base, STAGE: 'local', WECHAT_ADAPTER: 'local' }).wechat.adapter).toBe('local');
  });

  it('needs the photo bucket, and allows a local S3 server only on the local stage', () => {
    expect(() => loadConfig({ ...base, PHOTO_BUCKET: '' })).toThrow(/PHOTO_BUCKET/);
    expect(() => loadConfig({ ...base, S3_ENDPOINT: 'http://127.0.0.1:4569' })).toThrow(/only allowed on the local stage/);
    const local = loadConfig({ ...base, STAGE: 'local', WECHAT_ADAPTER: 'local', S3_ENDPOINT: 'http://127.0.0.1:4569' });
    expect(local).toMatchObject({ photoBucket: 'lianxin-photos-prod', s3Endpoint: 'http://127.0.0.1:4569' });
    expect(loadConfig({ ...base, S3_ENDPOINT: '' }).s3Endpoint).toBeUndefined();
  });

  it('keeps phones and home addresses 180 days after the matter is closed unless configured, within 1–3650 days', () => {
    expect(loadConfig(base).personalContactRetentionDays).toBe(180);
    expect(loadConfig({ ...base, PERSONAL_CONTACT_RETENTION_DAYS: '30' }).personalContactRetentionDays).toBe(30);
    expect(() => loadConfig({ ...base, PERSONAL_CONTACT_RETENTION_DAYS: '0' })).toThrow(/PERSONAL_CONTACT_RETENTION_DAYS/);
    expect(() => loadConfig({ ...base, PERSONAL_CONTACT_RETENTION_DAYS: 'forever' })).toThrow(/PERSONAL_CONTACT_RETENTION_DAYS/);
  });

  it('needs the app id and secret for the real WeChat adapter', () => {
    expect(() => loadConfig({ ...base, WECHAT_APP_SECRET: '' })).toThrow(/WECHAT_APP_SECRET/);
  });
});
