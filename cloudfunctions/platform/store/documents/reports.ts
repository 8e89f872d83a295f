import { z } from 'zod';
import type { CourseTask } from '../../../core/reports/course-tasks';
import type { WarningFact } from '../../../core/reports/facts';
import type { WarningDigest } from '../../../core/reports/warning-digest';

/**
 * The report documents whose type the pure core declares (the core cannot import the store):
 * each schema `satisfies` its core type, so the two cannot drift apart.
 */

const StoredWarningFact = z.object({
  warningId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  semester: z.string(),
  level: z.string(),
  levelName: z.string(),
  levelRank: z.number(),
  status: z.enum(['active', 'superseded', 'lifted', 'withdrawn']),
  publishedAt: z.string(),
  failedCourses: z.array(z.object({ code: z.string(), name: z.string() })),
}) satisfies z.ZodType<WarningFact>;

/** The warnings of one class in one semester ('warningDigests'), by student. */
export const WarningDigestDocument = z.object({
  _id: z.string(),
  semester: z.string(),
  classId: z.string(),
  collegeId: z.string(),
  students: z.record(z.array(StoredWarningFact)),
}) satisfies z.ZodType<WarningDigest>;

/** A course-improvement task of one college and semester ('courseTasks'). */
export const CourseTaskDocument = z.object({
  _id: z.string(),
  collegeId: z.string(),
  semester: z.string(),
  runId: z.string(),
  subject: z.enum(['course', 'teacher']),
  subjectName: z.string(),
  courseCodes: z.array(z.string()),
  departmentId: z.string().nullable(),
  graded: z.number(),
  failed: z.number(),
  failRate: z.number(),
  threshold: z.number(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  analysis: z.string(),
  measures: z.string(),
  doneAt: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), by: z.string(), byName: z.string(), done: z.boolean() })),
}) satisfies z.ZodType<CourseTask>;
