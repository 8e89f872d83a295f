/**
 * A rule of the domain said no. `code` is stable (callers branch on it), `message` is Chinese
 * for the person in front of the phone, `field` names the input at fault when there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class AccessDeniedError extends DomainError {
  constructor(message = '无权查看或操作此内容') {
    super('ACCESS.DENIED', message);
    this.name = 'AccessDeniedError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `未找到${what}`);
    this.name = 'NotFoundError';
  }
}
