import { DomainError } from '../errors';

/** A roster file that could not be read or planned is refused with the reason, nothing written. */
export function requireUsable<T extends { ok: true }>(planned: T | { ok: false; message: string }): T {
  if (planned.ok === false) throw new DomainError('ROSTER.FILE_UNUSABLE', planned.message, 'fileId');
  return planned;
}
