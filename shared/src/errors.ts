/**
 * The one error vocabulary shared by the API and the mini-program.
 * Every error body is `{ error: { code, message, fields?, reason?, requestId? } }`; `message` is Chinese and fit to show
 * a resident; `requestId` matches the request's log lines.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '操作冲突，请刷新后重试',
  PAYLOAD_TOO_LARGE: '提交的内容太大了，请精简后再试',
  UNPROCESSABLE: '请求无法处理，请刷新后重试',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
  UPSTREAM_UNAVAILABLE: '服务暂时不可用，请稍后再试',
};

/**
 * Why a 409 happened, for the few conflicts a screen must tell apart (the message stays the words shown):
 * a ticket already checked in, a service already booked, a reading refused for want of consent or of an account.
 */
export const CONFLICT_REASONS = ['already_checked_in', 'already_booked', 'no_health_consent', 'no_account'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/** Per-field messages, keyed by the field's dotted path (e.g. `code`, `photos.0`). */
export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  /** `requestId`: API Gateway's id of the request, also on its log lines — quote it when reporting a problem. */
  error: { code: ErrorCode; message: string; fields?: FieldErrors; reason?: ConflictReason; requestId?: string };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const e = (value as { error?: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    && typeof (e as { message?: unknown }).message === 'string';
}
