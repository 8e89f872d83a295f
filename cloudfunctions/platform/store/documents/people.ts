import { z } from 'zod';
import { ClassInfo, Role, Student, User } from '../../../../types/domain';

/**
 * People and classes as stored: the domain record plus what the roster files and the assistant
 * programme keep on it. Every field a writer stores is described here, so nothing is lost on read.
 */

/** A student as the roster keeps them: `enrolled: false` once a later file no longer lists them. */
export const StudentDocument = Student.extend({
  major: z.string().optional(),
  parentPhones: z.array(z.string()).optional(),
  enrolled: z.boolean().optional(),
});
export type StudentDocument = z.infer<typeof StudentDocument>;

/** A class as the roster keeps it: `active: false` once a later file no longer lists it. */
export const ClassDocument = ClassInfo.extend({ active: z.boolean().optional() });
export type ClassDocument = z.infer<typeof ClassDocument>;

/** A user: staff carry what the staff file says, graduates their profile (both absent for students and parents). */
export const UserDocument = User.extend({
  staffNo: z.string().optional(),
  roles: z.array(Role).optional(),
  department: z.string().optional(),
  collegeId: z.string().optional(),
  active: z.boolean().optional(),
  /** Checked where it is used (graduateOf): a profile that no longer parses leaves the user readable. */
  graduate: z.unknown().optional(),
});
export type UserDocument = z.infer<typeof UserDocument>;
