import { authDeps } from './auth/deps';
import { ConfigurationError, loadConfig, type Config } from './config';
import { lambdas, serverlessFunctions } from './deployment';
import { localDeps } from './local/deps';
import { noticeConsumerDeps } from './notices/notice-consumer-deps';
import { noticesDeps } from './notices/deps';
import { PARAMETER_KEYS, parameterEnvName, parameterName, type ParameterKey } from './parameters';
import { postersDeps } from './posters/deps';
import { privacyDeps } from './privacy/deps';
import { readingsDeps } from './readings/deps';
import { coinsDeps } from './coins/deps';
import { volunteersDeps } from './volunteers/deps';
import { standJobsDeps, standsDeps } from './stands/deps';
import { studioDeps } from './studio/deps';
import { submissionJobsDeps, submissionsDeps } from './submissions/deps';
import { townsDeps } from './towns/deps';

/** What each deployed function wires on its first invocation (its lambda.ts or job handler). */
const wiringOf: Record<string, (cfg: Config) => unknown> = {
  auth: authDeps,
  local: localDeps,
  stands: standsDeps,
  readings: readingsDeps,
  coins: coinsDeps,
  volunteers: volunteersDeps,
  studio: studioDeps,
  submissions: submissionsDeps,
  notices: noticesDeps,
  posters: postersDeps,
  privacy: privacyDeps,
  towns: townsDeps,
  markNoShows: standJobsDeps,
  sendBookingReminders: standJobsDeps,
  deliverNotices: noticeConsumerDeps,
  countOverdueSubmissions: submissionJobsDeps,
};

const VALUES: Record<ParameterKey, string> = {
  sessionSecret: 's'.repeat(40),
  wechatAppId: 'wx0123456789abcdef',
  wechatAppSecret: 'app-secret',
  wechatNoticeTemplates: '{}',
  wechatMiniprogramState: 'formal',
  wechatQrEnvVersion: 'release',
};

/** The configuration a function deployed on prod with these parameters reads at cold start. */
function configWith(keys: ParameterKey[]): Config {
  const env: Record<string, string> = { STAGE: 'prod', TABLE_NAME: 'lianxin-prod', AWS_REGION: 'cn-northwest-1', PHOTO_BUCKET: 'lianxin-photos-prod' };
  const stored: Record<string, string> = {};
  for (const key of keys) {
    env[parameterEnvName(key)] = parameterName('prod', key);
    stored[parameterName('prod', key)] = VALUES[key];
  }
  return loadConfig(env, stored);
}

describe('what each function is deployed with', () => {
  it('names a wiring for every function', () => {
    expect(Object.keys(wiringOf).sort()).toEqual(Object.keys(lambdas).sort());
  });

  it.each(Object.keys(lambdas))('%s is given exactly the parameters its wiring reads', (name) => {
    const { parameters } = lambdas[name]!;
    const wire = wiringOf[name]!;
    expect(() => wire(configWith(parameters))).not.toThrow();
    for (const left of parameters) {
      let error: unknown;
      try {
        wire(configWith(parameters.filter((key) => key !== left)));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain(parameterEnvName(left));
    }
  });

  it('outside the local stage, a function’s environment names its parameters and its role reads only those', () => {
    const fns = serverlessFunctions('prod') as Record<string, { environment?: Record<string, string>; iamRoleStatements: { Action: string[]; Resource: unknown[]; Condition?: unknown }[] }>;
    expect(fns.stands!.environment).toEqual({ PARAM_SESSION_SECRET: '/lianxin/prod/session-secret' });
    const ssm = fns.stands!.iamRoleStatements.filter((st) => st.Action.some((a) => a.startsWith('ssm:')));
    expect(ssm).toHaveLength(1);
    expect(JSON.stringify(ssm[0]!.Resource)).toContain(':parameter/lianxin/prod/session-secret');
    expect(JSON.stringify(ssm[0]!.Resource)).not.toContain('wechat');
    // a job that reads no parameter has no environment of its own and no Parameter Store access
    expect(fns.markNoShows!.environment).toBeUndefined();
    expect(JSON.stringify(fns.markNoShows!.iamRoleStatements)).not.toMatch(/ssm:|kms:/);
    // decryption only through SSM, only for the function's SecureString parameters
    const kms = fns.posters!.iamRoleStatements.find((st) => st.Action.includes('kms:Decrypt'))!;
    expect(JSON.stringify(kms.Condition)).toContain('kms:ViaService');
    expect(JSON.stringify(kms.Condition)).toContain('/lianxin/prod/wechat/app-secret');
    expect(JSON.stringify(kms.Condition)).not.toContain('qr-env-version');
    for (const fn of Object.values(fns)) for (const value of Object.values(fn.environment ?? {})) expect(value).toMatch(/^\/lianxin\/prod\//);
  });

  it('on the local stage, takes the session secret from serverless.yml’s local params and reads no Parameter Store', () => {
    const fns = serverlessFunctions('local') as Record<string, { environment?: Record<string, string>; iamRoleStatements: unknown[] }>;
    expect(fns.stands!.environment).toEqual({ SESSION_SECRET: '${param:sessionSecret}' });
    expect(JSON.stringify(Object.values(fns).map((fn) => fn.iamRoleStatements))).not.toMatch(/ssm:|kms:/);
    expect(PARAMETER_KEYS.every((key) => !JSON.stringify(fns).includes(parameterEnvName(key)))).toBe(true);
  });
});
