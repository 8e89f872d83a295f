import { z } from 'zod';

/** What a course teacher may raise about a student before grades are in (seed 004: the teacher takes part). */
export const ConcernKind = z.enum(['attendance', 'missingWork', 'attitude', 'other'], { errorMap: () => ({ message: '请选择反映的情况（缺勤、作业未交、学习态度或其他）' }) });
export type ConcernKind = z.infer<typeof ConcernKind>;

export const concernKindLabel: Record<ConcernKind, string> = { attendance: '缺勤', missingWork: '作业未交', attitude: '学习态度', other: '其他' };

export const CONCERNS = 'concerns';

export type ConcernStatus = 'open' | 'closed';

/** A course teacher's concern: in the class counselor's queue and the student's case until closed with an outcome. */
export type Concern = {
  _id: string;
  collegeId: string;
  classId: string;
  studentId: string;
  studentName: string;
  courseCode: string;
  courseName: string;
  semester: string;
  teacherId: string;
  teacherName: string;
  kind: ConcernKind;
  note: string;
  status: ConcernStatus;
  at: string;
  outcome: string | null;
  closedBy: string | null;
  closedByName: string | null;
  closedAt: string | null;
};
