import { ownStudentId, studentsActedFor } from '../../core/access/family';
import type { MeetingView, MyPlan } from '../../../types/api/support';
import { loadStudent } from '../../platform/directory/directory';
import type { Context } from '../../platform/runtime/define-function';
import { queryAll } from '../../platform/store/store';
import { meetingsOfClasses } from '../repositories/meetings';
import { planOfWarning } from '../repositories/plans';
import { caseWarning } from './case-warning';
import { meetingView } from './meeting-view';
import { planView } from './plan-view';

/**
 * The casework a student or parent has to answer, read by their own screens and by the
 * workbench's counts alike (the same rows).
 */

/** Meetings addressed to the caller (as a student, or as a parent of an invited student), newest first. */
export async function myMeetings(ctx: Context): Promise<MeetingView[]> {
  const mine = studentsActedFor(ctx.actor);
  if (mine.length === 0) return [];
  const classIds = [
    ...new Set((await queryAll(ctx.store, 'students', { where: { _id: { in: mine } } })).map((s) => s.classId)),
  ];
  const rows = await meetingsOfClasses(ctx.store, classIds);
  // Only what is addressed to the caller.
  return rows
    .filter((m) => m.inviteeIds.includes(ctx.actor.userId))
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((m) => meetingView(ctx.actor, m));
}

/** The student's own plan for their active warning (none when no warning is active). */
export async function myPlan(ctx: Context): Promise<MyPlan> {
  const studentId = ownStudentId(ctx.actor);
  const student = await loadStudent(ctx.store, studentId);
  const warning = await caseWarning(ctx.store, studentId);
  if (!warning || warning.status !== 'active') return { warning: null, plan: null };
  const plan = await planOfWarning(ctx.store, warning._id);
  return {
    warning: {
      id: warning._id,
      levelName: warning.levelName,
      semester: warning.semester,
      failedCourses: warning.failedCourses,
    },
    plan: plan ? planView(ctx, plan, student.cohort) : null,
  };
}
