import { z } from 'zod';
import { action } from '../envelope';
import { Errors } from '../errors';
import { id } from '../fields';
import { Gender } from '../domain';
import { StudentProfile } from './identity';
import { CalendarView, SetSemesterDates } from '../calendar';

export const ClassSummary = z.object({
  classId: z.string(),
  name: z.string(),
  cohort: z.number(),
  major: z.string(),
  size: z.number(),
  counselorName: z.string(),
  headTeacherName: z.string(),
  assistantName: z.string().optional(),
  /** How the caller relates to the class (辅导员 / 班主任 / 学业助理 / 学院). */
  relation: z.array(z.string()),
});
export type ClassSummary = z.infer<typeof ClassSummary>;

export const StudentRow = z.object({ studentId: z.string(), name: z.string(), gender: Gender, dormLabel: z.string() });
export type StudentRow = z.infer<typeof StudentRow>;

export const StudentDetail = StudentProfile.extend({
  dormLabel: z.string(),
  /** The number on file, to call: only for staff who handle the student (student.readContact). */
  parentPhone: z.string().optional(),
  parentName: z.string().optional(),
});
export type StudentDetail = z.infer<typeof StudentDetail>;

export const ClassStudents = z.object({ classId: z.string(), className: z.string(), students: z.array(StudentRow) });
export type ClassStudents = z.infer<typeof ClassStudents>;

export const campusApi = {
  myClasses: action(z.object({})).returns(z.array(ClassSummary)).fails(),
  classStudents: action(z.object({ classId: id }))
    .returns(ClassStudents)
    .fails(),
  student: action(z.object({ studentId: id }))
    .returns(StudentDetail)
    .fails(),
  /** The school calendar around today: the clerk's dates, the rule's elsewhere. */
  calendar: action(z.object({})).returns(CalendarView).fails(),
  /** The clerk dates one semester (validated against its neighbours; audited; the same dates again change nothing). */
  setSemester: action(SetSemesterDates).returns(CalendarView).fails(Errors.campus.DatesInvalid),
};
export type CampusApi = typeof campusApi;
