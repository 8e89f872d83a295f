import { AccessDeniedError } from '../errors';

/** A class or person looked up within the caller's own scope: not found there is outside it, denied. */
export function withinScope<T>(found: T | undefined | null): T {
  if (found === undefined || found === null) throw new AccessDeniedError();
  return found;
}
