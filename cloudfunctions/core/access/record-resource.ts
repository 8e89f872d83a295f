import type { Pairing } from '../../../types/support';
import { NotFoundError } from '../errors';
import type { Resource } from './authorize';

/** A resource no grant reaches. */
const NOBODY: Resource = { studentId: '\u0000' };

/** An unknown id reaches nobody, so the caller is denied before learning it does not exist. */
export async function orNobody<T>(load: () => Promise<T>, resource: (found: T) => Resource): Promise<Resource> {
  try {
    return resource(await load());
  } catch (error) {
    if (error instanceof NotFoundError) return NOBODY;
    throw error;
  }
}

/** A record about one student (a talk, a plan): reached by the student, their class and college. */
export function recordResource(r: { studentId: string; classId: string; collegeId: string }): Resource {
  return { studentId: r.studentId, classId: r.classId, collegeId: r.collegeId };
}

/** The one resource a pairing form is reached by, for the `pairing` action and the case view alike. */
export const pairingResourceOf = (p: Pick<Pairing, 'classId' | 'collegeId'>): Resource => ({
  classId: p.classId,
  collegeId: p.collegeId,
});
