import type {
  ClassRecord,
  RosterKind,
  RosterRecord,
  StaffRecord,
  StudentRecord,
  TimetableRecord,
} from '../../types/roster';
import type { Context } from '../platform/runtime/define-function';
import type { ReadRecord } from './read-roster';
import type { KindPlan } from './kind-plan';
import { planClasses } from './plan-classes';
import { planStaff } from './plan-staff';
import { planStudents } from './plan-students';
import { planTimetable } from './plan-timetable';

/** The plan of a file of this kind (the records were read by the kind's own reader). */
export function planKind(
  ctx: Context,
  kind: RosterKind,
  collegeId: string,
  rows: ReadRecord<RosterRecord>[],
): Promise<KindPlan> {
  const pick = <R extends RosterRecord>(test: (r: RosterRecord) => r is R) =>
    rows.filter((r): r is ReadRecord<R> => test(r.record));
  switch (kind) {
    case 'students':
      return planStudents(
        ctx,
        collegeId,
        pick((r): r is StudentRecord => 'studentId' in r),
      );
    case 'classes':
      return planClasses(
        ctx,
        collegeId,
        pick((r): r is ClassRecord => 'counselorNo' in r),
      );
    case 'staff':
      return planStaff(
        ctx,
        collegeId,
        pick((r): r is StaffRecord => 'staffNo' in r),
      );
    case 'timetable':
      return planTimetable(
        ctx,
        collegeId,
        pick((r): r is TimetableRecord => 'teacherNo' in r && 'classNames' in r),
      );
  }
}
