import { ReviewerRole, type PlanLine, type StudyPlan } from '../../../types/support';
import type { Warning } from '../../../types/warning';
import { dutiesForLevel, presetPolicy } from '../rules';
import { reviewerFor, semesterOf, studyYear } from './study-year';

/** Who reviews a student's plan now: by their year of study (head teacher for years 1–2). */
export function reviewerNow(cohort: number, now: string): ReviewerRole {
  return reviewerFor(studyYear(cohort, semesterOf(now)));
}

/**
 * Joint reviewers from the policy, as data: a level whose duties make more than one role guide the
 * plan (gxu-ee 试读: head teacher and counselor) has them review it together.
 */
export function jointReviewersOf(warning: Pick<Warning, 'policyId' | 'level'>): ReviewerRole[] | undefined {
  const policy = presetPolicy(warning.policyId);
  if (!policy) return undefined;
  const roles = [
    ...new Set(
      dutiesForLevel(policy, warning.level)
        .filter((d) => d.duty === 'study-plan')
        .map((d) => ReviewerRole.safeParse(d.role)),
    ),
  ].flatMap((r) => (r.success ? [r.data] : []));
  const unique = [...new Set(roles)];
  return unique.length > 1 ? unique : undefined;
}

export type PlanStart = {
  planId: string;
  warning: Pick<Warning, '_id' | 'semester' | 'levelName' | 'policyId' | 'level'>;
  student: { _id: string; name: string; classId: string; collegeId: string; cohort: number };
  failedCourses: StudyPlan['failedCourses'];
  lines: PlanLine[];
  text: { analysis: string; goals: string };
  by: { userId: string; name: string };
  now: string;
};

/** A new draft plan for a warning: its reviewer by the student's year, joint reviewers by the policy. */
export function startPlan(s: PlanStart): StudyPlan {
  const joint = jointReviewersOf(s.warning);
  return {
    _id: s.planId,
    kind: 'studyPlan',
    warningId: s.warning._id,
    studentId: s.student._id,
    studentName: s.student.name,
    classId: s.student.classId,
    collegeId: s.student.collegeId,
    semester: s.warning.semester,
    levelName: s.warning.levelName,
    failedCourses: s.failedCourses,
    lines: s.lines,
    analysis: s.text.analysis,
    goals: s.text.goals,
    status: 'draft',
    reviewerRole: reviewerNow(s.student.cohort, s.now),
    ...(joint ? { jointReviewers: joint } : {}),
    signature: null,
    review: null,
    report: null,
    history: [{ status: 'draft', at: s.now, by: s.by.userId, byName: s.by.name, note: '开始填写' }],
    actorId: s.by.userId,
    at: s.now,
  };
}
