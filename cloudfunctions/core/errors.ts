import { Errors, type ErrorCode } from '../../types/errors';

export type { ErrorCode };

/**
 * A rule of the domain said no. `code` is stable (callers branch on it) and comes from the
 * catalogue in types/errors.ts, `message` is Chinese for the person in front of the phone,
 * `field` names the input at fault when there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class AccessDeniedError extends DomainError {
  constructor(message = '无权查看或操作此内容') {
    super(Errors.common.AccessDenied, message);
    this.name = 'AccessDeniedError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(Errors.common.NotFound, `未找到${what}`);
    this.name = 'NotFoundError';
  }
}
