import { DEFAULT_ERROR_MESSAGES, type ConflictReason, type ErrorCode, type FieldErrors } from '@shared/errors'

/** What every failed call of the mini-program becomes: a Chinese message fit to show, and what a screen needs to decide. */
export const NETWORK_ERROR_MESSAGE = '网络不太好，请检查网络后重试'
export const WECHAT_LOGIN_FAILED_MESSAGE = '微信登录没有成功，请稍后再试'

export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'WECHAT_LOGIN_FAILED'

export class ApiError extends Error {
  readonly code: ApiErrorCode
  /** Per-field Chinese messages (empty when the error is not about a form field). */
  readonly fields: FieldErrors
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number
  /** For a 409 a screen must tell apart (already checked in, no consent …); see `CONFLICT_REASONS`. */
  readonly reason?: ConflictReason
  /** The API's id of the request, on its log lines too (a server error shows it in its message, for a screenshot). */
  readonly requestId?: string

  constructor(init: { code: ApiErrorCode; message: string; status: number; fields?: FieldErrors; reason?: ConflictReason; requestId?: string }) {
    super(init.message)
    this.name = 'ApiError'
    this.code = init.code
    this.status = init.status
    this.fields = init.fields ?? {}
    this.reason = init.reason
    this.requestId = init.requestId
    // keep `instanceof` working when compiled down to ES5 classes
    Object.setPrototypeOf(this, ApiError.prototype)
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

/**
 * No answer, or an answer that does not tell whether a POST took effect (network failure, 5xx): the same request,
 * with the same retry key, may be sent again — the API then answers with what the first attempt did.
 */
export function outcomeUnknown(error: unknown): boolean {
  return !isApiError(error) || error.status === 0 || error.status >= 500
}

/** A message for any thrown value, for toasts and inline errors. */
export function errorMessage(error: unknown): string {
  return isApiError(error) ? error.message : DEFAULT_ERROR_MESSAGES.INTERNAL
}
