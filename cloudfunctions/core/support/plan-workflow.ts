import type { PlanLine, PlanStatus, ReviewerRole, StudyPlan } from '../../../types/support';
import { DomainError } from '../errors';

export type OwedCourse = { code: string; name: string; credits: number };

/** The plan as the workflow sees it. */
export type PlanState = {
  status: PlanStatus;
  lines: readonly PlanLine[];
  failedCourses: readonly OwedCourse[];
  hasReport: boolean;
};

/** A step taken on a plan (what the workflow is asked to do), not a recorded history entry (types/support PlanEvent). */
export type PlanStep =
  { type: 'edit' } | { type: 'submit' } | { type: 'review'; decision: 'approve' | 'return' } | { type: 'report' };

/** Owed courses without a written retake plan: none may be left out (rules: 002-A4.6). */
export function missingLines(failedCourses: readonly OwedCourse[], lines: readonly PlanLine[]): OwedCourse[] {
  const written = new Set(lines.filter((l) => l.retakePlan.trim() !== '').map((l) => l.courseCode));
  return failedCourses.filter((c) => !written.has(c.code));
}

/**
 * draft → submitted → returned | approved; a returned plan is edited and submitted again; an
 * approved plan takes the end-of-semester execution report. Returns the next status or throws.
 */
export function planTransition(state: PlanState, event: PlanStep): PlanStatus {
  switch (event.type) {
    case 'edit':
      if (state.status === 'draft' || state.status === 'returned') return state.status;
      throw new DomainError(
        'PLAN.LOCKED',
        state.status === 'submitted' ? '计划已提交，等待审核，暂不能修改' : '计划已通过，不能再修改',
      );
    case 'submit': {
      if (state.status !== 'draft' && state.status !== 'returned')
        throw new DomainError('PLAN.NOT_EDITABLE', '该计划已提交过，不能重复提交');
      const missing = missingLines(state.failedCourses, state.lines);
      if (missing.length > 0) {
        throw new DomainError(
          'PLAN.LINES_MISSING',
          `请为每门未通过课程写明重修计划，尚缺：${missing.map((c) => c.name).join('、')}`,
          'lines',
        );
      }
      return 'submitted';
    }
    case 'review':
      if (state.status !== 'submitted') throw new DomainError('PLAN.NOT_SUBMITTED', '只有已提交的计划可以审核');
      return event.decision === 'approve' ? 'approved' : 'returned';
    case 'report':
      if (state.status !== 'approved') throw new DomainError('PLAN.NOT_APPROVED', '计划通过审核后才能提交期末执行情况');
      return 'approved';
  }
}

/**
 * Lines as stored: one per owed course in the warning's order (names and credits from the
 * warning, never from the student), then nothing else. A line for a course not owed is refused.
 */
export function linesFor(
  failedCourses: readonly OwedCourse[],
  input: readonly { courseCode: string; retakePlan: string }[],
): PlanLine[] {
  const owed = new Map(failedCourses.map((c) => [c.code, c]));
  const given = new Map<string, string>();
  input.forEach((line, i) => {
    if (!owed.has(line.courseCode))
      throw new DomainError(
        'PLAN.COURSE_UNKNOWN',
        `课程 ${line.courseCode} 不在本次警示的未通过课程中`,
        `lines.${i}.courseCode`,
      );
    if (given.has(line.courseCode))
      throw new DomainError('PLAN.COURSE_REPEATED', `课程 ${line.courseCode} 重复`, `lines.${i}.courseCode`);
    given.set(line.courseCode, line.retakePlan.trim());
  });
  return failedCourses.map((c) => ({
    courseCode: c.code,
    courseName: c.name,
    credits: c.credits,
    retakePlan: given.get(c.code) ?? '',
  }));
}

/** The roles whose approval the plan needs (joint for gxu-ee 试读, else the year's reviewer). */
export function reviewersOf(plan: Pick<StudyPlan, 'reviewerRole' | 'jointReviewers'>): ReviewerRole[] {
  return plan.jointReviewers && plan.jointReviewers.length > 0 ? plan.jointReviewers : [plan.reviewerRole];
}

/**
 * Saving the draft: only while the warning is active (a lifted or superseded one needs no plan),
 * lines for owed courses only, and only while the plan is editable. Returns the lines to store.
 */
export function planSave(
  warningStatus: string,
  existing: Pick<PlanState, 'status' | 'hasReport'> | null,
  failedCourses: readonly OwedCourse[],
  input: readonly { courseCode: string; retakePlan: string }[],
): PlanLine[] {
  if (warningStatus !== 'active')
    throw new DomainError('PLAN.WARNING_CLOSED', '该警示已解除或被新的警示取代，无需再填写此计划');
  const lines = linesFor(failedCourses, input);
  if (existing) planTransition({ ...existing, lines, failedCourses }, { type: 'edit' });
  return lines;
}

/** Submitting: the workflow allows it and the student signs with their own name (spaces ignored). The note is for the history. */
export function planSubmit(
  state: PlanState,
  signature: string,
  studentName: string,
): { status: PlanStatus; note: string } {
  const status = planTransition(state, { type: 'submit' });
  if (signature.replace(/\s+/g, '') !== studentName)
    throw new DomainError('PLAN.SIGNATURE', '签名须为本人姓名', 'signature');
  return { status, note: state.status === 'returned' ? '修改后重新提交' : '学生签名提交' };
}
