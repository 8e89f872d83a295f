import type { RunEntry, RunStatus } from '../../../../types/api/warnings';
import type { ManualEntry } from '../../../../types/policy';
import type { CourseResult, TeacherResult } from '../../../core/rules/course-tally';

/**
 * One run of a policy over a college's grades ('warningRuns'): the reviewed list before and
 * after publication. Runs are never deleted: a published run is the record of what was issued.
 */
export type WarningRunDocument = {
  collegeId: string;
  semester: string;
  policyId: string;
  policyName: string;
  status: RunStatus;
  entries: RunEntry[];
  /** Flagged courses and teachers only (fail rate above the policy's threshold). */
  courses: CourseResult[];
  teachers: TeacherResult[];
  threshold: number;
  /** The college's active warnings when the run was made: the base of every change. */
  previous: { studentId: string; level: string; warningId: string }[];
  manual: ManualEntry[];
  rejectedManual: { studentId: string; message: string }[];
  gradeRows: number;
  students: number;
  createdByName: string;
  /** Set when publishing starts, so a resumed publish stamps every warning the same. */
  publishing: { at: string; by: string } | null;
  publishedAt: string | null;
  publishedBy: string | null;
  publishedByName?: string | null;
  /** What the draft was made on (see publishBlock); absent on runs made before it was recorded. */
  basis?: { publishedRunId: string | null; corrections: number };
  discarded?: { at: string; by: string; byName: string } | null;
};
