import type { Resource } from '../../core/access/authorize';
import { NotFoundError } from '../../core/errors';
import type { ClassInfo, College, Dorm, Student, User } from '../../../types/domain';
import type { StudentProfile } from '../../../types/api/identity';
import { queryAll, type Store, type Stored } from '../store/store';

/** Reads of the campus directory (students, classes, staff) that many functions share. */

export async function loadStudent(store: Store, studentId: string): Promise<Stored<Student>> {
  const student = await store.get('students', studentId);
  if (!student) throw new NotFoundError('该学生');
  return student;
}

export async function loadClass(store: Store, classId: string): Promise<Stored<ClassInfo>> {
  const cls = await store.get('classes', classId);
  if (!cls) throw new NotFoundError('该班级');
  return cls;
}

/** The ids a student's record is reachable by: themself, their class, their college. */
export async function studentResource(store: Store, studentId: string): Promise<Resource> {
  const student = await store.get('students', studentId);
  // An unknown id is reported as not found only to those who could see it: deny first.
  if (!student) return { studentId };
  // The class gives the department, so a department head's reach can match.
  const cls = await store.get('classes', student.classId);
  return {
    studentId,
    classId: student.classId,
    collegeId: student.collegeId,
    ...(cls ? { departmentId: cls.departmentId } : {}),
  };
}

export async function classResource(store: Store, classId: string): Promise<Resource> {
  const cls = await store.get('classes', classId);
  if (!cls) return { classId };
  return { classId, collegeId: cls.collegeId, departmentId: cls.departmentId };
}

export async function classesByIds(store: Store, ids: string[]): Promise<Stored<ClassInfo>[]> {
  if (ids.length === 0) return [];
  return queryAll(store, 'classes', { where: { _id: { in: ids } }, orderBy: [{ field: '_id', direction: 'asc' }] });
}

export async function usersByIds(store: Store, ids: string[]): Promise<Map<string, Stored<User>>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await queryAll(store, 'users', { where: { _id: { in: unique } } });
  return new Map(rows.map((u) => [u._id, u]));
}

export function dormLabel(dorm: Dorm | null | undefined): string {
  return dorm ? `${dorm.building} ${dorm.room}` : '未登记';
}

/** Profiles for a set of students, with class and college names, in two or three reads. */
export async function studentProfiles(store: Store, studentIds: string[]): Promise<StudentProfile[]> {
  if (studentIds.length === 0) return [];
  const students = await queryAll(store, 'students', {
    where: { _id: { in: studentIds } },
    orderBy: [{ field: '_id', direction: 'asc' }],
  });
  return profilesOf(store, students);
}

/** Profiles of students already loaded: their classes and colleges in one or two more reads. */
export async function profilesOf(store: Store, students: readonly Student[]): Promise<StudentProfile[]> {
  const classes = new Map(
    (await classesByIds(store, [...new Set(students.map((s) => s.classId))])).map((c) => [c._id, c]),
  );
  const colleges = new Map<string, College | null>();
  for (const id of new Set(students.map((s) => s.collegeId))) colleges.set(id, await store.get('colleges', id));
  return students.map((s) => {
    const cls = classes.get(s.classId);
    return {
      studentId: s._id,
      name: s.name,
      gender: s.gender,
      classId: s.classId,
      className: cls?.name ?? s.classId,
      cohort: s.cohort,
      major: cls?.major ?? '',
      collegeName: colleges.get(s.collegeId)?.name ?? s.collegeId,
    };
  });
}
