import { z } from 'zod';
import { RunEntry, RunStatus } from '../../../../types/api/warnings';
import { ManualEntry } from '../../../../types/policy';
import type { CourseResult, TeacherResult } from '../../../core/rules/course-tally';

/** A course's or a teacher's fail rate as the run stored it: the tally's result (core/rules/course-tally), field for field. */
const CourseFigures = z.object({
  courseCode: z.string(),
  courseName: z.string(),
  departmentId: z.string().nullable(),
  graded: z.number(),
  failed: z.number(),
  failRate: z.number(),
  flagged: z.boolean(),
}) satisfies z.ZodType<CourseResult>;
const TeacherFigures = z.object({
  teacherName: z.string(),
  departmentId: z.string().nullable(),
  courseCodes: z.array(z.string()),
  graded: z.number(),
  failed: z.number(),
  failRate: z.number(),
  flagged: z.boolean(),
}) satisfies z.ZodType<TeacherResult>;

/**
 * One run of a policy over a college's grades ('warningRuns'): the reviewed list before and
 * after publication. Runs are never deleted: a published run is the record of what was issued.
 */
export const WarningRunDocument = z.object({
  collegeId: z.string(),
  semester: z.string(),
  policyId: z.string(),
  policyName: z.string(),
  status: RunStatus,
  entries: z.array(RunEntry),
  /** Flagged courses and teachers only (fail rate above the policy's threshold). */
  courses: z.array(CourseFigures),
  teachers: z.array(TeacherFigures),
  threshold: z.number(),
  /** The college's active warnings when the run was made: the base of every change. */
  previous: z.array(z.object({ studentId: z.string(), level: z.string(), warningId: z.string() })),
  manual: z.array(ManualEntry),
  rejectedManual: z.array(z.object({ studentId: z.string(), message: z.string() })),
  gradeRows: z.number(),
  students: z.number(),
  createdByName: z.string(),
  /** Set when publishing starts, so a resumed publish stamps every warning the same. */
  publishing: z.object({ at: z.string(), by: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedByName: z.string().nullable().optional(),
  /** What the draft was made on (see publishBlock); absent on runs made before it was recorded. */
  basis: z.object({ publishedRunId: z.string().nullable(), corrections: z.number() }).optional(),
  discarded: z.object({ at: z.string(), by: z.string(), byName: z.string() }).nullable().optional(),
});
export type WarningRunDocument = z.infer<typeof WarningRunDocument>;
