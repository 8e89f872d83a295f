import type { Student } from '../../types/domain';
import { queryAll, type Store } from '../platform/store/store';

export async function collegeName(store: Store, collegeId: string): Promise<string> {
  return (await store.get('colleges', collegeId))?.name ?? '学院';
}

export async function classNames(store: Store, classIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(classIds)];
  if (ids.length === 0) return new Map();
  return new Map((await queryAll(store, 'classes', { where: { _id: { in: ids } } })).map((c) => [c._id, c.name]));
}

export async function studentNames(store: Store, studentIds: readonly string[]): Promise<Map<string, Student>> {
  const ids = [...new Set(studentIds)];
  if (ids.length === 0) return new Map();
  return new Map((await queryAll(store, 'students', { where: { _id: { in: ids } } })).map((s) => [s._id, s]));
}

/** The student's own phone as the college has it (the student's user record), blank when unknown. */
export async function studentPhone(store: Store, studentId: string): Promise<string> {
  return (await store.get('users', `s-${studentId}`))?.phone ?? '';
}
