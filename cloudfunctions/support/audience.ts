import { grantsFor, type Resource } from '../core/access/authorize';
import type { CaseAudience } from '../../types/api/support';
import type { Actor } from '../../types/domain';

/** Who is reading a case: staff (any staff grant reaching it), the student, or a parent. */
export function audienceOf(actor: Actor, resource: Resource): CaseAudience {
  const grants = grantsFor(actor, 'case.read', resource);
  if (grants.some((g) => g.role !== 'student' && g.role !== 'parent')) return 'staff';
  if (grants.some((g) => g.role === 'student')) return 'student';
  return 'parent';
}
