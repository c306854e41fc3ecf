import { DEFAULT_ERROR_MESSAGES, type ConflictReason, type ErrorCode, type FieldErrors } from '@shared/errors';

/** The domain's errors. Use cases throw these; `http/respond.ts` is the one place that maps them to HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldErrors,
  ) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code]);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(fields: FieldErrors, message?: string) {
    super('VALIDATION_FAILED', message, fields);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message?: string) {
    super('UNAUTHENTICATED', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message?: string) {
    super('FORBIDDEN', message);
  }
}
export class NotFoundError extends DomainError {
  constructor(message?: string) {
    super('NOT_FOUND', message);
  }
}
export class ConflictError extends DomainError {
  constructor(
    message?: string,
    /** For the conflicts a screen must tell apart (shared/src/errors.ts). */
    readonly reason?: ConflictReason,
  ) {
    super('CONFLICT', message);
  }
}
export class PayloadTooLargeError extends DomainError {
  constructor(message?: string) {
    super('PAYLOAD_TOO_LARGE', message);
  }
}
export class RateLimitedError extends DomainError {
  constructor(
    message?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super('RATE_LIMITED', message);
  }
}
export class UpstreamUnavailableError extends DomainError {
  constructor(message?: string) {
    super('UPSTREAM_UNAVAILABLE', message);
  }
}
export class UnprocessableError extends DomainError {
  constructor(message?: string) {
    super('UNPROCESSABLE', message);
  }
}
