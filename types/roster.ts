import { z } from 'zod';
import type { Role } from './domain';

/**
 * The college's own files, imported by the clerk (学工部 for the school): the student roster, the
 * classes with their staff, the staff list, and a timetable naming each course's teacher.
 */
export const RosterKind = z.enum(['students', 'classes', 'staff', 'timetable'], { errorMap: () => ({ message: '请选择导入的名单类型' }) });
export type RosterKind = z.infer<typeof RosterKind>;

export const rosterKindLabel: Record<RosterKind, string> = { students: '学生名单', classes: '班级名单', staff: '教职工名单', timetable: '课表（任课教师）' };

/** One student as the student office's file holds them. */
export type StudentRecord = {
  studentId: string;
  name: string;
  gender: '男' | '女';
  className: string;
  major: string;
  cohort: number;
  dormBuilding: string;
  dormRoom: string;
  parentName: string;
  /** One or two numbers: the first is the one a binding code travels to. */
  parentPhones: string[];
};

/** One class, its staff named by 工号. */
export type ClassRecord = {
  name: string;
  major: string;
  cohort: number;
  department: string;
  counselorNo: string;
  headTeacherNo: string;
  assistantNo: string;
};

/** One member of staff. */
export type StaffRecord = { staffNo: string; name: string; roles: Role[]; phone: string; department: string };

/** One course section of the timetable: who teaches which classes in which semester. */
export type TimetableRecord = { semester: string; courseCode: string; courseName: string; teacherNo: string; classNames: string[] };

export type RosterRecord = StudentRecord | ClassRecord | StaffRecord | TimetableRecord;

/** A field that differs between the store and the file, as the clerk reads it. */
export type FieldChange = { field: string; before: string; after: string };

export type RosterChangeKind = 'added' | 'changed' | 'missing';

/** One person or class the import would add or change, or that the file no longer lists. */
export type RosterChange = { key: string; label: string; change: RosterChangeKind; fields: FieldChange[] };

/** Stored staff: the user record a member of staff signs in with, plus what the staff file says. */
export const STAFF_PREFIX = 't-';
export const STUDENT_USER_PREFIX = 's-';
/** Until someone joins with an invite code their user has no WeChat: this openid matches no caller. */
export const PENDING_OPENID_PREFIX = 'pending:';

export const ROSTER_CHANGES = 'rosterChanges';
export const INVITE_CODES = 'inviteCodes';
export const TEACHING_SECTIONS = 'teachingSections';

/** An audited change of the roster: from a file (its import) or made by hand (with a reason). */
export type RosterChangeDoc = {
  _id: string;
  collegeId: string;
  kind: RosterKind | 'move' | 'assign';
  entityId: string;
  label: string;
  change: RosterChangeKind | 'removed' | 'moved' | 'replaced';
  fields: FieldChange[];
  source: { fileId: string } | { manual: true; reason: string };
  by: string;
  byName: string;
  at: string;
};

/** A one-time code a student or member of staff joins with (stored by hash only). */
export type InviteCode = {
  _id: string;
  userId: string;
  collegeId: string;
  expiresAt: string;
  usedAt: string | null;
  usedByOpenid: string | null;
  failedAttempts: number;
  revoked: boolean;
};

/** A course a teacher teaches to some classes in a semester: from the timetable, or a grade file's 授课教师. */
export type TeachingSection = {
  _id: string;
  collegeId: string;
  semester: string;
  courseCode: string;
  courseName: string;
  teacherId: string;
  teacherName: string;
  classIds: string[];
  source: 'timetable' | 'grades';
};
