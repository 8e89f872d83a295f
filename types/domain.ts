import { z } from 'zod';

/** Roles (what each may do: cloudfunctions/core/access/permissions.ts). A person may hold several (a counselor who is also a head teacher). */
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
  // A graduate student who may apply to be an academic assistant (rules: 000-1.1; issue 16).
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
export const User = z.object({
  _id: z.string(),
  openid: z.string(),
  name: z.string(),
  phone: z.string().optional(),
  grants: z.array(Grant),
});
export type User = z.infer<typeof User>;

/** The caller as the handlers see it: resolved from OPENID (cloud) or a signed session (local). */
export const Actor = z.object({
  userId: z.string(),
  openid: z.string(),
  name: z.string(),
  grants: z.array(Grant),
});
export type Actor = z.infer<typeof Actor>;

export const College = z.object({
  _id: z.string(),
  name: z.string(),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type College = z.infer<typeof College>;

export const ClassInfo = z.object({
  _id: z.string(),
  name: z.string(),
  collegeId: z.string(),
  departmentId: z.string(),
  /** Entry year, e.g. 2024 for 2024级. */
  cohort: z.number(),
  major: z.string(),
  counselorId: z.string(),
  headTeacherId: z.string(),
  assistantId: z.string().optional(),
  size: z.number(),
});
export type ClassInfo = z.infer<typeof ClassInfo>;

export const Gender = z.enum(['男', '女']);
export type Gender = z.infer<typeof Gender>;

export const Student = z.object({
  _id: z.string(), // 学号
  name: z.string(),
  gender: Gender,
  classId: z.string(),
  collegeId: z.string(),
  cohort: z.number(),
  dormId: z.string(),
  /** From enrollment; the only channel a parent binding code may travel through. */
  parentName: z.string(),
  parentPhone: z.string(),
});
export type Student = z.infer<typeof Student>;

export const Dorm = z.object({
  _id: z.string(),
  building: z.string(),
  room: z.string(),
  collegeId: z.string(),
  classIds: z.array(z.string()),
});
export type Dorm = z.infer<typeof Dorm>;

export const Course = z.object({
  _id: z.string(), // 课程代码
  name: z.string(),
  credits: z.number(),
  departmentId: z.string(),
  teacherId: z.string().optional(),
  teacherName: z.string().optional(),
});
export type Course = z.infer<typeof Course>;

/** Audit fields every stored document carries: who wrote it and when. */
export const Audit = z.object({
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type Audit = z.infer<typeof Audit>;

/**
 * Mask a phone for display: 138******** (the first 3 digits and the length). The last 4 digits
 * are the parent-binding secret, so no screen ever shows them.
 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 3)}` : '****';
}
