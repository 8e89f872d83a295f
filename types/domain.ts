import { z } from 'zod';

/** Roles of SPEC.md. A person may hold several (a counselor who is also a head teacher). */
export const Role = z.enum([
  'student',
  'parent',
  'assistant',
  'counselor',
  'headTeacher',
  'courseTeacher',
  'clerk',
  'departmentHead',
  'leader',
  'studentAffairs',
  // A graduate student who may apply to be an academic assistant (seed 000, issue 16).
  'graduate',
]);
export type Role = z.infer<typeof Role>;

export const roleLabel: Record<Role, string> = {
  student: '学生',
  parent: '家长',
  assistant: '学业助理',
  counselor: '辅导员',
  headTeacher: '班主任',
  courseTeacher: '任课教师',
  clerk: '教学秘书',
  departmentHead: '系主任',
  leader: '学院领导',
  studentAffairs: '学工部',
  graduate: '研究生',
};

/**
 * What a role covers. Scopes are ids, never names: a student their own id, a parent the
 * children bound to them, class staff their classes, college staff their college.
 */
export const Grant = z.discriminatedUnion('role', [
  z.object({ role: z.literal('student'), studentId: z.string() }),
  z.object({ role: z.literal('parent'), childIds: z.array(z.string()) }),
  z.object({ role: z.literal('assistant'), classIds: z.array(z.string()) }),
  z.object({ role: z.literal('counselor'), classIds: z.array(z.string()) }),
  z.object({ role: z.literal('headTeacher'), classIds: z.array(z.string()) }),
  z.object({ role: z.literal('courseTeacher'), courseCodes: z.array(z.string()) }),
  z.object({ role: z.literal('clerk'), collegeId: z.string() }),
  z.object({ role: z.literal('departmentHead'), collegeId: z.string(), departmentId: z.string() }),
  z.object({ role: z.literal('leader'), collegeId: z.string() }),
  z.object({ role: z.literal('studentAffairs') }),
  z.object({ role: z.literal('graduate'), graduateId: z.string() }),
]);
export type Grant = z.infer<typeof Grant>;

/** A person known to the system, found by the OPENID WeChat gives the cloud function. */
export type User = {
  _id: string;
  openid: string;
  name: string;
  phone?: string;
  grants: Grant[];
};

/** The caller as the handlers see it: resolved from OPENID (cloud) or a signed session (local). */
export type Actor = {
  userId: string;
  openid: string;
  name: string;
  grants: Grant[];
};

export type College = { _id: string; name: string; departments: { id: string; name: string }[] };

export type ClassInfo = {
  _id: string;
  name: string;
  collegeId: string;
  departmentId: string;
  /** Entry year, e.g. 2024 for 2024级. */
  cohort: number;
  major: string;
  counselorId: string;
  headTeacherId: string;
  assistantId?: string;
  size: number;
};

export type Student = {
  _id: string; // 学号
  name: string;
  gender: '男' | '女';
  classId: string;
  collegeId: string;
  cohort: number;
  dormId: string;
  /** From enrollment; the only channel a parent binding code may travel through. */
  parentName: string;
  parentPhone: string;
};

export type Dorm = { _id: string; building: string; room: string; collegeId: string; classIds: string[] };

export type Course = {
  _id: string; // 课程代码
  name: string;
  credits: number;
  departmentId: string;
  teacherId?: string;
  teacherName?: string;
};

/** Audit fields every stored document carries: who wrote it and when. */
export type Audit = {
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
};

/**
 * Mask a phone for display: 138******** (the first 3 digits and the length). The last 4 digits
 * are the parent-binding secret, so no screen ever shows them.
 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 3)}` : '****';
}
