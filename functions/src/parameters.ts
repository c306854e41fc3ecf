/**
 * The settings that live in SSM Parameter Store outside the local stage: secrets and the per-stage WeChat settings.
 * A deployed function's environment carries only their names (`PARAM_SESSION_SECRET=/lianxin/prod/session-secret`),
 * never a value; `config.ts` fetches the named ones at cold start and validates them. On the local stage the value
 * itself comes from the environment variable of the same name (`SESSION_SECRET=…`), with no SSM.
 *
 * `functions/src/deployment.ts` lists per function which of these it needs: only those are named in its environment
 * and only those may be read by its role.
 */
export const PARAMETERS = {
  sessionSecret: { env: 'SESSION_SECRET', path: 'session-secret', secure: true, meaning: 'signs session tokens; at least 32 characters' },
  wechatAppId: { env: 'WECHAT_APP_ID', path: 'wechat/app-id', secure: false, meaning: 'the mini-program’s AppID (wx…)' },
  wechatAppSecret: { env: 'WECHAT_APP_SECRET', path: 'wechat/app-secret', secure: true, meaning: 'the mini-program’s AppSecret' },
  wechatNoticeTemplates: {
    env: 'WECHAT_NOTICE_TEMPLATES',
    path: 'wechat/notice-templates',
    secure: false,
    meaning: 'subscribe-message templates per notice kind (JSON), field types checked at cold start',
  },
  wechatMiniprogramState: { env: 'WECHAT_MINIPROGRAM_STATE', path: 'wechat/miniprogram-state', secure: false, meaning: 'which version a notice opens: developer, trial or formal' },
  wechatQrEnvVersion: { env: 'WECHAT_QR_ENV_VERSION', path: 'wechat/qr-env-version', secure: false, meaning: 'which version a venue’s code opens: develop, trial or release' },
} as const;

export type ParameterKey = keyof typeof PARAMETERS;

export const PARAMETER_KEYS = Object.keys(PARAMETERS) as ParameterKey[];

/** The environment variable that names the parameter: `PARAM_SESSION_SECRET`. */
export function parameterEnvName(key: ParameterKey): string {
  return `PARAM_${PARAMETERS[key].env}`;
}

/** The parameter's name in Parameter Store for a stage: `/lianxin/prod/session-secret`. */
export function parameterName(stage: string, key: ParameterKey): string {
  return `/lianxin/${stage}/${PARAMETERS[key].path}`;
}
