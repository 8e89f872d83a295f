import { z } from 'zod';
import { action } from '../envelope';
import { id } from '../fields';
import type { StudentProfile } from './identity';
import { SetSemesterDates, type CalendarView } from '../calendar';

export type ClassSummary = {
  classId: string;
  name: string;
  cohort: number;
  major: string;
  size: number;
  counselorName: string;
  headTeacherName: string;
  assistantName?: string;
  /** How the caller relates to the class (辅导员 / 班主任 / 学业助理 / 学院). */
  relation: string[];
};

export type StudentRow = { studentId: string; name: string; gender: '男' | '女'; dormLabel: string };

export type StudentDetail = StudentProfile & {
  dormLabel: string;
  /** The number on file, to call: only for staff who handle the student (student.readContact). */
  parentPhone?: string;
  parentName?: string;
};

export const campusApi = {
  myClasses: action(z.object({})).returns<ClassSummary[]>(),
  classStudents: action(z.object({ classId: id })).returns<{ classId: string; className: string; students: StudentRow[] }>(),
  student: action(z.object({ studentId: id })).returns<StudentDetail>(),
  /** The school calendar around today: the clerk's dates, the rule's elsewhere. */
  calendar: action(z.object({})).returns<CalendarView>(),
  /** The clerk dates one semester (validated against its neighbours; audited; the same dates again change nothing). */
  setSemester: action(SetSemesterDates).returns<CalendarView>(),
};
export type CampusApi = typeof campusApi;
