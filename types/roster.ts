import { z } from 'zod';
import { Gender, Role } from './domain';

/**
 * The college's own files, imported by the clerk (学工部 for the school): the student roster, the
 * classes with their staff, the staff list, and a timetable naming each course's teacher.
 */
export const RosterKind = z.enum(['students', 'classes', 'staff', 'timetable'], {
  errorMap: () => ({ message: '请选择导入的名单类型' }),
});
export type RosterKind = z.infer<typeof RosterKind>;

export const rosterKindLabel: Record<RosterKind, string> = {
  students: '学生名单',
  classes: '班级名单',
  staff: '教职工名单',
  timetable: '课表（任课教师）',
};

/** One student as the student office's file holds them. */
export const StudentRecord = z.object({
  studentId: z.string(),
  name: z.string(),
  gender: Gender,
  className: z.string(),
  major: z.string(),
  cohort: z.number(),
  dormBuilding: z.string(),
  dormRoom: z.string(),
  parentName: z.string(),
  /** One or two numbers: the first is the one a binding code travels to. */
  parentPhones: z.array(z.string()),
});
export type StudentRecord = z.infer<typeof StudentRecord>;

/** One class, its staff named by 工号. */
export const ClassRecord = z.object({
  name: z.string(),
  major: z.string(),
  cohort: z.number(),
  department: z.string(),
  counselorNo: z.string(),
  headTeacherNo: z.string(),
  assistantNo: z.string(),
});
export type ClassRecord = z.infer<typeof ClassRecord>;

/** One member of staff. */
export const StaffRecord = z.object({
  staffNo: z.string(),
  name: z.string(),
  roles: z.array(Role),
  phone: z.string(),
  department: z.string(),
});
export type StaffRecord = z.infer<typeof StaffRecord>;

/** One course section of the timetable: who teaches which classes in which semester. */
export const TimetableRecord = z.object({
  semester: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  teacherNo: z.string(),
  classNames: z.array(z.string()),
});
export type TimetableRecord = z.infer<typeof TimetableRecord>;

export type RosterRecord = StudentRecord | ClassRecord | StaffRecord | TimetableRecord;

/** A field that differs between the store and the file, as the clerk reads it. */
export const FieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

export const RosterChangeKind = z.enum(['added', 'changed', 'missing']);
export type RosterChangeKind = z.infer<typeof RosterChangeKind>;

/** One person or class the import would add or change, or that the file no longer lists. */
export const RosterChange = z.object({
  key: z.string(),
  label: z.string(),
  change: RosterChangeKind,
  fields: z.array(FieldChange),
});
export type RosterChange = z.infer<typeof RosterChange>;

/** Stored staff: the user record a member of staff signs in with, plus what the staff file says. */
export const STAFF_PREFIX = 't-';
export const STUDENT_USER_PREFIX = 's-';
/** Until someone joins with an invite code their user has no WeChat: this openid matches no caller. */
export const PENDING_OPENID_PREFIX = 'pending:';

/** An audited change of the roster: from a file (its import) or made by hand (with a reason). */
export const RosterChangeDoc = z.object({
  _id: z.string(),
  collegeId: z.string(),
  kind: z.union([RosterKind, z.enum(['move', 'assign'])]),
  entityId: z.string(),
  label: z.string(),
  change: z.union([RosterChangeKind, z.enum(['removed', 'moved', 'replaced'])]),
  fields: z.array(FieldChange),
  source: z.union([z.object({ fileId: z.string() }), z.object({ manual: z.literal(true), reason: z.string() })]),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type RosterChangeDoc = z.infer<typeof RosterChangeDoc>;

/** A one-time code a student or member of staff joins with (stored by hash only). */
export const InviteCode = z.object({
  _id: z.string(),
  userId: z.string(),
  collegeId: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  usedByOpenid: z.string().nullable(),
  failedAttempts: z.number(),
  revoked: z.boolean(),
});
export type InviteCode = z.infer<typeof InviteCode>;

/** A course a teacher teaches to some classes in a semester: from the timetable, or a grade file's 授课教师. */
export const TeachingSection = z.object({
  _id: z.string(),
  collegeId: z.string(),
  semester: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  classIds: z.array(z.string()),
  source: z.enum(['timetable', 'grades']),
});
export type TeachingSection = z.infer<typeof TeachingSection>;
