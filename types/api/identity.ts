import { z } from 'zod';
import { action } from '../envelope';
import { Gender, Grant, Role } from '../domain';

export const StudentProfile = z.object({
  studentId: z.string(),
  name: z.string(),
  gender: Gender,
  classId: z.string(),
  className: z.string(),
  cohort: z.number(),
  major: z.string(),
  collegeName: z.string(),
});
export type StudentProfile = z.infer<typeof StudentProfile>;

export const Me = z.object({
  userId: z.string(),
  name: z.string(),
  roles: z.array(Role),
  grants: z.array(Grant),
  /** The student themself, for a student. */
  student: StudentProfile.optional(),
  /** The bound children, for a parent. */
  children: z.array(StudentProfile),
});
export type Me = z.infer<typeof Me>;

export const identityApi = {
  me: action(z.object({})).returns(Me).fails(),
};
export type IdentityApi = typeof identityApi;
