import { z } from 'zod';
import { action } from '../envelope';
import { id, requiredText } from '../fields';
import { Concern, ConcernKind } from '../concern';
import { Audit } from '../domain';

export const SectionView = z.object({
  semester: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  classNames: z.array(z.string()),
  students: z.number(),
});
export type SectionView = z.infer<typeof SectionView>;

/** A student of the teacher's sections under a published warning (the list reaches the course teacher; rules: 004-2.4). */
export const WarnedStudentRow = z.object({
  studentId: z.string(),
  name: z.string(),
  className: z.string(),
  levelName: z.string(),
  semester: z.string(),
  courseNames: z.array(z.string()),
});
export type WarnedStudentRow = z.infer<typeof WarnedStudentRow>;

export const StudentOfMine = z.object({
  studentId: z.string(),
  name: z.string(),
  className: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  warned: z.boolean(),
});
export type StudentOfMine = z.infer<typeof StudentOfMine>;

/** The stored concern as it is (with the store's audit fields and version), without its college. */
export const ConcernView = Concern.omit({ collegeId: true })
  .merge(Audit)
  .extend({ _version: z.number(), kindLabel: z.string(), className: z.string() });
export type ConcernView = z.infer<typeof ConcernView>;

export const MyTeaching = z.object({
  sections: z.array(SectionView),
  warned: z.array(WarnedStudentRow),
  students: z.array(StudentOfMine),
});
export type MyTeaching = z.infer<typeof MyTeaching>;

/** Only the common codes (a student outside the teacher's sections is ACCESS.DENIED). */
export const teachingApi = {
  mine: action(z.object({})).returns(MyTeaching).fails(),
  raiseConcern: action(
    z.object({
      studentId: id,
      courseCode: id,
      kind: ConcernKind,
      note: requiredText(500, '情况说明'),
    }),
  )
    .returns(ConcernView)
    .fails(),
  myConcerns: action(z.object({})).returns(z.array(ConcernView)).fails(),
  /** The counselor's (and head teacher's) queue: concerns about students of their classes. */
  queue: action(z.object({ status: z.enum(['open', 'closed']).default('open') }))
    .returns(z.array(ConcernView))
    .fails(),
  studentConcerns: action(z.object({ studentId: id }))
    .returns(z.array(ConcernView))
    .fails(),
  close: action(z.object({ concernId: id, outcome: requiredText(300, '处理结果') }))
    .returns(ConcernView)
    .fails(),
};
export type TeachingApi = typeof teachingApi;
