import { z } from 'zod';
import { action } from '../envelope';
import type { Grant, Role } from '../domain';

export type StudentProfile = {
  studentId: string;
  name: string;
  gender: '男' | '女';
  classId: string;
  className: string;
  cohort: number;
  major: string;
  collegeName: string;
};

export type Me = {
  userId: string;
  name: string;
  roles: Role[];
  grants: Grant[];
  /** The student themself, for a student. */
  student?: StudentProfile;
  /** The bound children, for a parent. */
  children: StudentProfile[];
};

export const identityApi = {
  me: action(z.object({})).returns<Me>(),
};
export type IdentityApi = typeof identityApi;
