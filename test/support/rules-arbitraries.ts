import fc from 'fast-check';
import type { Attempt, GradeRow } from '../../types/grade';
import type { Policy, PreviousEntry } from '../../types/policy';
import { parseScore } from '../../cloudfunctions/core/rules/score';
import { S0, S1 } from './rules-grades';

/** Small worlds for properties: few students and courses, so that rows collide often. */
export const studentIds = ['S1', 'S2', 'S3', 'S4'];
export const courseCredits: Record<string, number> = { C1: 1, C2: 2, C3: 2.5, C4: 3, C5: 4, C6: 6 };
const courseCodes = Object.keys(courseCredits);
const semesters = [S0, S1];
const attempts: Attempt[] = ['regular', 'makeup', 'retake'];
const anyScore = [
  '95',
  '85',
  '70',
  '65',
  '60',
  '59.5',
  '40',
  '0',
  '优秀',
  '良好',
  '中等',
  '及格',
  '不及格',
  '合格',
  '不合格',
  '缺考',
  '旷考',
  '作弊',
  '免修',
  '缓考',
];
const passingScore = ['100', '90', '82', '75', '66', '60', '优秀', '良好', '中等', '及格', '合格', '通过', '免修'];
/** Passes that cannot lower a GPA: grade point 4.0, or outside the GPA. */
const topScore = ['90', '96', '100', '优秀', '合格', '免修'];

function row(studentId: string, courseCode: string, semester: string, attempt: Attempt, score: string): GradeRow {
  return {
    studentId,
    courseCode,
    courseName: `课程${courseCode}`,
    credits: courseCredits[courseCode] ?? 1,
    score,
    attempt,
    semester,
    teacherName: `T${courseCode}`,
  };
}

export const gradeRowArb = fc
  .tuple(
    fc.constantFrom(...studentIds),
    fc.constantFrom(...courseCodes),
    fc.constantFrom(...semesters),
    fc.constantFrom(...attempts),
    fc.constantFrom(...anyScore),
  )
  .map(([s, c, sem, a, score]) => row(s, c, sem, a, score));

export const gradeRowsArb = fc.array(gradeRowArb, { maxLength: 40 });

export function previousArb(policy: Policy): fc.Arbitrary<PreviousEntry[]> {
  const levels = [null, ...policy.levels.map((l) => l.id)];
  return fc
    .subarray(studentIds)
    .chain((ids) =>
      fc.tuple(...ids.map((id) => fc.constantFrom(...levels).map((level) => ({ studentId: id, level })))),
    );
}

/**
 * A passed grade to add: either any pass with grade point 4.0 or outside the GPA, for any
 * course, attempt and semester; or a make-up/retake pass of any score for a course that
 * already has a graded attempt in that semester. (A brand-new pass of, say, 61 can pull a
 * GPA under a floor: that is GPA arithmetic, so it is not part of the property.)
 */
export function passedGradeArb(rows: GradeRow[]): fc.Arbitrary<GradeRow> {
  const top = fc
    .tuple(
      fc.constantFrom(...studentIds),
      fc.constantFrom(...courseCodes),
      fc.constantFrom(...semesters),
      fc.constantFrom(...attempts),
      fc.constantFrom(...topScore),
    )
    .map(([s, c, sem, a, score]) => row(s, c, sem, a, score));
  const graded = rows.filter((r) => parseScore(r.score, 60).gradePoint !== null);
  if (graded.length === 0) return top;
  const again = fc
    .tuple(fc.constantFrom(...graded), fc.constantFrom<Attempt>('makeup', 'retake'), fc.constantFrom(...passingScore))
    .map(([r, a, score]) => row(r.studentId, r.courseCode, r.semester, a, score));
  return fc.oneof(top, again);
}
