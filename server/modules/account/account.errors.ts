// The refusals of signing in and of asking without the right: UNAUTHENTICATED, TOO_MANY_ATTEMPTS (FORBIDDEN is shared).
import { DomainError, ErrorCode } from '../../errors';

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
}

export class TooManyAttemptsError extends DomainError {
  readonly code = ErrorCode.TOO_MANY_ATTEMPTS;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins: this account is locked; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
  }
}
