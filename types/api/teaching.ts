import { z } from 'zod';
import { action } from '../envelope';
import { id, requiredText } from '../fields';
import { ConcernKind, type Concern } from '../concern';

export type SectionView = { semester: string; courseCode: string; courseName: string; classNames: string[]; students: number };

/** A student of the teacher's sections under a published warning (seed 004: the list reaches the course teacher). */
export type WarnedStudentRow = { studentId: string; name: string; className: string; levelName: string; semester: string; courseNames: string[] };

export type StudentOfMine = { studentId: string; name: string; className: string; courseCode: string; courseName: string; warned: boolean };

export type ConcernView = Omit<Concern, 'collegeId'> & { kindLabel: string; className: string };

export type MyTeaching = { sections: SectionView[]; warned: WarnedStudentRow[]; students: StudentOfMine[] };

export const teachingApi = {
  mine: action(z.object({})).returns<MyTeaching>(),
  raiseConcern: action(
    z.object({
      studentId: id,
      courseCode: id,
      kind: ConcernKind,
      note: requiredText(500, '情况说明'),
    }),
  ).returns<ConcernView>(),
  myConcerns: action(z.object({})).returns<ConcernView[]>(),
  /** The counselor's (and head teacher's) queue: concerns about students of their classes. */
  queue: action(z.object({ status: z.enum(['open', 'closed']).default('open') })).returns<ConcernView[]>(),
  studentConcerns: action(z.object({ studentId: id })).returns<ConcernView[]>(),
  close: action(z.object({ concernId: id, outcome: requiredText(300, '处理结果') })).returns<ConcernView>(),
};
export type TeachingApi = typeof teachingApi;
