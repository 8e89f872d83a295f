import { z } from 'zod';

/** What a course teacher may raise about a student before grades are in (the teacher takes part; rules: 004-4.7). */
export const ConcernKind = z.enum(['attendance', 'missingWork', 'attitude', 'other'], {
  errorMap: () => ({ message: '请选择反映的情况（缺勤、作业未交、学习态度或其他）' }),
});
export type ConcernKind = z.infer<typeof ConcernKind>;

export const concernKindLabel: Record<ConcernKind, string> = {
  attendance: '缺勤',
  missingWork: '作业未交',
  attitude: '学习态度',
  other: '其他',
};

export const ConcernStatus = z.enum(['open', 'closed']);
export type ConcernStatus = z.infer<typeof ConcernStatus>;

/** A course teacher's concern: in the class counselor's queue and the student's case until closed with an outcome. */
export const Concern = z.object({
  _id: z.string(),
  collegeId: z.string(),
  classId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  semester: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  kind: ConcernKind,
  note: z.string(),
  status: ConcernStatus,
  at: z.string(),
  outcome: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type Concern = z.infer<typeof Concern>;
