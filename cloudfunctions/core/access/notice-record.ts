import type { Actor } from '../../../types/domain';
import { AccessDeniedError } from '../errors';
import { isAllowed, type Resource } from './authorize';

/**
 * What is filed for a notice (both copies and both signatures) is for the people who file it:
 * those who may read the student copy and the parent copy alike (class staff, the clerk). A
 * leader tracking the numbers, a parent or a student is refused.
 */
export function assertFilesNotice(actor: Actor, resource: Resource): void {
  if (!isAllowed(actor, 'notice.readStudentCopy', resource) || !isAllowed(actor, 'notice.readParentCopy', resource))
    throw new AccessDeniedError();
}
